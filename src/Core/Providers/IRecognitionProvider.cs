using System;
using System.Threading;
using System.Threading.Tasks;
using BankcardOcr.Calls;

namespace BankcardOcr.Providers
{
    /// <summary>
    /// One bank-card recognizer. Each provider folder implements this: its auth or signing, its request,
    /// its response mapping and its error table. Retry, rate limiting, timeouts and concurrency are not the
    /// provider's business: the batch (<c>RecognitionBatch</c>) wraps every call in the stages its descriptor chooses.
    /// </summary>
    public interface IRecognitionProvider : IDisposable
    {
        /// <summary><c>Tencent</c>, <c>TencentLegacy</c>, <c>Huawei</c> or <c>Local</c>.</summary>
        string Name { get; }

        /// <summary>The descriptor that built it: its limits, default pace and request stages come from there.</summary>
        ProviderDescriptor Descriptor { get; }

        /// <summary>Checks an image against the provider's documented limits before anything is sent.</summary>
        /// <param name="image">The encoded image.</param>
        /// <param name="log">Where to say what was checked or changed.</param>
        /// <param name="cancellationToken">Cancelled on Ctrl+C.</param>
        /// <returns>The bytes to send: the same array, or a re-encoded copy that fits.</returns>
        /// <exception cref="BankcardOcrException">UnsupportedImageFormat, ImageTooLarge or ImageTooSmall.</exception>
        Task<byte[]> PrepareImageAsync(byte[] image, RecognitionLog log, CancellationToken cancellationToken);

        /// <summary>Sends one request and maps the answer; throws <see cref="BankcardOcrException"/> for any failure.</summary>
        /// <param name="request">The image or URL, with the attempt number and the log.</param>
        /// <param name="cancellationToken">Cancelled on Ctrl+C or when the attempt's time is up.</param>
        Task<BankcardRecognitionResult> RecognizeAsync(ProviderRequest request, CancellationToken cancellationToken);
    }

    /// <summary>What one attempt sends.</summary>
    public sealed class ProviderRequest
    {
        /// <summary>Creates a request.</summary>
        public ProviderRequest(RecognitionInput input, byte[]? image, int attempt, RecognitionLog log)
        {
            Input = input;
            Image = image;
            Attempt = attempt;
            Log = log;
        }

        /// <summary>The user's input (source label, URL).</summary>
        public RecognitionInput Input { get; }

        /// <summary>The prepared image bytes; null for URL inputs.</summary>
        public byte[]? Image { get; }

        /// <summary>0 for the first attempt, then 1, 2, … for retries.</summary>
        public int Attempt { get; }

        /// <summary>Messages for the user, written by the pipeline thread.</summary>
        public RecognitionLog Log { get; }
    }
}
