using System;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BankcardOcr.Cloud.Http;
using BankcardOcr.Imaging;
using BankcardOcr.Calls;
using BankcardOcr.Cloud;

namespace BankcardOcr.Providers.Tencent
{
    /// <summary>Settings for API 3.0 <c>BankCardOCR</c> (docs/tencentcloud.md §2–3).</summary>
    public sealed class TencentOptions
    {
        /// <summary>The documented production address; the path is always <c>/</c>.</summary>
        public static readonly Uri DefaultEndpoint = new Uri("https://ocr.tencentcloudapi.com/");

        /// <summary>The SecretId.</summary>
        public string SecretId { get; set; } = string.Empty;

        /// <summary>The SecretKey as UTF-8 bytes; the provider copies it and clears its copy when disposed.</summary>
        public byte[] SecretKey { get; set; } = Array.Empty<byte>();

        /// <summary>The base address; the default is <see cref="DefaultEndpoint"/>.</summary>
        public Uri? Endpoint { get; set; }

        /// <summary><c>X-TC-Region</c>, e.g. <c>ap-guangzhou</c>; optional for this action, omitted when empty.</summary>
        public string? Region { get; set; }

        /// <summary>Ask for the cropped, aligned card image (<c>RetBorderCutImage</c>).</summary>
        public bool RetBorderCutImage { get; set; }

        /// <summary>Ask for a crop of the card number (<c>RetCardNoImage</c>).</summary>
        public bool RetCardNoImage { get; set; }

        /// <summary>Warn on photocopies (<c>EnableCopyCheck</c>).</summary>
        public bool EnableCopyCheck { get; set; }

        /// <summary>Warn on reshoots of screens (<c>EnableReshootCheck</c>).</summary>
        public bool EnableReshootCheck { get; set; }

        /// <summary>Warn on occluded borders (<c>EnableBorderCheck</c>).</summary>
        public bool EnableBorderCheck { get; set; }

        /// <summary>Return a blur score (<c>EnableQualityValue</c>).</summary>
        public bool EnableQualityValue { get; set; }

        /// <summary>A folder where returned card images are saved; null to discard them.</summary>
        public string? ImageFolder { get; set; }

        /// <summary>The clock requests are signed by.</summary>
        public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;
    }

    /// <summary>
    /// Tencent Cloud API 3.0 <c>BankCardOCR</c>: a JSON body signed with TC3-HMAC-SHA256, sent with exactly the
    /// Content-Type that was signed, answered by <c>{"Response": {...}}</c> whose <c>Error</c> decides failure.
    /// </summary>
    public sealed class TencentProvider : IRecognitionProvider
    {
        /// <summary>The provider name used in results and errors.</summary>
        public const string ProviderName = "Tencent";

        private const string Action = "BankCardOCR";
        private readonly TencentOptions _options;
        private readonly byte[] _secretKey;

        // The crop files written by this provider (one per call of the cmdlet), to give shared names a suffix.
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _savedPaths =
            new System.Collections.Concurrent.ConcurrentDictionary<string, byte>(StringComparer.OrdinalIgnoreCase);
        private readonly Uri _address;

        /// <summary>Creates the provider; the secret key is copied.</summary>
        /// <param name="options">Keys, endpoint, region and checks.</param>
        public TencentProvider(TencentOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _secretKey = (byte[])options.SecretKey.Clone();
            _address = EndpointAddress.Combine(options.Endpoint ?? TencentOptions.DefaultEndpoint, "/");
        }

        /// <inheritdoc />
        public string Name => ProviderName;

        /// <inheritdoc />
        public ProviderDescriptor Descriptor => TencentDescriptor.Instance;

        /// <inheritdoc />
        public Task<byte[]> PrepareImageAsync(byte[] image, RecognitionLog log, CancellationToken cancellationToken) =>
            ImagePreflight.PrepareAsync(image, TencentDescriptor.Limits, Name, log, cancellationToken);

