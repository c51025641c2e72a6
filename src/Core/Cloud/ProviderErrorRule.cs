using System;
using System.Globalization;

namespace BankcardOcr.Cloud
{
    /// <summary>
    /// How one provider error code is reported: its kind, what to tell the user, whether to try again, and whether a
    /// fresh signature or token may help. Each provider's error table holds these; the two ways of rendering the
    /// message follow the vendors' own: Tencent's errors lead with the code, Huawei's end with it.
    /// </summary>
    internal sealed class ProviderErrorRule
    {
        // A provider message is quoted for support, not read in full; a runaway one should not flood the error stream.
        private const int MaximumQuotedLength = 300;

        /// <summary>A rule whose text is what the error means and what to do about it.</summary>
        public ProviderErrorRule(BankcardOcrErrorKind kind, string meaning, string advice, bool isRetryable = false, bool requiresFreshCredential = false)
            : this(kind, string.Format(CultureInfo.InvariantCulture, "{0}. {1}", meaning, advice), isRetryable, requiresFreshCredential)
        {
        }

        /// <summary>A rule whose text is one explanation.</summary>
        public ProviderErrorRule(BankcardOcrErrorKind kind, string text, bool isRetryable = false, bool requiresFreshCredential = false)
        {
            Kind = kind;
            Text = text;
            IsRetryable = isRetryable;
            RequiresFreshCredential = requiresFreshCredential;
        }

        public BankcardOcrErrorKind Kind { get; }

        /// <summary>What the user is told, before the service's own code and message.</summary>
        public string Text { get; }

        public bool IsRetryable { get; }

        public bool RequiresFreshCredential { get; }

        /// <summary>The same rule with another text (advice that depends on how the call was made).</summary>
        public ProviderErrorRule WithText(string text) => new ProviderErrorRule(Kind, text, IsRetryable, RequiresFreshCredential);

        /// <summary>
        /// The exception, led by the code: "{provider} error {code}: {text} (service said: …)".
        /// The exception masks card numbers; nothing passed here may hold a secret.
        /// </summary>
        public BankcardOcrException ToException(string provider, string code, string? providerMessage, int? httpStatus, string? requestId)
        {
            var message = string.Format(CultureInfo.InvariantCulture, "{0} error {1}: {2}", provider, code, Text);
            var quoted = providerMessage?.Trim();
            if (!string.IsNullOrEmpty(quoted))
            {
                if (quoted!.Length > MaximumQuotedLength)
                {
                    quoted = quoted.Substring(0, MaximumQuotedLength) + "…";
                }

                message += " (service said: " + quoted + ")";
            }

            return Create(message, provider, code, httpStatus, requestId, retryAfterSeconds: null);
        }

        /// <summary>
        /// The exception, ended by the code: "{text} ({code}: {message})", the service's own code and message kept for
        /// support tickets. A Retry-After value is kept whenever the server sent one; only a retryable error acts on it.
        /// </summary>
        public BankcardOcrException ToExplainedException(string provider, string? code, string? message, int httpStatus, string? requestId, double? retryAfterSeconds)
        {
            var text = Text;
            var providerCode = string.IsNullOrWhiteSpace(code) ? null : code!.Trim();
            if (providerCode != null || !string.IsNullOrWhiteSpace(message))
            {
                text += " (" + (providerCode ?? "HTTP " + httpStatus) + (string.IsNullOrWhiteSpace(message) ? string.Empty : ": " + message!.Trim()) + ")";
            }

            return Create(text, provider, providerCode, httpStatus, requestId, retryAfterSeconds is double seconds && seconds >= 0 && !double.IsInfinity(seconds) ? seconds : (double?)null);
        }

        private BankcardOcrException Create(string message, string provider, string? code, int? httpStatus, string? requestId, double? retryAfterSeconds) =>
            new BankcardOcrException(Kind, message, provider, code, httpStatus, requestId, IsRetryable)
            {
                RequiresFreshCredential = RequiresFreshCredential,
                RetryAfterSeconds = retryAfterSeconds,
            };
    }
}
