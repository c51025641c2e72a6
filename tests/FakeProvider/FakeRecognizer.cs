using System.Threading;
using System.Threading.Tasks;
using BankcardOcr.Imaging;
using BankcardOcr.Providers;
using BankcardOcr.Calls;

namespace BankcardOcr.Tests.FakeProvider
{
    /// <summary>
    /// Recognises without looking: every image is the same Visa test card, labelled with the key id and region the
    /// provider was built with, except that an image of 1×1 pixel has no card and the key id <c>refused</c> fails
    /// authentication, so errors travel the same way a real provider's do.
    /// </summary>
    public sealed class FakeRecognizer : IRecognitionProvider
    {
        private readonly string _keyId;
        private readonly string _region;

        /// <summary>Creates the recognizer.</summary>
        public FakeRecognizer(FakeDescriptor descriptor, string keyId, string region)
        {
            Descriptor = descriptor;
            _keyId = keyId;
            _region = region;
        }

        /// <inheritdoc />
        public string Name => "Fake";

        /// <inheritdoc />
        public ProviderDescriptor Descriptor { get; }

        /// <inheritdoc />
        public Task<byte[]> PrepareImageAsync(byte[] image, RecognitionLog log, CancellationToken cancellationToken)
        {
            ImagePreflight.Check(image, FakeDescriptor.Limits, Name);
            return Task.FromResult(image);
        }

        /// <inheritdoc />
        public Task<BankcardRecognitionResult> RecognizeAsync(ProviderRequest request, CancellationToken cancellationToken)
        {
            if (_keyId == "refused")
            {
                throw new BankcardOcrException(BankcardOcrErrorKind.AuthenticationFailed, "Fake refused the key.", Name, providerCode: "Fake.Auth", httpStatusCode: 401);
            }

            if (ImageSniffer.Sniff(request.Image!) is { Width: 1, Height: 1 })
            {
                throw new BankcardOcrException(BankcardOcrErrorKind.NoCardFound, $"{request.Input.Source}: Fake found no card.", Name, providerCode: "Fake.NoCard");
            }

            return Task.FromResult(new BankcardRecognitionResult
            {
                CardNumber = "4111111111111111",
                BankName = "Fake Bank",
                CardName = $"{_keyId}@{_region}",
                RequestId = "fake-" + request.Attempt,
            });
        }

        /// <inheritdoc />
        public void Dispose()
        {
        }
    }
}