        /// <inheritdoc />
        public async Task<BankcardRecognitionResult> RecognizeAsync(ProviderRequest request, CancellationToken cancellationToken)
        {
            var payload = ImageJsonBody.Write(request, "ImageUrl", "ImageBase64", after: writer =>
            {
                // Unset switches are omitted, as the SDKs omit null fields (docs/tencentcloud.md §2.2).
                WriteFlag(writer, "RetBorderCutImage", _options.RetBorderCutImage);
                WriteFlag(writer, "RetCardNoImage", _options.RetCardNoImage);
                WriteFlag(writer, "EnableCopyCheck", _options.EnableCopyCheck);
                WriteFlag(writer, "EnableReshootCheck", _options.EnableReshootCheck);
                WriteFlag(writer, "EnableBorderCheck", _options.EnableBorderCheck);
                WriteFlag(writer, "EnableQualityValue", _options.EnableQualityValue);
            });
            // Signed anew for every attempt, so a retry after AuthFailure.SignatureExpire carries a fresh timestamp.
            var signing = new Tc3SigningRequest(Action, payload.Written, _options.Clock())
            {
                HostName = EndpointAddress.HostHeader(_address),
                Region = _options.Region,
            };
            var signature = Tc3Signer.Sign(signing, _options.SecretId, _secretKey);
            using var message = new HttpRequestMessage(HttpMethod.Post, _address) { Content = payload.ToContent() };
            RequestAuthentication.Apply(message, signature.Headers);

            var response = await ProviderHttp.SendAsync(message, Name, cancellationToken).ConfigureAwait(false);
            var wantImages = !string.IsNullOrEmpty(_options.ImageFolder) && (_options.RetBorderCutImage || _options.RetCardNoImage);
            var result = TencentResponse.Parse(response, wantImages, out var images);
            if (ResultValidation.IsCardNumberShape(result.CardNumber))
            {
                // The batch refuses an answer without a card number's shape; its crops are not worth a file.
                SaveImages(result, request, images);
            }

            return result;
        }

        /// <inheritdoc />
        public void Dispose() => Array.Clear(_secretKey, 0, _secretKey.Length);

        private static void WriteFlag(Utf8JsonWriter writer, string name, bool value)
        {
            if (value)
            {
                writer.WriteBoolean(name, true);
            }
        }

        private void SaveImages(BankcardRecognitionResult result, ProviderRequest request, (byte[]? BorderCut, byte[]? CardNo) images)
        {
            if (images.BorderCut is null && images.CardNo is null)
            {
                return;
            }

            var stem = ImageFileStem(request.Input);
            if (images.BorderCut != null)
            {
                result.BorderCutImagePath = Save(stem + ".border", images.BorderCut, request.Log);
            }

            if (images.CardNo != null)
            {
                result.CardNoImagePath = Save(stem + ".cardno", images.CardNo, request.Log);
            }
        }

        private string Save(string stem, byte[] image, RecognitionLog log)
        {
            var extension = Extension(ImageSniffer.Sniff(image).Format);
            var path = Path.Combine(_options.ImageFolder!, stem + extension);

            // Inputs of one call may share a file name (scans/a/card.jpg, scans/b/card.jpg): the second gets
            // card-2.border.jpg rather than overwriting the first's crop. Files of earlier calls are replaced.
            for (var n = 2; !_savedPaths.TryAdd(path, 0); n++)
            {
                var dot = stem.LastIndexOf('.');
                path = Path.Combine(_options.ImageFolder!, stem.Substring(0, dot) + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + stem.Substring(dot) + extension);
            }

            File.WriteAllBytes(path, image);
            log.Verbose($"Saved {image.Length:N0} bytes to {path}.");
            return path;
        }

        private static string Extension(ImageFormat format) => format switch
        {
            ImageFormat.Png => ".png",
            ImageFormat.Bmp => ".bmp",
            ImageFormat.Tiff => ".tif",
            _ => ".jpg", // Tencent returns JPEG crops
        };

        private static string ImageFileStem(RecognitionInput input)
        {
            var name = input.Kind == RecognitionInputKind.File
                ? Path.GetFileNameWithoutExtension(input.FilePath!)
                : input.Kind == RecognitionInputKind.Url ? Path.GetFileNameWithoutExtension(input.Url!.AbsolutePath) : input.Source;
            foreach (var c in Path.GetInvalidFileNameChars())
            {
                name = name.Replace(c, '_');
            }

            return name.Length == 0 ? "image" : name;
        }
    }
}
