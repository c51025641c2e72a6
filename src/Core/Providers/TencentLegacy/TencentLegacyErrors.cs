using System;
using System.Collections.Generic;
using System.Globalization;
using BankcardOcr.Cloud;

namespace BankcardOcr.Providers.TencentLegacy
{
    /// <summary>
    /// Maps the legacy <c>/ocr/bankcard</c> error codes (the body's <c>code</c>; the vendor's table in
    /// docs/tencentcloud.md §5.3) to <see cref="BankcardOcrException"/>. The body's code decides, whatever the status.
    /// </summary>
    public static class TencentLegacyErrors
    {
        /// <summary>The provider name the exceptions carry.</summary>
        public const string ProviderName = "TencentLegacy";

        private const string CardAdvice = "Check that the image shows one bank card, sharp and filling most of the frame, then scan it again.";
        private const string RetryAdvice = "This is a fault on the service's side; the request may be retried after a pause.";

        private static readonly ProviderErrorRule Unknown = new ProviderErrorRule(
            BankcardOcrErrorKind.ProviderError,
            "the service reported an error this module does not know",
            "See https://cloud.tencent.com/document/product/866/17733 for the code.");

        private static readonly Dictionary<int, ProviderErrorRule> Table = new Dictionary<int, ProviderErrorRule>
        {
            [3] = Auth("bad request", "If the service says 'account abnormal,errorno is:2', the account is in arrears and the service is suspended: top up the account in the Tencent Cloud console. Otherwise check the AppId and the request fields."),
            [4] = Auth("the signature was empty", "Check that a SecretId and SecretKey were supplied and that the signature is sent in the Authorization header."),
            [5] = Auth("the signature was malformed", "Check that the AppId, bucket and SecretId contain no stray characters."),
            [6] = Auth("the APPID, bucket or URL do not match", "Check that -AppId and -Bucket are the ones the signature was made for, and that an image URL belongs to that AppId."),
            [7] = Retry("the service failed to encode the signature (internal error)"),
            [8] = Retry("the service failed to decode the signature (internal error)"),
            [9] = Fresh("the signature has expired", "A new signature is needed; if this keeps happening, check that the computer clock is correct."),
            [10] = Auth("the APPID does not exist", "Check -AppId against the account information page of the Tencent Cloud console."),
            [11] = Auth("the SecretId does not exist", "Check the SecretId on the API keys page (云 API 密钥) of the console; a deleted or disabled key gives this error."),
            [12] = Auth("the APPID does not match the SecretId", "Use a key of the account that owns the AppId: a 125-prefixed AppId signs with the account API key, a 100/101-prefixed project id with the project key."),
            [13] = Fresh("the request was refused as a replay", "Sign again with a fresh nonce and time, and check that the computer clock is correct."),
            [14] = Auth("the signature check failed (sign no pass)", "Check that the SecretKey belongs to the SecretId and has no stray characters, and that AppId, bucket and SecretId are the signed ones."),
            [15] = new ProviderErrorRule(BankcardOcrErrorKind.RateLimited, "requests are too frequent (rate control)", "Lower -MaxRequestsPerSecond or -ThrottleLimit; the request may be retried after a pause.", isRetryable: true),
            [16] = new ProviderErrorRule(BankcardOcrErrorKind.ProviderError, "the bucket does not exist", "Check -Bucket, or leave it empty: OCR does not need one."),
            [17] = Input(BankcardOcrErrorKind.ImageNotFound, "the image URL is empty", "Give an image file, bytes or a non-empty URL."),
            [18] = Input(BankcardOcrErrorKind.ImageNotFound, "the request carried no image and no URL", "Give an image file, bytes or a URL."),
            [19] = Input(BankcardOcrErrorKind.ImageTooLarge, "too many images in one request (at most 20 URLs or files)", "Send one image per request."),
            // The vendor's table says 1 MB per file while the same page allows a 6 MB body (docs/tencentcloud.md §5.3).
            [20] = Input(BankcardOcrErrorKind.ImageTooLarge, "the image is too large", "The error table allows 1 MB per file and the request body may be at most 6 MB: shrink or recompress the image."),
            [21] = Input(BankcardOcrErrorKind.UnsupportedImageFormat, "a request parameter is invalid", "Send a JPG, PNG or BMP image and check -AppId and -Bucket."),
            [200] = Retry("internal packing failed"),
            [201] = Retry("internal unpacking failed"),
            [202] = Retry("an internal connection failed"),
            [203] = Retry("internal processing timed out"),
            [-1102] = Input(BankcardOcrErrorKind.UnsupportedImageFormat, "the image could not be decoded (SDK_IMAGE_DECODE_FAILED)", "Send a JPG, PNG or BMP file; animated GIF is not supported."),
            [-1300] = Input(BankcardOcrErrorKind.ImageNotFound, "the image is empty (ERROR_IMAGE_EMPTY)", "Check that the file is not empty and that the URL returns the image."),
            [-1301] = Input(BankcardOcrErrorKind.ImageNotFound, "a required parameter is empty (ERROR_PARAMETER_EMPTY)", "Give an image or a URL, and an AppId."),
            [-1304] = Input(BankcardOcrErrorKind.ImageTooLarge, "a parameter is too long (ERROR_PARAMETER_TOO_LONG)", "Shrink the image (the body may be at most 6 MB) or shorten the URL."),
            [-5208] = Retry("the OCR server had an internal error (OCR_SERVER_INTERN_ERROR)"),
            [-9010] = Input(BankcardOcrErrorKind.NoCardFound, "no card could be located in the image (CREDITCARD_OCR_PREPROCESS_ERROR)", CardAdvice),
            [-9011] = Input(BankcardOcrErrorKind.NoCardFound, "the card could not be recognized (CREDITCARD_OCR_RECOG_FAILED)", CardAdvice),
            // -9012..-9014 come from the FaceID copy of the same engine (docs/tencentcloud.md §5.3, 1007/47903).
            [-9012] = Input(BankcardOcrErrorKind.NoCardFound, "the image is too blurry", "Scan the card again, sharper and at a higher resolution."),
            [-9013] = Input(BankcardOcrErrorKind.NoCardFound, "the image is not a bank card", CardAdvice),
            [-9014] = Input(BankcardOcrErrorKind.NoCardFound, "the card information is invalid", CardAdvice),
        };

