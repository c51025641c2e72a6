using System;
using System.Collections.Generic;
using BankcardOcr.Cloud;

namespace BankcardOcr.Providers.Tencent
{
    /// <summary>
    /// Maps Tencent Cloud API 3.0 error codes (<c>Response.Error.Code</c>, docs/tencentcloud.md §2.4) to
    /// <see cref="BankcardOcrException"/>. A code not in the table is looked up by its parents
    /// (<c>RequestLimitExceeded.UinLimitExceeded</c> falls back to <c>RequestLimitExceeded</c>); the body's code
    /// decides, whatever the HTTP status.
    /// </summary>
    public static class TencentErrors
    {
        /// <summary>The provider name the exceptions carry.</summary>
        public const string ProviderName = "Tencent";

        private const string CardAdvice = "Check that the image shows one bank card, sharp and filling most of the frame, then scan it again.";
        private const string RetryAdvice = "This is a fault on the service's side; the request may be retried after a pause.";
        private const string KeyAdvice = "Check the SecretId and SecretKey on the API keys page (API 密钥管理) of the Tencent Cloud console.";

        private static readonly ProviderErrorRule Unknown = new ProviderErrorRule(
            BankcardOcrErrorKind.ProviderError,
            "the service refused the request",
            "See https://cloud.tencent.com/document/api/866/36216 (error codes) for the code.");

        private static readonly Dictionary<string, ProviderErrorRule> Table = new Dictionary<string, ProviderErrorRule>(StringComparer.Ordinal)
        {
            // Common codes.
            ["RequestLimitExceeded"] = new ProviderErrorRule(BankcardOcrErrorKind.RateLimited, "the request rate limit was exceeded (BankCardOCR allows 10 requests per second by default)", "Lower -MaxRequestsPerSecond or -ThrottleLimit; the request may be retried after a pause.", isRetryable: true),
            ["InternalError"] = Retry("the service had an internal error"),
            ["ServiceUnavailable"] = Retry("the service is temporarily unavailable"),
            ["AuthFailure.SignatureExpire"] = new ProviderErrorRule(BankcardOcrErrorKind.AuthenticationFailed, "the request time is more than 5 minutes away from the service's clock", "Check that the computer clock and time zone are correct; a new signature is needed.", requiresFreshCredential: true),
            ["AuthFailure.SignatureFailure"] = Auth("the signature could not be verified", "Check that the SecretKey belongs to the SecretId and has no stray spaces, and that the body and Content-Type were sent exactly as signed."),
            ["AuthFailure.SecretIdNotFound"] = Auth("the SecretId does not exist", "A deleted or disabled key gives this error. " + KeyAdvice),
            ["AuthFailure.InvalidSecretId"] = Auth("the SecretId is invalid", "Use an API key SecretId (it starts with AKID), not an AppId. " + KeyAdvice),
            ["AuthFailure.InvalidAuthorization"] = Auth("the Authorization header is malformed", KeyAdvice),
            ["AuthFailure.TokenFailure"] = Auth("the temporary credential token is invalid or expired", "Obtain a new temporary credential."),
            ["AuthFailure.MFAFailure"] = Auth("multi-factor authentication failed", "Check the MFA settings of the sub-account in CAM."),
            ["AuthFailure.UnauthorizedOperation"] = Auth("the key is not allowed to call this action", "Grant the user the ocr:BankCardOCR permission in CAM."),
            ["AuthFailure"] = Auth("authentication failed", KeyAdvice),
            ["UnauthorizedOperation"] = Auth("the key is not allowed to call this action", "Grant the user the ocr:BankCardOCR permission in CAM."),
            ["UnsupportedRegion"] = new ProviderErrorRule(BankcardOcrErrorKind.ProviderError, "the region is not supported for this action", "Leave -Region empty or choose a region the OCR service offers, e.g. ap-guangzhou."),
            ["RequestSizeLimitExceeded"] = Input(BankcardOcrErrorKind.ImageTooLarge, "the request is too large", "Shrink or recompress the image; it may be at most 10 MB after Base64 encoding."),

            // BankCardOCR's own codes.
            ["FailedOperation.DownLoadError"] = new ProviderErrorRule(BankcardOcrErrorKind.ImageNotFound, "the service could not download the image from its URL", "Check that the URL answers from the internet within 3 seconds, or send the image bytes instead.", isRetryable: true),
            ["FailedOperation.ImageDecodeFailed"] = Input(BankcardOcrErrorKind.UnsupportedImageFormat, "the image could not be decoded", "Send a PNG, JPG, JPEG or BMP image; GIF is not supported."),
            ["InvalidParameter.EngineImageDecodeFailed"] = Input(BankcardOcrErrorKind.UnsupportedImageFormat, "the image could not be decoded", "Send a PNG, JPG, JPEG or BMP image; GIF is not supported."),
            ["LimitExceeded.TooLargeFileError"] = Input(BankcardOcrErrorKind.ImageTooLarge, "the image file is too large", "Shrink or recompress the image; it may be at most 10 MB after Base64 encoding (7 MB on older and international endpoints)."),
            ["FailedOperation.NoBankCardError"] = Input(BankcardOcrErrorKind.NoCardFound, "the image is not a bank card", CardAdvice),
            ["FailedOperation.IllegalBankCardError"] = Input(BankcardOcrErrorKind.NoCardFound, "the card information is invalid", CardAdvice),
            ["FailedOperation.OcrFailed"] = Input(BankcardOcrErrorKind.NoCardFound, "recognition failed", CardAdvice),
            // The vendor's spelling; retried within -MaxRetries like any retryable code (docs/tencentcloud.md §2.4).
            ["FailedOperation.UnKnowError"] = Retry("the service reported an unknown error"),
            ["FailedOperation.UnOpenError"] = AccountState("the OCR service is not enabled for this account", "Enable 文字识别 OCR in the Tencent Cloud console (https://console.cloud.tencent.com/ocr) first."),
            ["ResourceUnavailable.InArrears"] = AccountState("the account is in arrears", "Top up the account in the billing center of the Tencent Cloud console."),
            ["ResourceUnavailable.ResourcePackageRunOut"] = AccountState("the OCR resource pack is used up", "Buy a resource pack or switch to pay-as-you-go in the OCR console (https://console.cloud.tencent.com/ocr)."),
            ["ResourcesSoldOut.ChargeStatusException"] = AccountState("the account's billing status is abnormal", "Check the account's billing status and payment method in the Tencent Cloud console."),
            ["InvalidParameterValue.InvalidParameterValueLimit"] = new ProviderErrorRule(BankcardOcrErrorKind.ProviderError, "a parameter value is invalid", "Check the image URL and the recognition switches that were sent."),
        };

