using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BankcardOcr.Cloud.Http;
using BankcardOcr.Imaging;
using BankcardOcr.Calls;
using BankcardOcr.Cloud;

namespace BankcardOcr.Providers.TencentLegacy
{
    /// <summary>Settings for the legacy <c>/ocr/bankcard</c> API (docs/tencentcloud.md §5–6).</summary>
    public sealed class TencentLegacyOptions
    {
        /// <summary>The documented production address.</summary>
        public static readonly Uri DefaultEndpoint = new Uri("https://recognition.image.myqcloud.com/");

        /// <summary>The project's AppId (signature field <c>a</c> and body field <c>appid</c>).</summary>
        public string AppId { get; set; } = string.Empty;

        /// <summary>The legacy bucket; sent only when not empty.</summary>
        public string? Bucket { get; set; }

        /// <summary>The SecretId (signature field <c>k</c>).</summary>
        public string SecretId { get; set; } = string.Empty;

        /// <summary>The SecretKey as UTF-8 bytes; the provider copies it and clears its copy when disposed.</summary>
        public byte[] SecretKey { get; set; } = Array.Empty<byte>();

        /// <summary>The base address; the default is <see cref="DefaultEndpoint"/>.</summary>
        public Uri? Endpoint { get; set; }

        /// <summary>Send images Base64-encoded in a JSON body instead of as a multipart file part.</summary>
        public bool UseBase64 { get; set; }

        /// <summary>How long each request's signature stays valid; short, as it is made anew for every attempt.</summary>
        public TimeSpan SignatureLifetime { get; set; } = TimeSpan.FromMinutes(10);

        /// <summary>The clock signatures are dated by.</summary>
        public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;
    }

    /// <summary>
    /// Tencent's legacy bank-card OCR: a multi-use HMAC-SHA1 signature in <c>Authorization</c>, images as
    /// multipart/form-data (or Base64 JSON), URLs as JSON, and the <c>{code, message, data{session_id, items}}</c>
    /// envelope whose <c>code</c> decides success whatever the HTTP status.
    /// </summary>
    public sealed class TencentLegacyProvider : IRecognitionProvider
    {
        /// <summary>The provider name used in results and errors.</summary>
        public const string ProviderName = "TencentLegacy";

        private const string MultipartBoundaryPrefix = "BankcardOcr";
        private readonly TencentLegacyOptions _options;
        private readonly byte[] _secretKey;
        private readonly Uri _address;

        /// <summary>Creates the provider; the secret key is copied.</summary>
        /// <param name="options">AppId, keys, endpoint and encoding.</param>
        public TencentLegacyProvider(TencentLegacyOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            if (string.IsNullOrWhiteSpace(options.AppId))
            {
                throw new ArgumentException("TencentLegacy needs an AppId.", nameof(options));
            }

            _secretKey = (byte[])options.SecretKey.Clone();
            _address = EndpointAddress.Combine(options.Endpoint ?? TencentLegacyOptions.DefaultEndpoint, "/ocr/bankcard");
        }

        /// <inheritdoc />
        public string Name => ProviderName;

        /// <inheritdoc />
        public ProviderDescriptor Descriptor => TencentLegacyDescriptor.Instance;

        /// <inheritdoc />
        public Task<byte[]> PrepareImageAsync(byte[] image, RecognitionLog log, CancellationToken cancellationToken) =>
            ImagePreflight.PrepareAsync(image, TencentLegacyDescriptor.Limits, Name, log, cancellationToken);

        /// <inheritdoc />
        public async Task<BankcardRecognitionResult> RecognizeAsync(ProviderRequest request, CancellationToken cancellationToken)
        {
            var now = _options.Clock();
            var signature = TencentLegacySigner.CreateMultiUse(
                _options.AppId, _options.SecretId, _secretKey, now, _options.SignatureLifetime, TencentLegacySigner.NewNonce(), _options.Bucket);
            using var message = new HttpRequestMessage(HttpMethod.Post, _address) { Content = BuildContent(request) };
            // The bare signature, no scheme prefix (docs/tencentcloud.md §5.1).
            message.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
            var response = await ProviderHttp.SendAsync(message, Name, cancellationToken).ConfigureAwait(false);
            return TencentLegacyResponse.Parse(response);
        }

        /// <inheritdoc />
        public void Dispose() => Array.Clear(_secretKey, 0, _secretKey.Length);

        private HttpContent BuildContent(ProviderRequest request)
        {
            if (request.Input.Kind == RecognitionInputKind.Url || _options.UseBase64)
            {
                return JsonBody(request);
            }

            var image = request.Image!;

            // The vendor's sample (docs/tencentcloud.md §5.1): text parts without a content type, the file part with
            // its image type; the boundary unquoted in the header, as in the sample.
            var boundary = MultipartBoundaryPrefix + Guid.NewGuid().ToString("N");
            var content = new MultipartFormDataContent(boundary);
            content.Add(Part(Encoding.UTF8.GetBytes(_options.AppId), "appid", null));
            if (!string.IsNullOrEmpty(_options.Bucket))
            {
                content.Add(Part(Encoding.UTF8.GetBytes(_options.Bucket), "bucket", null));
            }

            var file = Part(image, "image", FileNameFor(request.Input));
            file.Headers.ContentType = new MediaTypeHeaderValue(ImageSniffer.Sniff(image).MimeType);
            content.Add(file);
            content.Headers.Remove("Content-Type");
            content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=" + boundary);
            return content;
        }

        private HttpContent JsonBody(ProviderRequest request)
        {
            var buffer = ImageJsonBody.Write(
                request,
                "url",
                "image",
                before: writer =>
                {
                    writer.WriteString("appid", _options.AppId);
                    if (!string.IsNullOrEmpty(_options.Bucket))
                    {
                        writer.WriteString("bucket", _options.Bucket);
                    }
                },
                extraCapacity: 6 * (_options.AppId.Length + (_options.Bucket?.Length ?? 0)));
            var content = buffer.ToContent();
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            return content;
        }

        // Content-Disposition written by hand: quoted name and filename, and no filename* parameter, which
        // HttpClient would add and which the vendor's sample does not have.
        private static ByteArrayContent Part(byte[] value, string name, string? fileName)
        {
            var part = new ByteArrayContent(value);
            var disposition = "form-data; name=\"" + name + "\"" + (fileName is null ? string.Empty : "; filename=\"" + fileName + "\"");
            part.Headers.TryAddWithoutValidation("Content-Disposition", disposition);
            return part;
        }

        private static string FileNameFor(RecognitionInput input)
        {
            var name = input.Kind == RecognitionInputKind.File ? Path.GetFileName(input.FilePath!) : input.Source;
            // The file name is only a label: keep it ASCII and free of quotes and control characters so the
            // header needs no encoding (Chinese file names are common).
            var safe = new StringBuilder(name.Length);
            foreach (var c in name)
            {
                safe.Append(c == '"' || c == '\\' || c < ' ' || c > '~' ? '_' : c);
            }

            return safe.Length == 0 ? "image" : safe.ToString();
        }
    }
}
