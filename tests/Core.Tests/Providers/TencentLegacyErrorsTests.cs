using BankcardOcr.Providers.TencentLegacy;

namespace BankcardOcr.Core.Tests.Providers;

public class TencentLegacyErrorsTests
{
    private const BankcardOcrErrorKind Auth = BankcardOcrErrorKind.AuthenticationFailed;
    private const BankcardOcrErrorKind Provider = BankcardOcrErrorKind.ProviderError;
    private const string CardNumber = "6228480402564890515";

    // Every code of the vendor's error table (docs/tencentcloud.md §5.3): kind, retryable, needs a fresh signature.
    public static TheoryData<int, BankcardOcrErrorKind, bool, bool> Codes => new()
    {
        { 3, Auth, false, false },
        { 4, Auth, false, false },
        { 5, Auth, false, false },
        { 6, Auth, false, false },
        { 7, Provider, true, false },
        { 8, Provider, true, false },
        { 9, Auth, false, true },
        { 10, Auth, false, false },
        { 11, Auth, false, false },
        { 12, Auth, false, false },
        { 13, Auth, false, true },
        { 14, Auth, false, false },
        { 15, BankcardOcrErrorKind.RateLimited, true, false },
        { 16, Provider, false, false },
        { 17, BankcardOcrErrorKind.ImageNotFound, false, false },
        { 18, BankcardOcrErrorKind.ImageNotFound, false, false },
        { 19, BankcardOcrErrorKind.ImageTooLarge, false, false },
        { 20, BankcardOcrErrorKind.ImageTooLarge, false, false },
        { 21, BankcardOcrErrorKind.UnsupportedImageFormat, false, false },
        { 200, Provider, true, false },
        { 201, Provider, true, false },
        { 202, Provider, true, false },
        { 203, Provider, true, false },
        { -1102, BankcardOcrErrorKind.UnsupportedImageFormat, false, false },
        { -1300, BankcardOcrErrorKind.ImageNotFound, false, false },
        { -1301, BankcardOcrErrorKind.ImageNotFound, false, false },
        { -1304, BankcardOcrErrorKind.ImageTooLarge, false, false },
        { -5208, Provider, true, false },
        { -9010, BankcardOcrErrorKind.NoCardFound, false, false },
        { -9011, BankcardOcrErrorKind.NoCardFound, false, false },
        { -9012, BankcardOcrErrorKind.NoCardFound, false, false },
        { -9013, BankcardOcrErrorKind.NoCardFound, false, false },
        { -9014, BankcardOcrErrorKind.NoCardFound, false, false },
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public void EachDocumentedCodeMapsToItsKind(int code, BankcardOcrErrorKind kind, bool retryable, bool freshCredential)
    {
        var error = TencentLegacyErrors.ToException(code, "message", 200, "10000011579925413");

        Assert.Equal(kind, error.Kind);
        Assert.Equal(retryable, error.IsRetryable);
        Assert.Equal(freshCredential, error.RequiresFreshCredential);
        Assert.Equal("TencentLegacy", error.Provider);
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), error.ProviderCode);
        Assert.Equal(200, error.HttpStatusCode);
        Assert.Equal("10000011579925413", error.RequestId);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void MessageNamesTheCodeAndMasksCardNumbers(int code, BankcardOcrErrorKind kind, bool retryable, bool freshCredential)
    {
        _ = (kind, retryable, freshCredential);
        var error = TencentLegacyErrors.ToException(code, "card " + CardNumber + " refused", null, null);

        Assert.StartsWith("TencentLegacy error " + code.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": ", error.Message);
        Assert.DoesNotContain(CardNumber, error.Message);
        Assert.Contains("622848*********0515", error.Message);
    }

    [Fact]
    public void EveryKnownCodeIsCoveredByTheTable()
    {
        var tested = Codes.Select(row => (int)row[0]).OrderBy(c => c);

        Assert.Equal(tested, TencentLegacyErrors.KnownCodes.OrderBy(c => c));
    }

    [Fact]
    public void ArrearsIsExplainedForCodeThree()
    {
        var error = TencentLegacyErrors.ToException(3, "account abnormal,errorno is:2", 200, null);

        Assert.Contains("arrears", error.Message);
        Assert.Contains("account abnormal,errorno is:2", error.Message);
    }

    [Theory]
    [InlineData(10, "AppId")]
    [InlineData(11, "SecretId")]
    [InlineData(12, "AppId")]
    [InlineData(9, "clock")]
    [InlineData(13, "clock")]
    [InlineData(14, "SecretKey")]
    public void AuthenticationMessagesSayWhatToCheck(int code, string hint) =>
        Assert.Contains(hint, TencentLegacyErrors.ToException(code, null, null, null).Message);

    [Fact]
    public void JsonCodeDecidesWhateverTheHttpStatus()
    {
        var error = TencentLegacyErrors.ToException(15, null, 500, null);

        Assert.Equal(BankcardOcrErrorKind.RateLimited, error.Kind);
        Assert.Equal(500, error.HttpStatusCode);
    }

    [Fact]
    public void UnknownCodeIsAProviderErrorThatKeepsTheCode()
    {
        var error = TencentLegacyErrors.ToException(-4242, "odd", 200, null);

        Assert.Equal(BankcardOcrErrorKind.ProviderError, error.Kind);
        Assert.False(error.IsRetryable);
        Assert.Equal("-4242", error.ProviderCode);
        Assert.Contains("odd", error.Message);
    }

    [Fact]
    public void LongProviderMessageIsShortened()
    {
        var error = TencentLegacyErrors.ToException(21, new string('x', 5000), null, null);

        Assert.True(error.Message.Length < 1000);
    }

    [Fact]
    public void SuccessCodeIsNotAnError() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TencentLegacyErrors.ToException(0, "OK", 200, null));
}