        /// <summary>Every code this table explains exactly; their sub-codes inherit the parent's meaning.</summary>
        public static IReadOnlyCollection<string> KnownCodes => Table.Keys;

        /// <summary>Builds the exception for an API 3.0 <c>Response.Error</c>.</summary>
        /// <param name="code">The error code, e.g. <c>FailedOperation.NoBankCardError</c>.</param>
        /// <param name="message">The service's <c>Message</c>, quoted in the exception message.</param>
        /// <param name="httpStatus">The HTTP status of the answer, kept for support; it does not change the mapping.</param>
        /// <param name="requestId">The response's <c>RequestId</c>.</param>
        /// <exception cref="ArgumentException"><paramref name="code"/> is null or empty.</exception>
        public static BankcardOcrException ToException(string code, string? message, int? httpStatus, string? requestId)
        {
            if (string.IsNullOrEmpty(code))
            {
                throw new ArgumentException("An error code is required.", nameof(code));
            }

            return Find(code).ToException(ProviderName, code, message, httpStatus, requestId);
        }

        private static ProviderErrorRule Find(string code)
        {
            // Sub-codes such as RequestLimitExceeded.IPLimitExceeded and InternalError.* share their parent's rule.
            for (var key = code; ; key = key.Substring(0, key.LastIndexOf('.')))
            {
                if (Table.TryGetValue(key, out var rule))
                {
                    return rule;
                }

                if (key.IndexOf('.') < 0)
                {
                    return Unknown;
                }
            }
        }

        private static ProviderErrorRule Auth(string meaning, string advice) =>
            new ProviderErrorRule(BankcardOcrErrorKind.AuthenticationFailed, meaning, advice);

        // Account-state refusals: no retry helps until someone acts in the console.
        private static ProviderErrorRule AccountState(string meaning, string advice) =>
            new ProviderErrorRule(BankcardOcrErrorKind.AuthenticationFailed, meaning, advice);

        private static ProviderErrorRule Retry(string meaning) =>
            new ProviderErrorRule(BankcardOcrErrorKind.ProviderError, meaning, RetryAdvice, isRetryable: true);

        private static ProviderErrorRule Input(BankcardOcrErrorKind kind, string meaning, string advice) =>
            new ProviderErrorRule(kind, meaning, advice);
    }
}
