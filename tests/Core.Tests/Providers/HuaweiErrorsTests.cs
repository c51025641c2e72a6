using BankcardOcr.Providers.Huawei;
using static BankcardOcr.BankcardOcrErrorKind;

namespace BankcardOcr.Core.Tests.Providers;

public class HuaweiErrorsTests
{
    public static TheoryData<string, int, BankcardOcrErrorKind, bool, bool> OcrCodes => new()
    {
        // code, HTTP status, kind, retryable, fresh credential
        { "AIS.0101", 400, ProviderError, false, false },
        { "AIS.0102", 400, UnsupportedImageFormat, false, false },
        { "AIS.0103", 400, ImageTooLarge, false, false },
        { "AIS.0104", 400, NoCardFound, false, false },
        { "AIS.0105", 400, ProviderError, true, false },
        { "ModelArts.0203", 401, AuthenticationFailed, false, true },
        { "ModelArts.4102", 401, AuthenticationFailed, false, true },
        { "ModelArts.4103", 401, AuthenticationFailed, false, true },
        { "ModelArts.0212", 401, AuthenticationFailed, false, false },
        { "ModelArts.4101", 401, AuthenticationFailed, false, false },
        { "ModelArts.4104", 400, ImageTooLarge, false, false },
        { "ModelArts.4105", 400, ProviderError, false, false },
        { "ModelArts.4201", 400, ProviderError, false, false },
        { "ModelArts.4202", 400, ProviderError, false, false },
        { "ModelArts.4203", 403, AuthenticationFailed, false, false },
        { "ModelArts.4204", 403, ProviderError, false, false },
        { "ModelArts.4301", 500, ProviderError, true, false },
        { "ModelArts.4302", 500, ProviderError, true, false },
        { "ModelArts.4401", 400, ProviderError, true, false },
        { "ModelArts.4402", 500, ProviderError, true, false },
        { "ModelArts.4403", 500, ProviderError, true, false },
        { "ModelArts.4502", 500, ProviderError, true, false },
        { "ModelArts.4503", 500, ProviderError, false, false },
        { "ModelArts.4504", 500, ProviderError, false, false },
        { "ModelArts.4505", 500, ProviderError, true, false },
        { "ModelArts.4506", 500, ProviderError, false, false },
        { "ModelArts.4508", 500, ProviderError, false, false },
        { "ModelArts.4601", 400, ProviderError, false, false },
        { "ModelArts.4603", 400, ImageNotFound, true, false },
        { "ModelArts.4702", 400, ProviderError, false, false },
        { "ModelArts.4703", 400, ProviderError, false, false },
        { "ModelArts.4704", 400, ImageNotFound, false, false },
        { "ModelArts.4705", 400, ImageTooLarge, false, false },
        { "ModelArts.4706", 400, ImageNotFound, false, false },
        { "ModelArts.6201", 403, AuthenticationFailed, false, false },
        { "APIG.0101", 404, ProviderError, false, false },
        { "APIG.0201", 504, ProviderError, true, false },
        { "APIG.0307", 401, AuthenticationFailed, false, true },
        { "APIG.0308", 429, RateLimited, true, false },
        { "APIGW.0201", 504, ProviderError, true, false },
        { "APIGW.0307", 401, AuthenticationFailed, false, true },
        { "APIGW.0308", 429, RateLimited, true, false },
        { "apig.0308", 429, RateLimited, true, false },
        // Codes outside the table fall back on the HTTP status.
        { "AIS.0199", 400, ProviderError, false, false },
        { "APIG.0203", 504, ProviderError, true, false },
        { "ModelArts.9999", 429, RateLimited, true, false },
        { "XYZ.1", 408, BankcardOcrErrorKind.Timeout, true, false },
    };

