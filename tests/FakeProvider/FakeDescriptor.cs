using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BankcardOcr.Cloud;
using BankcardOcr.Cloud.Credentials;
using BankcardOcr.Imaging;
using BankcardOcr.Providers;

namespace BankcardOcr.Tests.FakeProvider
{
    /// <summary>The fake provider as the module sees it: everything a real provider declares, with values of its own.</summary>
    public sealed class FakeDescriptor : CloudProviderDescriptor
    {
        /// <summary>A key pair no real provider uses, with its own secret keys and environment variables.</summary>
        public static CredentialKind Keys { get; } = new CredentialKind("FakeKeys", "Fake OCR key id/secret", "FakeKeyId", "FakeSecret")
        {
            IdVariable = "FAKEOCR_KEY_ID",
            SecretVariable = "FAKEOCR_SECRET",
        };

        /// <summary>PNG only, at most 4 KB: small enough for a test image to exceed.</summary>
        public static ImageLimits Limits { get; } = new ImageLimits("Fake", new[] { ImageFormat.Png }, maxImageBytes: 4096);

        /// <inheritdoc />
        public override string Name => "Fake";

        /// <inheritdoc />
        public override IReadOnlyList<CredentialKind> CredentialKinds { get; } = new[] { Keys };

        /// <inheritdoc />
        public override IReadOnlyList<string> Regions { get; } = new[] { "fake-east-1", "fake-west-2" };

        /// <inheritdoc />
        public override ImageLimits ImageLimits => Limits;

        /// <inheritdoc />
        public override int DefaultThrottleLimit => 3;

        /// <inheritdoc />
        public override double? DefaultRequestsPerSecond => 50;

        /// <inheritdoc />
        public override Task<IRecognitionProvider> CreateAsync(ProviderSettings settings, CancellationToken cancellationToken)
        {
            var region = settings.Region ?? settings.Credential!.Region ?? Regions[0];
            if (!Regions.Contains(region))
            {
                // What a real provider's descriptor does with a region it has no endpoint for.
                throw new System.ArgumentException($"Fake has no endpoint for region '{region}'. Known regions: {string.Join(", ", Regions)}.", "region");
            }

            return Task.FromResult<IRecognitionProvider>(new FakeRecognizer(this, settings.Credential!.KeyId, region));
        }
    }
}
