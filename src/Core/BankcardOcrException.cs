using System;
using BankcardOcr.Cards;

namespace BankcardOcr
{
    /// <summary>
    /// The failure of one recognition or one service call, with the provider's own code kept. Messages are
    /// masked on the way in: a card number in a provider's message never reaches the user whole.
    /// Secrets must never be passed in a message; nothing here could tell them from ordinary text.
    /// </summary>
    public sealed class BankcardOcrException : Exception
    {
        /// <summary>Creates the exception; <paramref name="message"/> is masked for card numbers.</summary>
        /// <param name="kind">The error id.</param>
        /// <param name="message">What happened and, where useful, what to do.</param>
        /// <param name="provider"><c>Tencent</c>, <c>TencentLegacy</c>, <c>Huawei</c>, <c>Local</c>, or null before a provider was involved.</param>
        /// <param name="providerCode">The provider's error code as text, e.g. <c>15</c>, <c>AIS.0103</c>.</param>
        /// <param name="httpStatusCode">The HTTP status of the answer, when there was one.</param>
        /// <param name="requestId">The provider's request or session id, for support tickets.</param>
        /// <param name="isRetryable">Whether the same request may succeed later (rate limits, server errors).</param>
        /// <param name="innerException">The underlying exception, if any.</param>
        public BankcardOcrException(
            BankcardOcrErrorKind kind,
            string message,
            string? provider = null,
            string? providerCode = null,
            int? httpStatusCode = null,
            string? requestId = null,
            bool isRetryable = false,
            Exception? innerException = null)
            : base(CardNumberMask.MaskInText(message), innerException)
        {
            Kind = kind;
            Provider = provider;
            ProviderCode = providerCode;
            HttpStatusCode = httpStatusCode;
            RequestId = requestId;
            IsRetryable = isRetryable;
        }

        /// <summary>The public error id (docs/design.md, "Public contract"), e.g. <see cref="BankcardOcrErrorKind.RateLimited"/>.</summary>
        public BankcardOcrErrorKind Kind { get; }

        /// <summary>The provider that reported the error, or null.</summary>
        public string? Provider { get; }

        /// <summary>The provider's code, e.g. <c>-9010</c>, <c>AIS.0103</c>, <c>FailedOperation.NoBankCardError</c>.</summary>
        public string? ProviderCode { get; }

        /// <summary>The HTTP status code of the provider's answer, or null when none came.</summary>
        public int? HttpStatusCode { get; }

        /// <summary>The provider's request or session id, or null.</summary>
        public string? RequestId { get; }

        /// <summary>Whether retrying the same request may succeed.</summary>
        public bool IsRetryable { get; }

        /// <summary>
        /// Whether the request may succeed once with a new signature or token (Tencent legacy code 9, an expired
        /// Huawei token); the caller regenerates and retries once.
        /// </summary>
        public bool RequiresFreshCredential { get; set; }

        /// <summary>Seconds the provider asked to wait (Retry-After), when it said.</summary>
        public double? RetryAfterSeconds { get; set; }

        /// <summary>What the user can do about it, when the error's kind alone would advise wrongly (null: the kind's usual advice).</summary>
        public string? RecommendedAction { get; set; }
    }
}
