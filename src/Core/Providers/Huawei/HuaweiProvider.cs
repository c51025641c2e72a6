using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BankcardOcr.Cloud.Http;
using BankcardOcr.Imaging;
using BankcardOcr.Calls;
using BankcardOcr.Cloud;

namespace BankcardOcr.Providers.Huawei
{
    /// <summary>
    /// Huawei Cloud OCR <c>RecognizeBankcard</c>: <c>POST {ocr}/v2/{project_id}/ocr/bankcard</c> with a JSON body
    /// (docs/huaweicloud.md §3), authenticated by an IAM token (<c>X-Auth-Token</c>) or an AK/SK signature (§1, §5).
    /// Call <see cref="ConnectAsync"/> once before the batch: it settles the project id and, for token auth,
    /// fetches the first token, so a wrong password or key fails the call once rather than every image.
    /// </summary>
    public sealed class HuaweiProvider : IRecognitionProvider
    {
        /// <summary>The provider name used in results and errors.</summary>
        public const string ProviderName = "Huawei";

        private const string ProjectIdHeader = "X-Project-Id";
        private readonly HuaweiOptions _options;
        private readonly byte[] _secretKey;
        private readonly Uri _ocrEndpoint;
        private Uri? _address;

        /// <summary>Creates the provider; the secret key is copied.</summary>
        /// <param name="options">Auth, project, endpoints.</param>
        /// <exception cref="ArgumentException">Neither a token source nor an access key pair is given, or the region is unknown without an endpoint.</exception>
        public HuaweiProvider(HuaweiOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            if (options.TokenSource is null && (string.IsNullOrEmpty(options.AccessKey) || options.SecretKey.Length == 0))
            {
                throw new ArgumentException("Huawei needs an IAM token source or an access key pair (AK/SK).", nameof(options));
            }

            _secretKey = (byte[])options.SecretKey.Clone();
            _ocrEndpoint = options.Endpoint ?? HuaweiRegions.GetOcrEndpoint(options.Region);
            if (!string.IsNullOrEmpty(options.ProjectId))
            {
                ProjectId = options.ProjectId;
                _address = AddressFor(options.ProjectId!);
            }
        }

        /// <inheritdoc />
        public string Name => ProviderName;

        /// <inheritdoc />
        public ProviderDescriptor Descriptor => HuaweiDescriptor.Instance;

        /// <summary>The project id requests go to, once known.</summary>
        public string? ProjectId { get; private set; }

        /// <summary>
        /// Settles the project id (the given one; the token's <c>token.project.id</c>; or the AK/SK lookup of §7.3)
        /// and, for token auth, fetches the first token through the shared cache.
        /// </summary>
        /// <param name="cancellationToken">Cancels the IAM calls.</param>
        /// <exception cref="BankcardOcrException">IAM refused, or the token cannot be used.</exception>
        public async Task ConnectAsync(CancellationToken cancellationToken)
        {
            var projectId = _options.ProjectId;
            if (_options.TokenSource != null)
            {
                var token = await _options.TokenSource.GetTokenAsync(force: false, cancellationToken).ConfigureAwait(false);
                projectId = string.IsNullOrEmpty(projectId) ? token.ProjectId : projectId;
            }
            else if (string.IsNullOrEmpty(projectId))
            {
                var iam = _options.IamEndpoint ?? HuaweiRegions.GetIamEndpoint(_options.Region);
                projectId = await HuaweiProjectIds.GetAsync(iam, _options.Region, _options.AccessKey!, _secretKey, _options.Clock(), cancellationToken).ConfigureAwait(false);
            }

            ProjectId = projectId;
            _address = AddressFor(projectId!);
        }

        /// <inheritdoc />
        public Task<byte[]> PrepareImageAsync(byte[] image, RecognitionLog log, CancellationToken cancellationToken) =>
            ImagePreflight.PrepareAsync(image, HuaweiDescriptor.Limits, Name, log, cancellationToken);

        /// <inheritdoc />
        public async Task<BankcardRecognitionResult> RecognizeAsync(ProviderRequest request, CancellationToken cancellationToken)
        {
            var address = _address ?? throw new InvalidOperationException("Call ConnectAsync before recognising.");
            // "url" is sent as AbsoluteUri, already UTF-8 percent-encoded as §3.1 asks; a data: prefix on the image
            // would be refused as AIS.0102 (§3.1).
            var payload = ImageJsonBody.Write(request, "url", "image", after: writer =>
            {
                if (_options.ReturnTextLocation)
                {
                    writer.WriteBoolean("return_text_location", true);
                }
            });
            // Hashed and sent from the one buffer it was written into: no copy of a Base64 image up to 10 MB.
            using var message = new HttpRequestMessage(HttpMethod.Post, address) { Content = payload.ToContent() };
            // Exactly the documented value; TryAddWithoutValidation keeps HttpClient from appending a charset.
            message.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");

            HuaweiIamToken? token = null;
            if (_options.TokenSource != null)
            {
                token = await _options.TokenSource.GetTokenAsync(force: false, cancellationToken).ConfigureAwait(false);
                message.Headers.TryAddWithoutValidation(HuaweiIamRequest.AuthTokenHeader, token.GetToken());
            }
            else
            {
                Sign(message, address, payload.Written);
            }

            var response = await ProviderHttp.SendAsync(message, Name, cancellationToken).ConfigureAwait(false);
            try
            {
                return HuaweiResponse.Parse(response, usedToken: token != null);
            }
            catch (BankcardOcrException e) when (e.RequiresFreshCredential && token != null)
            {
                // APIG.0307 or a 401 with a token (§4, §9): drop it, so the engine's one fresh-credential retry
                // fetches a new one; concurrent refusals of the same token still cause a single IAM call.
                _options.TokenSource!.Reject(token);
                request.Log.Verbose($"Huawei refused the IAM token ({e.ProviderCode ?? "HTTP " + e.HttpStatusCode}); a new token will be requested.");
                throw;
            }
        }

        /// <inheritdoc />
        /// <remarks>Also disposes the token source, which holds a copy of the password.</remarks>
        public void Dispose()
        {
            Array.Clear(_secretKey, 0, _secretKey.Length);
            _options.TokenSource?.Dispose();
        }

        private Uri AddressFor(string projectId) =>
            EndpointAddress.Combine(_ocrEndpoint, "v2/" + Uri.EscapeDataString(projectId) + "/ocr/bankcard");

        /// <summary>
        /// SDK-HMAC-SHA256 the SDK way (§5.2): Host, X-Project-Id and X-Sdk-Date signed, Content-Type sent but
        /// not signed. Signed anew for every attempt, so a retry carries a current X-Sdk-Date.
        /// </summary>
        private void Sign(HttpRequestMessage message, Uri address, ArraySegment<byte> payload)
        {
            var headers = new Dictionary<string, string> { [ProjectIdHeader] = ProjectId! };
            var signature = HuaweiSigner.Sign("POST", address, headers, payload, _options.AccessKey!, _secretKey, _options.Clock());
            message.Headers.TryAddWithoutValidation(ProjectIdHeader, ProjectId);
            RequestAuthentication.Apply(message, signature.Headers);
        }

    }
}