    [Theory]
    [MemberData(nameof(OcrCodes))]
    public void OcrCodeMapsToKindRetryAndFreshCredential(string code, int status, BankcardOcrErrorKind kind, bool retryable, bool fresh)
    {
        var error = HuaweiErrors.ToException(code, "message from Huawei", status, "req-1", null, usedToken: true);

        Assert.Equal(kind, error.Kind);
        Assert.Equal(retryable, error.IsRetryable);
        Assert.Equal(fresh, error.RequiresFreshCredential);
        Assert.Equal("Huawei", error.Provider);
        Assert.Equal(code, error.ProviderCode);
        Assert.Equal(status, error.HttpStatusCode);
        Assert.Equal("req-1", error.RequestId);
        Assert.Contains("message from Huawei", error.Message);
    }

    [Theory]
    [InlineData("APIG.0301")]
    [InlineData("APIGW.0301")]
    [InlineData(null)]
    public void Unauthorized401WithATokenAsksForAFreshToken(string? code)
    {
        var error = HuaweiErrors.ToException(code, null, 401, null, null, usedToken: true);

        Assert.Equal(AuthenticationFailed, error.Kind);
        Assert.True(error.RequiresFreshCredential);
        Assert.False(error.IsRetryable);
    }

    [Theory]
    [InlineData("APIG.0301")]
    [InlineData(null)]
    public void Unauthorized401AfterAkSkSignatureIsFinalBecauseFailuresLockTheKey(string? code)
    {
        var error = HuaweiErrors.ToException(code, null, 401, null, null, usedToken: false);

        Assert.Equal(AuthenticationFailed, error.Kind);
        Assert.False(error.RequiresFreshCredential);
        Assert.False(error.IsRetryable);
        Assert.Contains("lock", error.Message);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public void ServerErrorsWithoutCodeAreRetryableProviderErrors(int status)
    {
        var error = HuaweiErrors.ToException(null, null, status, null, null);

        Assert.Equal(ProviderError, error.Kind);
        Assert.True(error.IsRetryable);
        Assert.Null(error.ProviderCode);
    }

    [Fact]
    public void Status429WithoutCodeIsRateLimitedAndKeepsRetryAfter()
    {
        var error = HuaweiErrors.ToException(null, null, 429, null, 7);

        Assert.Equal(RateLimited, error.Kind);
        Assert.True(error.IsRetryable);
        Assert.Equal(7, error.RetryAfterSeconds);
    }

    [Fact]
    public void RetryAfterIsKeptForThrottling()
    {
        var error = HuaweiErrors.ToException("APIG.0308", "The throttling threshold has been reached: policy user over ratelimit,limit:20,time:1 minute", 429, null, 3.5);

        Assert.Equal(3.5, error.RetryAfterSeconds);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    public void MissingOrNonsenseRetryAfterIsLeftEmpty(double? retryAfter) =>
        Assert.Null(HuaweiErrors.ToException("APIG.0308", null, 429, null, retryAfter).RetryAfterSeconds);

    [Fact]
    public void NotSubscribedExplainsEnablingTheServiceInThatRegionsConsole()
    {
        var error = HuaweiErrors.ToException("ModelArts.4204", "Request api error! The API ocr-bankcard is not subscribed.", 403, null, null);

        Assert.Contains("OCR console", error.Message);
        Assert.Contains("region", error.Message);
    }

    [Fact]
    public void UnscopedTokenExplainsThatItMustBeProjectScoped() =>
        Assert.Contains("project-scoped", HuaweiErrors.ToException("ModelArts.0212", "The Token not contain project item.", 401, null, null).Message);

    [Fact]
    public void SuccessStatusWithoutResultIsAnInvalidResponse() =>
        Assert.Equal(InvalidResponse, HuaweiErrors.ToException(null, null, 200, null, null).Kind);

    [Fact]
    public void CardNumberInProviderMessageIsMasked()
    {
        var error = HuaweiErrors.ToException("AIS.0104", "card 6228480402564890515 unreadable", 400, null, null);

        Assert.DoesNotContain("6228480402564890515", error.Message);
        Assert.Contains("622848*********0515", error.Message);
    }

    public static TheoryData<string, int, BankcardOcrErrorKind, bool, bool, string> IamCodes => new()
    {
        // code, HTTP status, kind, retryable, fresh credential, a phrase the message must hold
        { "IAM.0001", 401, AuthenticationFailed, false, false, "DomainName is the account name" },
        { "IAM.0002", 403, AuthenticationFailed, false, false, "not authorised" },
        { "IAM.0007", 400, ProviderError, false, false, "parameter" },
        { "IAM.0011", 400, ProviderError, false, false, "body" },
        { "IAM.0061", 401, AuthenticationFailed, false, false, "locked" },
        { "IAM.0062", 401, AuthenticationFailed, false, false, "HUAWEI ID cannot" },
        { "IAM.0066", 401, AuthenticationFailed, false, true, "expired" },
        { "IAM.0067", 401, AuthenticationFailed, false, true, "invalid" },
        { "IAM.0080", 403, AuthenticationFailed, false, false, "disabled" },
        { "IAM.0081", 403, AuthenticationFailed, false, false, "programmatic access" },
        { "IAM.0082", 403, AuthenticationFailed, false, false, "access key is disabled" },
        { "IAM.0012", 429, RateLimited, true, false, "throttling" },
        { "IAM.0999", 401, AuthenticationFailed, false, false, "account name" },
        { "IAM.0999", 404, ProviderError, false, false, "IAM endpoint" },
        { "IAM.0999", 429, RateLimited, true, false, "rate limit" },
        { "IAM.0999", 500, ProviderError, true, false, "HTTP 500" },
        { "IAM.0999", 503, ProviderError, true, false, "HTTP 503" },
    };

    [Theory]
    [MemberData(nameof(IamCodes))]
    public void IamCodeMapsToKindRetryAndAdvice(string code, int status, BankcardOcrErrorKind kind, bool retryable, bool fresh, string phrase)
    {
        var error = HuaweiIamErrors.ToException(code, "from IAM", status, "req-2", 5);

        Assert.Equal(kind, error.Kind);
        Assert.Equal(retryable, error.IsRetryable);
        Assert.Equal(fresh, error.RequiresFreshCredential);
        Assert.Equal("Huawei", error.Provider);
        Assert.Equal(code, error.ProviderCode);
        Assert.Equal("req-2", error.RequestId);
        Assert.Equal(5, error.RetryAfterSeconds);
        Assert.Contains(phrase, error.Message);
        Assert.Contains("from IAM", error.Message);
    }

    [Fact]
    public void IamSuccessStatusWithoutTokenIsAnInvalidResponse() =>
        Assert.Equal(InvalidResponse, HuaweiIamErrors.ToException(null, null, 201, null, null).Kind);

    [Fact]
    public void MessageWithoutCodeNamesTheHttpStatus() =>
        Assert.Contains("(HTTP 502: Bad Gateway)", HuaweiErrors.ToException(null, "Bad Gateway", 502, null, null).Message);

    [Theory]
    [InlineData("IAM.0001", 401)]
    [InlineData(null, 401)]
    public void RefusedAccessKeysGetKeyAdviceNotAccountAdvice(string? code, int status)
    {
        var signed = HuaweiIamErrors.ToException(code, null, status, null, null, signedWithAccessKeys: true);
        Assert.Equal(AuthenticationFailed, signed.Kind);
        Assert.DoesNotContain("DomainName", signed.Message);
        Assert.Contains("access key", signed.Message);

        var password = HuaweiIamErrors.ToException(code, null, status, null, null);
        Assert.Contains("DomainName", password.Message);
    }

    [Fact]
    public void LockedUserNeedsNoCredentialAdvice() =>
        Assert.DoesNotContain("DomainName", HuaweiIamErrors.ToException("IAM.0061", null, 401, null, null).Message);
}
