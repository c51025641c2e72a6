using System;
using System.Collections.Generic;
using BankcardOcr.Cloud;
using static BankcardOcr.BankcardOcrErrorKind;

namespace BankcardOcr.Providers.Huawei
{
    /// <summary>
    /// Maps the error answers of Huawei Cloud OCR (<c>{"error_code","error_msg"}</c>, docs/huaweicloud.md §4 and the
    /// RecognizeBankcard page's error table) to <see cref="BankcardOcrException"/>. OCR runs on ModelArts behind
    /// API Gateway, so codes start with <c>AIS.</c>, <c>ModelArts.</c>, <c>APIG.</c> or <c>APIGW.</c>.
    /// </summary>
    public static class HuaweiErrors
    {
        private const string ImageLimits = "each side 15–8192 px, at most 10 MB as Base64 (a file of at most 7 MB is recommended)";

        private static readonly Dictionary<string, ProviderErrorRule> Rules = new Dictionary<string, ProviderErrorRule>(StringComparer.OrdinalIgnoreCase)
        {
            ["AIS.0101"] = new ProviderErrorRule(ProviderError, "Huawei OCR refused the request as invalid input (both image and url set, a misspelt true/false, or bad characters)."),
            // A data:image/...;base64, prefix also gives AIS.0102 (§3.1).
            ["AIS.0102"] = new ProviderErrorRule(UnsupportedImageFormat, "Huawei OCR does not support this image format or the data is not plain Base64; it accepts JPG, PNG, BMP and TIFF."),
            // The code covers both bounds; without the image at hand, too large is the likely side.
            ["AIS.0103"] = new ProviderErrorRule(ImageTooLarge, "The image does not meet Huawei OCR's size limits: " + ImageLimits + "."),
            // The OCR error page advises to check the image quality and "whether the called API is correct":
            // the image is not a readable bank card front.
            ["AIS.0104"] = new ProviderErrorRule(NoCardFound, "Huawei OCR found no readable bank card: the image is not supported or its quality is too poor."),
            // Retried within -MaxRetries; the module does not hold it to "at most once" (§4).
            ["AIS.0105"] = new ProviderErrorRule(ProviderError, "Huawei OCR recognition failed (algorithm error).", isRetryable: true),

            ["ModelArts.0203"] = Token("The IAM token is invalid; a new token is needed."),
            ["ModelArts.4102"] = Token("The IAM token could not be parsed; a new token is needed."),
            ["ModelArts.4103"] = Token("The X-Auth-Token header is invalid; a new token is needed."),
            ["ModelArts.0212"] = new ProviderErrorRule(AuthenticationFailed, "The IAM token is not project-scoped; OCR needs a token scoped to the project of the region called (request it with a project name or id)."),
            ["ModelArts.4101"] = new ProviderErrorRule(AuthenticationFailed, "The request carried no X-Auth-Token header."),
            ["ModelArts.4104"] = new ProviderErrorRule(ImageTooLarge, "The request body is over Huawei OCR's 10 MB limit: " + ImageLimits + "."),
            ["ModelArts.4105"] = new ProviderErrorRule(ProviderError, "Huawei OCR could not read the request body as JSON."),
            ["ModelArts.4201"] = new ProviderErrorRule(ProviderError, "The request URL has no service id; check the endpoint."),
            ["ModelArts.4202"] = new ProviderErrorRule(ProviderError, "The request URL format is invalid; check the endpoint and project id."),
            ["ModelArts.4203"] = new ProviderErrorRule(AuthenticationFailed, "Access denied: the IAM user has no permission to call OCR."),
            ["ModelArts.4204"] = new ProviderErrorRule(ProviderError, "Bank-card OCR is not enabled for this account in this region. Enable it in the OCR console with the same region selected as the one called; subscriptions are per region."),
            ["ModelArts.4301"] = Transient("Huawei OCR could not obtain its service token."),
            ["ModelArts.4302"] = Transient("Huawei's gateway failed to forward the request."),
            ["ModelArts.4401"] = Transient("Huawei OCR is over its concurrency limit; lower the request rate (higher limits need a support request)."),
            ["ModelArts.4402"] = Transient("The Huawei OCR backend timed out."),
            ["ModelArts.4403"] = Transient("The Huawei OCR backend is unavailable."),
            ["ModelArts.4502"] = Transient("The Huawei OCR backend failed to respond."),
            ["ModelArts.4503"] = new ProviderErrorRule(ProviderError, "The Huawei OCR backend service does not exist."),
            ["ModelArts.4504"] = new ProviderErrorRule(ProviderError, "The Huawei OCR backend API does not exist."),
            ["ModelArts.4505"] = Transient("The Huawei OCR backend had an internal error."),
            ["ModelArts.4506"] = new ProviderErrorRule(ProviderError, "The Huawei OCR sub-service for this API does not exist."),
            ["ModelArts.4508"] = new ProviderErrorRule(ProviderError, "The Huawei OCR service is not started."),
            ["ModelArts.4601"] = new ProviderErrorRule(ProviderError, "Huawei OCR does not allow this image URL."),
            ["ModelArts.4603"] = new ProviderErrorRule(ImageNotFound, "Huawei OCR could not download the image from the URL.", isRetryable: true),
            ["ModelArts.4702"] = new ProviderErrorRule(ProviderError, "Huawei OCR could not query its OBS agency; authorise OCR to read OBS."),
            ["ModelArts.4703"] = new ProviderErrorRule(ProviderError, "The OBS URL is invalid."),
            ["ModelArts.4704"] = new ProviderErrorRule(ImageNotFound, "Huawei OCR could not fetch the file from OBS."),
            ["ModelArts.4705"] = new ProviderErrorRule(ImageTooLarge, "The file in OBS is larger than Huawei OCR accepts: " + ImageLimits + "."),
            ["ModelArts.4706"] = new ProviderErrorRule(ImageNotFound, "The file does not exist in OBS."),
            ["ModelArts.6201"] = new ProviderErrorRule(AuthenticationFailed, "The Huawei Cloud account is frozen or in arrears."),

            ["APIG.0101"] = new ProviderErrorRule(ProviderError, "API Gateway found no such API: check the endpoint, project id and region."),
            ["APIG.0201"] = Transient("The Huawei OCR backend timed out (calls too frequent or image too large); retry after 2–5 seconds."),
            ["APIG.0307"] = Token("The IAM token must be updated: it expired (tokens last 24 hours) or belongs to another region."),
            ["APIG.0308"] = new ProviderErrorRule(RateLimited, "Huawei API Gateway's throttling threshold was reached; retry after 2–5 seconds or lower the request rate.", isRetryable: true),
        };

