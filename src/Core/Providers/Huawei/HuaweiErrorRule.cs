using System;

namespace BankcardOcr.Providers.Huawei
{
    /// <summary>How one Huawei error code is reported: its error id, whether a retry may help, and what to tell the user.</summary>
    internal sealed class HuaweiErrorRule
    {
        public const string Provider = "Huawei";

        public HuaweiErrorRule(BankcardOcrErrorKind kind, string explanation, bool isRetryable = false, bool requiresFreshCredential = false)
        {
            Kind = kind;
            Explanation = explanation;
            IsRetryable = isRetryable;
            RequiresFreshCredential = requiresFreshCredential;
        }

        public BankcardOcrErrorKind Kind { get; }

        public string Explanation { get; }

        public bool IsRetryable { get; }

        public bool RequiresFreshCredential { get; }

        /// <summary>The same rule with another explanation (advice that depends on how the call was made).</summary>
        public HuaweiErrorRule WithExplanation(string explanation) => new HuaweiErrorRule(Kind, explanation, IsRetryable, RequiresFreshCredential);

        /// <summary>
        /// The exception, with Huawei's own code and message kept after the explanation for support tickets.
        /// A Retry-After value is kept whenever the server sent one; only a retryable error acts on it.
        /// </summary>
        public BankcardOcrException ToException(string? code, string? message, int httpStatus, string? requestId, double? retryAfterSeconds)
        {
            var text = Explanation;
            var providerCode = string.IsNullOrWhiteSpace(code) ? null : code!.Trim();
            if (providerCode != null || !string.IsNullOrWhiteSpace(message))
            {
                text += " (" + (providerCode ?? "HTTP " + httpStatus) + (string.IsNullOrWhiteSpace(message) ? string.Empty : ": " + message!.Trim()) + ")";
            }

            return new BankcardOcrException(Kind, text, Provider, providerCode, httpStatus, requestId, IsRetryable)
            {
                RequiresFreshCredential = RequiresFreshCredential,
                RetryAfterSeconds = retryAfterSeconds is double seconds && seconds >= 0 && !double.IsInfinity(seconds) ? seconds : (double?)null,
            };
        }

        /// <summary>Codes compare case-insensitively and <c>APIGW.</c> counts as <c>APIG.</c> (huawei.md §4).</summary>
        public static string? Normalize(string? code)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                return null;
            }

            var trimmed = code!.Trim().ToUpperInvariant();
            return trimmed.StartsWith("APIGW.", StringComparison.Ordinal) ? "APIG." + trimmed.Substring(6) : trimmed;
        }
    }
}