        /// <summary>Every code this table explains; any other non-zero code becomes <see cref="BankcardOcrErrorKind.ProviderError"/>.</summary>
        public static IReadOnlyCollection<int> KnownCodes => Table.Keys;

        /// <summary>Builds the exception for a non-zero <c>code</c> of a legacy response.</summary>
        /// <param name="code">The body's <c>code</c>; zero means success and is refused.</param>
        /// <param name="providerMessage">The body's <c>message</c>, quoted in the exception message.</param>
        /// <param name="httpStatus">The HTTP status of the answer, kept for support; it does not change the mapping.</param>
        /// <param name="sessionId">The body's <c>data.session_id</c>, when present.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="code"/> is zero.</exception>
        public static BankcardOcrException ToException(int code, string? providerMessage, int? httpStatus, string? sessionId)
        {
            if (code == 0)
            {
                throw new ArgumentOutOfRangeException(nameof(code), "Code 0 is success, not an error.");
            }

            var codeText = code.ToString(CultureInfo.InvariantCulture);
            var rule = Table.TryGetValue(code, out var known) ? known : Unknown;
            return rule.ToException(ProviderName, codeText, providerMessage, httpStatus, sessionId);
        }

        private static ProviderErrorRule Auth(string meaning, string advice) =>
            new ProviderErrorRule(BankcardOcrErrorKind.AuthenticationFailed, meaning, advice);

        // Codes 9 and 13: the same request fails again, but a new signature (new t, e and r) may pass once.
        private static ProviderErrorRule Fresh(string meaning, string advice) =>
            new ProviderErrorRule(BankcardOcrErrorKind.AuthenticationFailed, meaning, advice, requiresFreshCredential: true);

        private static ProviderErrorRule Retry(string meaning) =>
            new ProviderErrorRule(BankcardOcrErrorKind.ProviderError, meaning, RetryAdvice, isRetryable: true);

        private static ProviderErrorRule Input(BankcardOcrErrorKind kind, string meaning, string advice) =>
            new ProviderErrorRule(kind, meaning, advice);
    }
}
