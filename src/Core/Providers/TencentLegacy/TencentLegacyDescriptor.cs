using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using BankcardOcr.Cloud;
using BankcardOcr.Cloud.Credentials;
using BankcardOcr.Imaging;
using BankcardOcr.Providers.Tencent;

namespace BankcardOcr.Providers.TencentLegacy
{
    /// <summary>Tencent's legacy <c>/ocr/bankcard</c> as the module sees it (docs/tencentcloud.md §5–6).</summary>
    public sealed class TencentLegacyDescriptor : CloudProviderDescriptor
    {
        /// <summary>
        /// Legacy <c>/ocr/bankcard</c> (recognition.image.myqcloud.com): at most 1 MB per image (error code 20,
        /// "单个文件最大支持1MB") and 6 MB per request body ("每个请求的包体大小限制为6MB"), no GIF
        /// ("不支持 .gif 类型的动图"). Source: cloud.tencent.com/document/api/866/17602.
        /// </summary>
        /// <remarks>
        /// The page names no accepted formats, only the GIF exclusion. JPEG, PNG and BMP are taken from the
        /// current API (same product, same billing) rather than guessing that TIFF or WebP work; all GIFs are
        /// refused because telling a still GIF from an animated one needs more than the header.
        /// </remarks>
        public static ImageLimits Limits { get; } = new ImageLimits(
            TencentLegacyProvider.ProviderName,
            new[] { ImageFormat.Jpeg, ImageFormat.Png, ImageFormat.Bmp },
            maxImageBytes: 1 * ImageLimits.Megabyte,
            maxBodyBytes: 6 * ImageLimits.Megabyte);

        /// <summary>The legacy API documents no rate; it shares billing with API 3.0, whose default is 10 requests/s.</summary>
        internal const double RequestsPerSecond = 10;

        /// <summary>Requests in flight by default.</summary>
        internal const int ThrottleLimit = 8;

        /// <inheritdoc />
        public override string Name => TencentLegacyProvider.ProviderName;

        /// <inheritdoc />
        public override IReadOnlyList<CredentialKind> CredentialKinds { get; } = new[] { TencentDescriptor.Keys };

        /// <inheritdoc />
        public override IReadOnlyList<string> SecretSettings { get; } = new[] { "AppId", "Bucket" };

        /// <inheritdoc />
        public override IReadOnlyDictionary<string, string> RequiredSecretSettings { get; } = new Dictionary<string, string>
        {
            ["AppId"] = "the legacy signature includes it",
        };

        /// <inheritdoc />
        public override IReadOnlyList<string> Regions => TencentDescriptor.RegionIds;

        /// <inheritdoc />
        public override ImageLimits ImageLimits => Limits;

        /// <inheritdoc />
        public override int DefaultThrottleLimit => ThrottleLimit;

        /// <inheritdoc />
        public override double? DefaultRequestsPerSecond => RequestsPerSecond;

        /// <inheritdoc />
        public override System.Type ParametersType => typeof(TencentLegacyParameters);

        /// <inheritdoc />
        public override void CheckCredential(ProviderSettings settings)
        {
            if (string.IsNullOrEmpty(settings.Parameters<TencentLegacyParameters>().AppId ?? settings.Credential?.AppId))
            {
                throw new ProviderSettingException("AppIdRequired", "TencentLegacy needs an AppId: pass -AppId or store AppId in the secret.", "AppId");
            }
        }

        /// <inheritdoc />
        public override Task<IRecognitionProvider> CreateAsync(ProviderSettings settings, CancellationToken cancellationToken)
        {
            var credential = settings.Credential!;
            var parameters = settings.Parameters<TencentLegacyParameters>();
            return Task.FromResult<IRecognitionProvider>(new TencentLegacyProvider(new TencentLegacyOptions
            {
                AppId = parameters.AppId ?? credential.AppId ?? string.Empty,
                Bucket = parameters.Bucket ?? credential.Bucket,
                SecretId = credential.KeyId,
                SecretKey = credential.GetSecret(),
                Endpoint = settings.Endpoint,
                UseBase64 = parameters.UseBase64,
            }));
        }

        /// <summary>
        /// The one instance: the registry lists it and the providers it builds point back to it. Declared after every
        /// other static member, which the instance's own initializers read.
        /// </summary>
        public static TencentLegacyDescriptor Instance { get; } = new TencentLegacyDescriptor();
    }
}
