using System;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BankcardOcr.Cloud.Http;
using BankcardOcr.Cloud;

namespace BankcardOcr.Providers.Huawei
{
    /// <summary>
    /// The two IAM calls the provider needs (docs/huaweicloud.md §7): a password-method token, and the project id of a
    /// region for AK/SK callers. Both send through <see cref="ProviderHttp"/>; neither caches (see
    /// <see cref="HuaweiTokenCache"/> and <see cref="HuaweiProjectIds"/>).
    /// </summary>
    public static class HuaweiIamClient
    {
        private const string Provider = HuaweiProvider.ProviderName;

        /// <summary>Requests a project-scoped token with <c>POST {iam}/v3/auth/tokens?nocatalog=true</c>.</summary>
        /// <param name="iamEndpoint">The IAM base address.</param>
        /// <param name="userName">The IAM user name.</param>
        /// <param name="password">The password as UTF-8; read only, the caller clears it.</param>
        /// <param name="domainName">The account name (§7.1).</param>
        /// <param name="scope">The project, by name or id.</param>
        /// <param name="region">The region the token is for, recorded on the token.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <exception cref="BankcardOcrException">IAM refused, or answered without a token.</exception>
        public static async Task<HuaweiIamToken> RequestTokenAsync(
            Uri iamEndpoint, string userName, byte[] password, string domainName, HuaweiProjectScope scope, string region, CancellationToken cancellationToken)
        {
            // nocatalog: the catalog is not needed and only makes the answer bigger (§7.1).
            var uri = HuaweiIamRequest.GetTokenUri(iamEndpoint, noCatalog: true);
            var body = HuaweiIamRequest.BuildPasswordTokenBody(userName, password, domainName, scope);
            ProviderResponse response;
            try
            {
                using var message = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
                message.Content.Headers.TryAddWithoutValidation("Content-Type", HuaweiIamRequest.ContentType);
                response = await ProviderHttp.SendAsync(message, Provider, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // The body holds the password.
                Array.Clear(body, 0, body.Length);
            }

            return ReadToken(response, iamEndpoint, region, userName, domainName);
        }

        /// <summary>
        /// The id of the project named <paramref name="region"/>, from a signed <c>GET {iam}/v3/projects?name=…</c>
        /// that must match exactly one project (§7.3).
        /// </summary>
        /// <param name="iamEndpoint">The IAM base address.</param>
        /// <param name="region">The region, which is the project's name.</param>
        /// <param name="accessKey">The AK.</param>
        /// <param name="secretKey">The SK as UTF-8; read only.</param>
        /// <param name="time">The signing time.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <exception cref="BankcardOcrException">IAM refused, or zero or several projects matched.</exception>
        public static async Task<string> LookUpProjectIdAsync(
            Uri iamEndpoint, string region, string accessKey, byte[] secretKey, DateTimeOffset time, CancellationToken cancellationToken)
        {
            var uri = new Uri(EndpointAddress.Combine(iamEndpoint, "v3/projects").AbsoluteUri + "?name=" + Uri.EscapeDataString(region));
            var signature = HuaweiSigner.Sign("GET", uri, null, null, accessKey, secretKey, time);
            using var message = new HttpRequestMessage(HttpMethod.Get, uri);
            RequestAuthentication.Apply(message, signature.Headers);

            var response = await ProviderHttp.SendAsync(message, Provider, cancellationToken).ConfigureAwait(false);
            using var document = ParseOrThrow(response, signedWithAccessKeys: true);
            var root = document.RootElement;
            if (!root.TryGetProperty("projects", out var projects) || projects.ValueKind != JsonValueKind.Array)
            {
                throw Invalid(response, "has no 'projects' list");
            }

            // The SDK fails on no match and on several ("Multiple project ids found"), §7.3.
            string? id = null;
            var count = 0;
            foreach (var project in projects.EnumerateArray())
            {
                count++;
                id = Text(project, "id");
            }

            if (count != 1 || string.IsNullOrEmpty(id))
            {
                throw new BankcardOcrException(
                    BankcardOcrErrorKind.ProviderError,
                    count == 0
                        ? $"Huawei IAM knows no project named '{region}' for this access key; check -Region, or pass -ProjectId (or set HUAWEICLOUD_SDK_PROJECT_ID)."
                        : $"Huawei IAM found {count} projects named '{region}'; pass -ProjectId to choose one.",
                    Provider,
                    httpStatusCode: response.StatusCode,
                    requestId: RequestId(response));
            }

            return id!;
        }

        internal static HuaweiIamToken ReadToken(ProviderResponse response, Uri iamEndpoint, string region, string userName, string domainName)
        {
            using var document = ParseOrThrow(response);
            var token = response.Header(HuaweiIamRequest.SubjectTokenHeader);
            var root = document.RootElement;
            if (string.IsNullOrEmpty(token) || !root.TryGetProperty("token", out var body) || body.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(response, "carries no X-Subject-Token header or no 'token' object");
            }

            if (!TryTime(body, "expires_at", out var expiresAt))
            {
                throw Invalid(response, "has no readable token.expires_at");
            }

            // issued_at is informational; without it, assume the documented 24 h lifetime (§7.2).
            var issuedAt = TryTime(body, "issued_at", out var issued) ? issued : expiresAt.AddHours(-24);
            var project = body.TryGetProperty("project", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            var projectId = project.ValueKind == JsonValueKind.Object ? Text(project, "id") : string.Empty;
            if (projectId.Length == 0)
            {
                // OCR refuses such a token with ModelArts.0212 (§7.1); say so now rather than on every image.
                throw new BankcardOcrException(
                    BankcardOcrErrorKind.AuthenticationFailed,
                    "Huawei IAM issued a token without a project scope; OCR needs a project-scoped token (ask for a project name or id).",
                    Provider,
                    httpStatusCode: response.StatusCode,
                    requestId: RequestId(response));
            }

            var user = body.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.Object ? u : default;
            var userDomain = user.ValueKind == JsonValueKind.Object && user.TryGetProperty("domain", out var d) ? d : default;
            return new HuaweiIamToken(
                token!,
                region,
                projectId,
                Text(project, "name"),
                user.ValueKind == JsonValueKind.Object && Text(user, "name").Length > 0 ? Text(user, "name") : userName,
                userDomain.ValueKind == JsonValueKind.Object && Text(userDomain, "name").Length > 0 ? Text(userDomain, "name") : domainName,
                issuedAt,
                expiresAt,
                iamEndpoint);
        }

        /// <summary>The body of a successful answer, or the exception an error answer stands for (§7.4).</summary>
        private static JsonDocument ParseOrThrow(ProviderResponse response, bool signedWithAccessKeys = false)
        {
            JsonDocument? document = null;
            try
            {
                document = AnswerJson.Parse(response.Body);
            }
            catch (JsonException)
            {
            }

            var success = response.StatusCode >= 200 && response.StatusCode < 300;
            if (success && document != null && document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            var (code, message) = document is null ? (null, null) : HuaweiResponse.ErrorFields(document.RootElement);
            document?.Dispose();
            if (success)
            {
                throw Invalid(response, "is not a JSON object");
            }

            throw HuaweiIamErrors.ToException(code, message, response.StatusCode, RequestId(response), response.RetryAfterSeconds(), signedWithAccessKeys);
        }

        private static BankcardOcrException Invalid(ProviderResponse response, string what) =>
            new BankcardOcrException(
                BankcardOcrErrorKind.InvalidResponse,
                $"Huawei IAM answered HTTP {response.StatusCode} with a body that {what}.",
                Provider,
                httpStatusCode: response.StatusCode,
                requestId: RequestId(response));

        private static string? RequestId(ProviderResponse response) =>
            response.Header(HuaweiResponse.RequestIdHeader) ?? response.Header("X-IAM-Trace-Id");

        /// <summary>ISO-8601 UTC with six fractional digits and a Z (§7.2), read as UTC whatever the local zone.</summary>
        private static bool TryTime(JsonElement element, string name, out DateTimeOffset value)
        {
            value = default;
            var text = Text(element, name);
            return text.Length > 0
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
        }

        private static string Text(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? (value.GetString() ?? string.Empty).Trim()
                : string.Empty;
    }
}
