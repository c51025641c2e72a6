using System.Net;
using System.Reflection;
using System.Text;
using BankcardOcr.Cloud.Http;

namespace BankcardOcr.Core.Tests.Providers;

/// <summary>The providers' response mappers, fed the documented envelopes directly.</summary>
public class ResponseParsingTests
{
    // The legacy page's 输出示例 (docs/tencentcloud.md §5.2), abridged to the fields that matter.
    private const string LegacySample = """
        {"code":0,"message":"OK","data":{"session_id":"10000011579925413","items":[
          {"item":"卡号","itemcoord":{"x":28,"y":101,"width":244,"height":22},"itemconf":0.9542132019996644,"itemstring":"514958888888888","coords":[],"words":[],"candword":[]},
          {"item":"卡类型","itemcoord":{"x":10,"y":10,"width":10,"height":10},"itemconf":0.95,"itemstring":"贷记卡"},
          {"item":"卡名字","itemcoord":{"x":10,"y":30,"width":10,"height":10},"itemconf":0.95,"itemstring":"中银万事达信用卡"},
          {"item":"银行信息","itemcoord":{"x":10,"y":50,"width":10,"height":10},"itemconf":0.95,"itemstring":"中国银行(01040000)"},
          {"item":"有效期","itemcoord":{"x":117,"y":137,"width":55,"height":14},"itemconf":0.928840160369873,"itemstring":"08/2008"}]}}
        """;

    [Fact]
    public void LegacySampleMapsToTheDesignProperties()
    {
        var result = ParseLegacy(200, LegacySample);
        Assert.Equal("514958888888888", result.CardNumber);
        Assert.Equal("Credit", result.CardType);
        Assert.Equal("贷记卡", result.CardTypeText);
        Assert.Equal("中银万事达信用卡", result.CardName);
        Assert.Equal("中国银行", result.BankName);
        Assert.Equal("01040000", result.BankCode);
        Assert.Equal("08/2008", result.ValidThru);
        Assert.Equal(0.9542132019996644, result.Confidence);
        Assert.Equal("10000011579925413", result.RequestId);
        Assert.StartsWith("CardNumber=0.9542;", result.FieldConfidences, StringComparison.Ordinal);
        Assert.StartsWith("CardNumber=28,101,244,22;", result.TextLocations, StringComparison.Ordinal);
    }

    [Fact]
    public void LegacyItemsAreMatchedByNameNotPosition()
    {
        var result = ParseLegacy(200, """{"code":0,"data":{"session_id":"s","items":[{"item":"有效期","itemstring":"12/20"},{"item":"卡号","itemstring":"6228 4804 0256 4890 018","itemconf":0.5}]}}""");
        Assert.Equal("6228480402564890018", result.CardNumber);
        Assert.Equal("12/2020", result.ValidThru);
    }

