using System;
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
        /// The offline recognizer: no vendor rule, so limits of this module's own choosing. JPEG, PNG, BMP, TIFF
        /// and GIF (the first frame of a scan), all of which common decoders read on every runtime PowerShell
        /// uses; WebP, HEIC and AVIF are left out because .NET Framework's decoder cannot read them. 50 MB and
        /// 16384 px per side bound the memory a full decode takes (16384² × 4 bytes = 1 GB); 15 px as for Huawei,
        /// below which no card number is legible.
        /// </summary>
        public static ImageLimits Limits { get; } = new ImageLimits(
            ProviderName,
            new[] { ImageFormat.Jpeg, ImageFormat.Png, ImageFormat.Bmp, ImageFormat.Tiff, ImageFormat.Gif },
            maxImageBytes: 50 * ImageLimits.Megabyte,
            minSide: 15,
            maxSide: 16384);

        /// <inheritdoc />
        public override string Name => ProviderName;

        /// <inheritdoc />
        public override ImageLimits ImageLimits => Limits;

        /// <summary>One image per core: each inference then runs on one thread (<see cref="LocalOptions.IntraOpThreads"/>).</summary>
        public override int DefaultThrottleLimit => Environment.ProcessorCount;

        /// <inheritdoc />
        public override Task<IRecognitionProvider> CreateAsync(ProviderSettings settings, CancellationToken cancellationToken) =>
            Task.FromResult<IRecognitionProvider>(new LocalProvider(new LocalOptions
            {
                // models/ and runtimes/ are laid out in the module folder.
                ModuleDirectory = settings.ModuleDirectory,
                Parallelism = settings.ThrottleLimit ?? Environment.ProcessorCount,
                IncludeUnverified = settings.IsSet("IncludeUnverified"),
            }));
    }
}
