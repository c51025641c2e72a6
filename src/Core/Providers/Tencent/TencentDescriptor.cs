using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using BankcardOcr.Cloud;
using BankcardOcr.Cloud.Credentials;
using BankcardOcr.Imaging;

namespace BankcardOcr.Providers.Tencent
{
    /// <summary>Tencent Cloud API 3.0 <c>BankCardOCR</c> as the module sees it (docs/tencentcloud.md §2–3).</summary>
    public sealed class TencentDescriptor : CloudProviderDescriptor
    {
        /// <summary>SecretId / SecretKey, shared by both Tencent providers, from the SDKs' TENCENTCLOUD_SECRET_ID / _KEY.</summary>
        public static CredentialKind Keys { get; } = new CredentialKind("TencentKeys", "Tencent Cloud SecretId/SecretKey", "SecretId", "SecretKey")
        {
            IdVariable = "TENCENTCLOUD_SECRET_ID",
            SecretVariable = "TENCENTCLOUD_SECRET_KEY",
        };

        /// <summary>
        /// Regions that accept Tencent's BankCardOCR. Region is optional for this action today; an older revision
        /// of the API document (876/36216) listed these five (docs/tencentcloud.md §2.1).
        /// </summary>
        public static IReadOnlyList<string> RegionIds { get; } = new[] { "ap-beijing", "ap-guangzhou", "ap-hongkong", "ap-seoul", "ap-shanghai" };

        /// <summary>
        /// API 3.0 BankCardOCR: <c>ImageBase64</c> at most 10 MB after encoding; PNG, JPG, JPEG, BMP; no GIF.
        /// Source: cloud.tencent.com/document/api/866/36216. Older and international pages say
        /// 7 MB; the current Chinese page is followed. The raw limit is derived: the largest file whose Base64
        /// fits (7.5 MB). The suggested 500×800 resolution is advice, not a limit, so no side is enforced.
        /// </summary>
        public static ImageLimits Limits { get; } = new ImageLimits(
            TencentProvider.ProviderName,
            new[] { ImageFormat.Jpeg, ImageFormat.Png, ImageFormat.Bmp },
            maxImageBytes: ImageLimits.LargestRawFor(10 * ImageLimits.Megabyte),
            maxEncodedBytes: 10 * ImageLimits.Megabyte);

        /// <summary>BankCardOCR's documented default limit is 10 requests per second (docs/tencentcloud.md §2.1).</summary>
        internal const double RequestsPerSecond = 10;

        /// <summary>Requests in flight by default.</summary>
        internal const int ThrottleLimit = 8;

        /// <inheritdoc />
        public override string Name => TencentProvider.ProviderName;

        /// <inheritdoc />
        public override IReadOnlyList<CredentialKind> CredentialKinds { get; } = new[] { Keys };

        /// <inheritdoc />
        public override IReadOnlyList<string> SecretSettings { get; } = new[] { "AppId", "Bucket" };

        /// <inheritdoc />
        public override IReadOnlyList<string> Regions => RegionIds;

        /// <inheritdoc />
        public override ImageLimits ImageLimits => Limits;

        /// <inheritdoc />
        public override int DefaultThrottleLimit => ThrottleLimit;

        /// <inheritdoc />
        public override double? DefaultRequestsPerSecond => RequestsPerSecond;

        /// <inheritdoc />
        public override System.Type ParametersType => typeof(TencentParameters);

        /// <inheritdoc />
        public override void CheckParameters(ProviderSettings settings)
        {
            var parameters = settings.Parameters<TencentParameters>();
            if (parameters.ImageFolder is null && (parameters.ReturnCardImage || parameters.ReturnCardNumberImage))
            {
                // A crop nobody keeps costs a larger answer per image; asking for it without a place to put it is a mistake.
                throw new ProviderSettingException(
                    "ImageFolderRequired",
                    "-ReturnCardImage and -ReturnCardNumberImage need -ImageFolder, the existing folder where the returned images are saved.",
                    "ImageFolder");
            }
        }

        /// <inheritdoc />
        public override Task<IRecognitionProvider> CreateAsync(ProviderSettings settings, CancellationToken cancellationToken)
        {
            var credential = settings.Credential!;
            var parameters = settings.Parameters<TencentParameters>();
            return Task.FromResult<IRecognitionProvider>(new TencentProvider(new TencentOptions
            {
                SecretId = credential.KeyId,
                SecretKey = credential.GetSecret(),
                Endpoint = settings.Endpoint,
                Region = settings.Region ?? credential.Region,
                RetBorderCutImage = parameters.ReturnCardImage,
                RetCardNoImage = parameters.ReturnCardNumberImage,
                EnableCopyCheck = parameters.DetectCopy,
                EnableReshootCheck = parameters.DetectReshoot,
                EnableBorderCheck = parameters.DetectIncompleteBorder,
                EnableQualityValue = parameters.IncludeQualityValue,
                ImageFolder = parameters.ImageFolder,
            }));
        }

        /// <summary>
        /// The one instance: the registry lists it and the providers it builds point back to it. Declared after every
        /// other static member, which the instance's own initializers read.
        /// </summary>
        public static TencentDescriptor Instance { get; } = new TencentDescriptor();
    }
}
