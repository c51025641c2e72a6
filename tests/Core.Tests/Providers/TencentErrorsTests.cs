using BankcardOcr.Providers.Tencent;

namespace BankcardOcr.Core.Tests.Providers;

public class TencentErrorsTests
{
    private const BankcardOcrErrorKind Auth = BankcardOcrErrorKind.AuthenticationFailed;
    private const BankcardOcrErrorKind Provider = BankcardOcrErrorKind.ProviderError;
    private const string CardNumber = "6225768888888888";

    // docs/tencentcloud.md §2.4: BankCardOCR's codes and the common codes, sub-codes falling back to a parent.
    public static TheoryData<string, BankcardOcrErrorKind, bool> Codes => new()
    {
        { "FailedOperation.DownLoadError", BankcardOcrErrorKind.ImageNotFound, true },
        { "FailedOperation.IllegalBankCardError", BankcardOcrErrorKind.NoCardFound, false },
        { "FailedOperation.ImageDecodeFailed", BankcardOcrErrorKind.UnsupportedImageFormat, false },
        { "InvalidParameter.EngineImageDecodeFailed", BankcardOcrErrorKind.UnsupportedImageFormat, false },
        { "FailedOperation.NoBankCardError", BankcardOcrErrorKind.NoCardFound, false },
        { "FailedOperation.OcrFailed", BankcardOcrErrorKind.NoCardFound, false },
        { "FailedOperation.UnKnowError", Provider, true },
        { "FailedOperation.UnOpenError", Auth, false },
        { "InvalidParameterValue.InvalidParameterValueLimit", Provider, false },
        { "LimitExceeded.TooLargeFileError", BankcardOcrErrorKind.ImageTooLarge, false },
        { "ResourceUnavailable.InArrears", Auth, false },
        { "ResourceUnavailable.ResourcePackageRunOut", Auth, false },
        { "ResourcesSoldOut.ChargeStatusException", Auth, false },
        { "RequestLimitExceeded", BankcardOcrErrorKind.RateLimited, true },
        { "RequestLimitExceeded.IPLimitExceeded", BankcardOcrErrorKind.RateLimited, true },
        { "RequestLimitExceeded.UinLimitExceeded", BankcardOcrErrorKind.RateLimited, true },
        { "RequestLimitExceeded.GlobalRegionUinLimitExceeded", BankcardOcrErrorKind.RateLimited, true },
        { "InternalError", Provider, true },
        { "InternalError.UnknownError", Provider, true },
        { "ServiceUnavailable", Provider, true },
        { "AuthFailure.SignatureExpire", Auth, false },
        { "AuthFailure.SignatureFailure", Auth, false },
        { "AuthFailure.SecretIdNotFound", Auth, false },
        { "AuthFailure.InvalidSecretId", Auth, false },
        { "AuthFailure.InvalidAuthorization", Auth, false },
        { "AuthFailure.TokenFailure", Auth, false },
        { "AuthFailure.MFAFailure", Auth, false },
        { "AuthFailure.UnauthorizedOperation", Auth, false },
        { "AuthFailure", Auth, false },
        { "AuthFailure.SomethingNew", Auth, false },
        { "UnauthorizedOperation", Auth, false },
        { "RequestSizeLimitExceeded", BankcardOcrErrorKind.ImageTooLarge, false },
        { "UnsupportedRegion", Provider, false },
        { "InvalidAction", Provider, false },
        { "InvalidParameter", Provider, false },
        { "InvalidParameterValue", Provider, false },
        { "MissingParameter", Provider, false },
        { "UnknownParameter", Provider, false },
        { "InvalidRequest", Provider, false },
        { "NoSuchProduct", Provider, false },
        { "NoSuchVersion", Provider, false },
        { "UnsupportedOperation", Provider, false },
        { "UnsupportedProtocol", Provider, false },
        { "ResponseSizeLimitExceeded", Provider, false },
        { "LimitExceeded", Provider, false },
        { "IpInBlacklist", Provider, false },
        { "IpNotInWhitelist", Provider, false },
        { "ResourceInUse", Provider, false },
        { "ResourceInsufficient", Provider, false },
        { "ResourceNotFound", Provider, false },
        { "ResourceUnavailable", Provider, false },
        { "FailedOperation", Provider, false },
        { "DryRunOperation", Provider, false },
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public void EachDocumentedCodeMapsToItsKind(string code, BankcardOcrErrorKind kind, bool retryable)
    {
        var error = TencentErrors.ToException(code, "message", 200, "68f8fcbf-6004-0111a-ac18-6f1a9308fs100mab");

        Assert.Equal(kind, error.Kind);
        Assert.Equal(retryable, error.IsRetryable);
        Assert.Equal("Tencent", error.Provider);
        Assert.Equal(code, error.ProviderCode);
        Assert.Equal(200, error.HttpStatusCode);
        Assert.Equal("68f8fcbf-6004-0111a-ac18-6f1a9308fs100mab", error.RequestId);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void MessageNamesTheCodeAndMasksCardNumbers(string code, BankcardOcrErrorKind kind, bool retryable)
    {
        _ = (kind, retryable);
        var error = TencentErrors.ToException(code, "card " + CardNumber + " refused", null, null);

        Assert.StartsWith("Tencent error " + code + ": ", error.Message);
        Assert.DoesNotContain(CardNumber, error.Message);
        Assert.Contains("622576******8888", error.Message);
    }

    [Fact]
    public void EveryKnownCodeIsInTheTestTable()
    {
        var tested = Codes.Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);

        Assert.All(TencentErrors.KnownCodes, code => Assert.Contains(code, tested));
    }

    [Fact]
    public void ExpiredSignatureSaysTheClockIsOffAndAsksForAFreshSignature()
    {
        var error = TencentErrors.ToException("AuthFailure.SignatureExpire", "signature expired", 200, null);

        Assert.Contains("5 minutes", error.Message);
        Assert.Contains("clock", error.Message);
        Assert.True(error.RequiresFreshCredential);
    }

    [Theory]
    [InlineData("ResourceUnavailable.InArrears", "console")]
    [InlineData("ResourceUnavailable.ResourcePackageRunOut", "console")]
    [InlineData("FailedOperation.UnOpenError", "console")]
    [InlineData("AuthFailure.SecretIdNotFound", "SecretId")]
    [InlineData("AuthFailure.SignatureFailure", "SecretKey")]
    [InlineData("AuthFailure.UnauthorizedOperation", "CAM")]
    [InlineData("FailedOperation.DownLoadError", "image bytes")]
    public void MessagesSayWhatToDo(string code, string hint) =>
        Assert.Contains(hint, TencentErrors.ToException(code, null, null, null).Message);

    [Fact]
    public void UnknownCodeIsAProviderErrorThatKeepsTheCode()
    {
        var error = TencentErrors.ToException("Something.Else", null, 400, null);

        Assert.Equal(BankcardOcrErrorKind.ProviderError, error.Kind);
        Assert.False(error.IsRetryable);
        Assert.Equal("Something.Else", error.ProviderCode);
    }

    [Fact]
    public void EmptyCodeIsRefused() =>
        Assert.Throws<ArgumentException>(() => TencentErrors.ToException("", null, null, null));
}
