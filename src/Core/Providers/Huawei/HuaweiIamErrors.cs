using System;
using System.Collections.Generic;
using BankcardOcr.Cloud;
using static BankcardOcr.BankcardOcrErrorKind;

namespace BankcardOcr.Providers.Huawei
{
    /// <summary>
    /// Maps the error answers of the IAM token request (<c>POST /v3/auth/tokens</c>, docs/huaweicloud.md §7.4) to
    /// <see cref="BankcardOcrException"/>, with the advice the usual mistakes need (§7.1, §9).
    /// </summary>
    public static class HuaweiIamErrors
    {
        // acme.sh issue 4426 and §7.1: most "cannot get a token" reports come down to these two facts.
        private const string AccountAdvice =
            " DomainName is the account name, which for an IAM user differs from the user name; a HUAWEI ID cannot" +
            " obtain tokens, so create an IAM user with OCR permissions and use it.";

        // The same refusals reached with an AK/SK signature (the project lookup) have nothing to do with accounts.
        private const string AccessKeyAdvice =
            " Check the access key, the secret key and the system clock; repeated failures lock the key pair for 5 minutes.";

        private static readonly Dictionary<string, ProviderErrorRule> Rules = new Dictionary<string, ProviderErrorRule>(StringComparer.OrdinalIgnoreCase)
        {
            ["IAM.0001"] = new ProviderErrorRule(AuthenticationFailed, "Huawei IAM did not accept the credentials."),
            ["IAM.0002"] = new ProviderErrorRule(AuthenticationFailed, "Huawei IAM says the user is not authorised for this request."),
            ["IAM.0007"] = new ProviderErrorRule(ProviderError, "Huawei IAM refused a parameter of the token request."),
            ["IAM.0011"] = new ProviderErrorRule(ProviderError, "Huawei IAM refused the token request body."),
            ["IAM.0061"] = new ProviderErrorRule(AuthenticationFailed, "The IAM user is locked, usually after repeated wrong passwords; wait for the lock to expire or ask the account administrator to unlock it."),
            // §9: a 401 with the right password also follows login protection (MFA) on the user.
            ["IAM.0062"] = new ProviderErrorRule(AuthenticationFailed, "Huawei IAM refused the user name or password; if they are right, check that login protection is off for this user."),
            ["IAM.0066"] = new ProviderErrorRule(AuthenticationFailed, "The IAM token has expired; a new token is needed.", requiresFreshCredential: true),
            ["IAM.0067"] = new ProviderErrorRule(AuthenticationFailed, "The IAM token is invalid; a new token is needed.", requiresFreshCredential: true),
            ["IAM.0080"] = new ProviderErrorRule(AuthenticationFailed, "The IAM user is disabled."),
            ["IAM.0081"] = new ProviderErrorRule(AuthenticationFailed, "The IAM user may sign in to the console only; enable programmatic access for it to obtain tokens."),
            ["IAM.0082"] = new ProviderErrorRule(AuthenticationFailed, "The access key is disabled."),
            ["IAM.0012"] = new ProviderErrorRule(RateLimited, "Huawei IAM's throttling threshold for token requests was reached; retry later with backoff. Tokens last 24 hours, so reuse them.", isRetryable: true),
        };

        /// <summary>The exception for one failed IAM call.</summary>
        /// <param name="code">The error code of the answer, e.g. <c>IAM.0062</c>, or null when it had none.</param>
        /// <param name="message">The error message of the answer, kept after the explanation.</param>
        /// <param name="httpStatus">The HTTP status of the answer.</param>
        /// <param name="requestId">The request id response header, or null.</param>
        /// <param name="retryAfterSeconds">The <c>Retry-After</c> response header in seconds, or null.</param>
        /// <param name="signedWithAccessKeys">
        /// True when the call was signed with AK/SK (the project lookup) rather than made with a user's password:
        /// the advice for refused credentials then speaks of keys, not of account names.
        /// </param>
        public static BankcardOcrException ToException(string? code, string? message, int httpStatus, string? requestId, double? retryAfterSeconds, bool signedWithAccessKeys = false)
        {
            var normalized = HuaweiErrors.NormalizeCode(code);
            var rule = normalized != null && Rules.TryGetValue(normalized, out var known) ? known : ByStatus(httpStatus);
            if (rule.Kind == AuthenticationFailed && NeedsAdvice(normalized, httpStatus))
            {
                rule = rule.WithText(rule.Text + (signedWithAccessKeys ? AccessKeyAdvice : AccountAdvice));
            }

            return rule.ToExplainedException(HuaweiProvider.ProviderName, code, message, httpStatus, requestId, retryAfterSeconds);
        }

        // Refusals of the credentials themselves; a locked, disabled or unauthorised user needs no such advice.
        private static bool NeedsAdvice(string? code, int httpStatus) =>
            code is null ? httpStatus == 401 : code == "IAM.0001" || code == "IAM.0062" || (!Rules.ContainsKey(code) && httpStatus == 401);

        /// <summary>For codes not in the table, by the statuses IAM documents: 400, 401, 403, 404, 429, 500, 503 (§7.2).</summary>
        private static ProviderErrorRule ByStatus(int httpStatus)
        {
            switch (httpStatus)
            {
                case 401:
                    return new ProviderErrorRule(AuthenticationFailed, "Huawei IAM refused the credentials (HTTP 401).");
                case 403:
                    return new ProviderErrorRule(AuthenticationFailed, "Huawei IAM refused access (HTTP 403).");
                case 404:
                    return new ProviderErrorRule(ProviderError, "Huawei IAM did not find the token API (HTTP 404); check the IAM endpoint.");
                case 429:
                    return new ProviderErrorRule(RateLimited, "Huawei IAM refused the request as over its rate limit.", isRetryable: true);
                default:
                    if (httpStatus >= 200 && httpStatus < 300)
                    {
                        return new ProviderErrorRule(InvalidResponse, "Huawei IAM answered HTTP " + httpStatus + " without a token.");
                    }

                    return httpStatus >= 500
                        ? new ProviderErrorRule(ProviderError, "Huawei IAM failed on the server side (HTTP " + httpStatus + ").", isRetryable: true)
                        : new ProviderErrorRule(ProviderError, "Huawei IAM refused the token request (HTTP " + httpStatus + ").");
            }
        }
    }
}
