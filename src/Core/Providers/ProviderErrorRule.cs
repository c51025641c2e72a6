using System.Globalization;

namespace BankcardOcr.Providers
{
    /// <summary>How one provider error code is reported: its kind, what it means, what to do, and whether to try again.</summary>
    internal sealed class ProviderErrorRule
    {
        // A provider message is quoted for support, not read in full; a runaway one should not flood the error stream.
        private const int MaximumQuotedLength = 300;

        public ProviderErrorRule(BankcardOcrErrorKind kind, string meaning, string advice, bool isRetryable = false, bool requiresFreshCredential = false)
        {
            Kind = kind;
            Meaning = meaning;
            Advice = advice;
            IsRetryable = isRetryable;
            RequiresFreshCredential = requiresFreshCredential;
        }

        public BankcardOcrErrorKind Kind { get; }

        public string Meaning { get; }

        public string Advice { get; }

        public bool IsRetryable { get; }

        public bool RequiresFreshCredential { get; }

        /// <summary>
        /// The exception for this rule, with the message "{provider} error {code}: {meaning}. {advice} (service said: …)".
        /// The exception masks card numbers; nothing passed here may hold a secret.
        /// </summary>
        public BankcardOcrException ToException(string provider, string code, string? providerMessage, int? httpStatus, string? requestId)
        {
            var message = string.Format(CultureInfo.InvariantCulture, "{0} error {1}: {2}. {3}", provider, code, Meaning, Advice);
            var quoted = providerMessage?.Trim();
            if (!string.IsNullOrEmpty(quoted))
            {
                if (quoted!.Length > MaximumQuotedLength)
                {
                    quoted = quoted.Substring(0, MaximumQuotedLength) + "…";
                }

                message += " (service said: " + quoted + ")";
            }

            return new BankcardOcrException(Kind, message, provider, code, httpStatus, requestId, IsRetryable)
            {
                RequiresFreshCredential = RequiresFreshCredential,
            };
        }
    }
}