        /// <summary>The exception for one failed OCR call.</summary>
        /// <param name="code">The <c>error_code</c> (or <c>code</c>) of the answer, or null when it had none.</param>
        /// <param name="message">The <c>error_msg</c> (or <c>message</c>), kept after the explanation.</param>
        /// <param name="httpStatus">The HTTP status of the answer.</param>
        /// <param name="requestId">The <c>X-Request-Id</c> response header, or null.</param>
        /// <param name="retryAfterSeconds">The <c>Retry-After</c> response header in seconds, or null.</param>
        /// <param name="usedToken">
        /// Whether the call carried an IAM token (<c>X-Auth-Token</c>) rather than an AK/SK signature. A 401 then
        /// asks for a fresh token; after an AK/SK signature it never does, since more than five failed signatures
        /// in a row lock the key pair for 5 minutes (§4).
        /// </param>
        public static BankcardOcrException ToException(string? code, string? message, int httpStatus, string? requestId, double? retryAfterSeconds, bool usedToken = false)
        {
            var normalized = NormalizeCode(code);
            var rule = normalized != null && Rules.TryGetValue(normalized, out var known) ? known : null;
            if (normalized == "APIG.0301")
            {
                rule = Unauthorized(usedToken);
            }

            return (rule ?? ByStatus(httpStatus, usedToken)).ToExplainedException(HuaweiProvider.ProviderName, code, message, httpStatus, requestId, retryAfterSeconds);
        }

        /// <summary>
        /// For codes not in the table: 429 is a rate limit and 5xx a transient failure, both retryable (§4); 408 a
        /// timeout that may be resubmitted; a success status without a result is an invalid answer.
        /// </summary>
        private static ProviderErrorRule ByStatus(int httpStatus, bool usedToken)
        {
            if (httpStatus == 429)
            {
                return new ProviderErrorRule(RateLimited, "Huawei Cloud OCR refused the request as over its rate limit.", isRetryable: true);
            }

            if (httpStatus == 401)
            {
                return Unauthorized(usedToken);
            }

            if (httpStatus == 403)
            {
                return new ProviderErrorRule(AuthenticationFailed, "Huawei Cloud OCR refused access (HTTP 403); check the IAM user's permissions.");
            }

            if (httpStatus == 408)
            {
                return new ProviderErrorRule(Timeout, "Huawei Cloud OCR timed out waiting for the request (HTTP 408).", isRetryable: true);
            }

            if (httpStatus >= 500)
            {
                return Transient("Huawei Cloud OCR failed on the server side (HTTP " + httpStatus + ").");
            }

            if (httpStatus >= 200 && httpStatus < 300)
            {
                return new ProviderErrorRule(InvalidResponse, "Huawei Cloud OCR answered HTTP " + httpStatus + " without a result or an error code.");
            }

            return new ProviderErrorRule(ProviderError, "Huawei Cloud OCR refused the request (HTTP " + httpStatus + ").");
        }

        /// <summary>APIG.0301 and a bare 401 (§4, §9): a token gets one refresh; a refused signature is final.</summary>
        /// <summary>Codes compare case-insensitively and <c>APIGW.</c> counts as <c>APIG.</c> (docs/huaweicloud.md §4).</summary>
        internal static string? NormalizeCode(string? code)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                return null;
            }

            var trimmed = code!.Trim().ToUpperInvariant();
            return trimmed.StartsWith("APIGW.", StringComparison.Ordinal) ? "APIG." + trimmed.Substring(6) : trimmed;
        }

        private static ProviderErrorRule Unauthorized(bool usedToken) => usedToken
            ? Token("IAM authentication failed: the token expired, is invalid, or is for another region; a new token is needed.")
            : new ProviderErrorRule(AuthenticationFailed, "Huawei Cloud refused the AK/SK signature; check the access key, secret key and the system clock. It is not retried, because repeated failures lock the key pair for 5 minutes.");

        private static ProviderErrorRule Token(string explanation) =>
            new ProviderErrorRule(AuthenticationFailed, explanation, requiresFreshCredential: true);

        private static ProviderErrorRule Transient(string explanation) =>
            new ProviderErrorRule(ProviderError, explanation, isRetryable: true);
    }
}