    [Theory]
    [InlineData(200, 15, BankcardOcrErrorKind.RateLimited, true)]
    [InlineData(400, -9011, BankcardOcrErrorKind.NoCardFound, false)]
    [InlineData(200, 14, BankcardOcrErrorKind.AuthenticationFailed, false)]
    public void LegacyCodeDecidesWhateverTheHttpStatus(int status, int code, BankcardOcrErrorKind kind, bool retryable)
    {
        var error = Assert.Throws<BankcardOcrException>(() => ParseLegacy(status, $$$"""{"code":{{{code}}},"message":"m","data":{"session_id":"sess"}}"""));
        Assert.Equal(kind, error.Kind);
        Assert.Equal(retryable, error.IsRetryable);
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), error.ProviderCode);
        Assert.Equal(status, error.HttpStatusCode);
        Assert.Equal("sess", error.RequestId);
    }

    [Theory]
    [InlineData(502, "<html>Bad gateway</html>", BankcardOcrErrorKind.ProviderError, true)]
    [InlineData(503, "", BankcardOcrErrorKind.ProviderError, true)]
    [InlineData(404, "", BankcardOcrErrorKind.InvalidResponse, false)]
    [InlineData(200, "{\"message\":\"no code\"}", BankcardOcrErrorKind.InvalidResponse, false)]
    [InlineData(429, "Too many", BankcardOcrErrorKind.RateLimited, true)]
    public void LegacyNonEnvelopeIsClassifiedByStatus(int status, string body, BankcardOcrErrorKind kind, bool retryable)
    {
        var error = Assert.Throws<BankcardOcrException>(() => ParseLegacy(status, body));
        Assert.Equal(kind, error.Kind);
        Assert.Equal(retryable, error.IsRetryable);
    }

    [Fact]
    public void Api3SampleMapsToTheDesignProperties()
    {
        // docs/tencentcloud.md §2.3 example, with a second warning code.
        var result = ParseApi3(200, """
            {"Response": {"BankInfo": "招商银行(03080000)", "ValidDate": "07/2023", "CardType": "贷记卡", "CardName": "招商银行信用卡",
              "BorderCutImage": null, "CardNoImage": null, "WarningCode": [-9114, -9112], "CardNo": "6225768888888888",
              "QualityValue": 87, "CardCategory": "标准实体银行卡", "RequestId": "68f8fcbf-6004-0111a-ac18-6f1a9308fs100mab"}}
            """);
        Assert.Equal("6225768888888888", result.CardNumber);
        Assert.Equal("招商银行", result.BankName);
        Assert.Equal("03080000", result.BankCode);
        Assert.Equal("Credit", result.CardType);
        Assert.Equal("07/2023", result.ValidThru);
        Assert.Equal("Reshoot;Glare", result.Warnings);
        Assert.Equal(87, result.QualityValue);
        Assert.Equal("标准实体银行卡", result.CardCategory);
        Assert.Equal("68f8fcbf-6004-0111a-ac18-6f1a9308fs100mab", result.RequestId);
        Assert.Null(result.Confidence);
    }

    [Theory]
    [InlineData("RequestLimitExceeded", BankcardOcrErrorKind.RateLimited, true)]
    [InlineData("FailedOperation.NoBankCardError", BankcardOcrErrorKind.NoCardFound, false)]
    [InlineData("AuthFailure.SignatureFailure", BankcardOcrErrorKind.AuthenticationFailed, false)]
    [InlineData("InternalError", BankcardOcrErrorKind.ProviderError, true)]
    public void Api3ErrorIsCheckedBeforeAnyField(string code, BankcardOcrErrorKind kind, bool retryable)
    {
        var error = Assert.Throws<BankcardOcrException>(() => ParseApi3(200, $$$"""{"Response":{"Error":{"Code":"{{{code}}}","Message":"m"},"RequestId":"rid"}}"""));
        Assert.Equal(kind, error.Kind);
        Assert.Equal(retryable, error.IsRetryable);
        Assert.Equal(code, error.ProviderCode);
        Assert.Equal("rid", error.RequestId);
    }

    [Fact]
    public void Api3ExpiredSignatureAsksForAFreshOne()
    {
        var error = Assert.Throws<BankcardOcrException>(() => ParseApi3(401, """{"Response":{"Error":{"Code":"AuthFailure.SignatureExpire","Message":"m"},"RequestId":"r"}}"""));
        Assert.True(error.RequiresFreshCredential);
        Assert.Contains("clock", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    private static BankcardRecognitionResult ParseLegacy(int status, string body) => Invoke("BankcardOcr.Providers.TencentLegacy.TencentLegacyResponse", status, body);

    private static BankcardRecognitionResult ParseApi3(int status, string body) => Invoke("BankcardOcr.Providers.Tencent.TencentResponse", status, body);

    private static BankcardRecognitionResult Invoke(string typeName, int status, string body)
    {
        using var message = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8) };
        var response = (ProviderResponse)Activator.CreateInstance(
            typeof(ProviderResponse), BindingFlags.NonPublic | BindingFlags.Instance, null, new object[] { status, message, Encoding.UTF8.GetBytes(body) }, null)!;
        var parse = typeof(ProviderResponse).Assembly.GetType(typeName, throwOnError: true)!.GetMethod("Parse", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(ProviderResponse) }, null)!;
        try
        {
            return (BankcardRecognitionResult)parse.Invoke(null, new object[] { response })!;
        }
        catch (TargetInvocationException e) when (e.InnerException != null)
        {
            throw e.InnerException;
        }
    }
}
