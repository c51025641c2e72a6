using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using BankcardOcr.Imaging;

namespace BankcardOcr.Providers.Local
{
    /// <summary>The offline recognizer as the module sees it: no credential, no region, nothing sent anywhere.</summary>
    public sealed class LocalDescriptor : ProviderDescriptor
    {
        /// <summary>The provider name used in results and errors.</summary>
        public const string ProviderName = "Local";

        /// <summary>
        /// What the offline recognizer accepts, no vendor rule, so limits of this module's own choosing: the formats
        /// its decoder reads on every runtime PowerShell uses (JPEG, PNG, BMP and the first frame of a GIF; TIFF,
        /// WebP, HEIC and AVIF are not read); 50 MB per file; 15 px a side as for Huawei, below which no card number
        /// is legible; and, as for every provider, at most 8192 × 8192 pixels, which the decoder checks again.
        /// </summary>
        public static ImageLimits Limits { get; } = new ImageLimits(
            ProviderName,
            new[] { ImageFormat.Jpeg, ImageFormat.Png, ImageFormat.Bmp, ImageFormat.Gif },
            maxImageBytes: 50 * ImageLimits.Megabyte,
            minSide: 15);

        /// <inheritdoc />
        public override string Name => ProviderName;

        /// <inheritdoc />
        public override ImageLimits ImageLimits => Limits;

        /// <summary>Local fits nothing: a file over its limit is refused before it is read.</summary>
        public override long MaxFileBytes => Limits.MaxImageBytes;

        /// <summary>One photo per core.</summary>
        public override int DefaultThrottleLimit => Environment.ProcessorCount;

        /// <summary>Nothing leaves the machine.</summary>
        public override bool SendsRequests => false;

        /// <inheritdoc />
        public override Type ParametersType => typeof(LocalParameters);

        /// <summary>
        /// At most one photo per core: reading is all computation, so more at once only makes each photo slower and
        /// holds more images in memory; fewer is the user's choice.
        /// </summary>
        public override int ThrottleLimitFor(int? requested) => Math.Max(1, Math.Min(requested ?? DefaultThrottleLimit, Environment.ProcessorCount));

        /// <summary>Each photo read once, no retry or rate; a time limit per photo only when <c>-TimeoutSec</c> was given.</summary>
        public override IRecognitionStages CreateStages(RequestSettings settings, double? requestsPerSecond) =>
            new LocalStages(settings.IsTimeoutGiven ? settings.Timeout : (TimeSpan?)null);

        /// <inheritdoc />
        public override Task<IRecognitionProvider> CreateAsync(ProviderSettings settings, CancellationToken cancellationToken) =>
            Task.FromResult<IRecognitionProvider>(new LocalProvider(new LocalOptions
            {
                // models/ and runtimes/ are laid out in the module folder.
                ModuleDirectory = settings.ModuleDirectory,
                Parallelism = ThrottleLimitFor(settings.ThrottleLimit),
                IncludeUnverified = settings.Parameters<LocalParameters>().IncludeUnverified,
            }));

        /// <summary>
        /// The one instance: the registry lists it and the providers it builds point back to it. Declared after every
        /// other static member, which the instance's own initializers read.
        /// </summary>
        public static LocalDescriptor Instance { get; } = new LocalDescriptor();
    }
}
