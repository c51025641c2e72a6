using System.Net;
using System.Net.Http;
using System.Text;
using BankcardOcr.Cloud.Http;
using BankcardOcr.Providers.Huawei;

namespace BankcardOcr.Core.Tests.Providers;

/// <summary>RecognizeBankcard answers (docs/huaweicloud.md §3.2, §4, §8) mapped to results and exceptions.</summary>
public class HuaweiResponseTests
{
    // The vendor's 成功响应示例 (docs/huaweicloud.md §3.2), with a text_location block in the documented corner-point shape.
    private const string Sample = """
        {"result": {"bank_name": "XX银行", "card_number": "6222 0202 0011 2233 445", "issue_date": "12/10", "expiry_date": "12/20", "type": "信用卡",
          "confidence": {"bank_name": 0.9431, "card_number": 0.8562, "issue_date": 0.9962, "expiry_date": 0.9256, "type": 0},
          "text_location": {"card_number": [[30, 200], [600, 200], [600, 240], [30, 240]]}}}
        """;

    [Fact]
    public void SeedSampleMapsToTheDesignProperties()
    {
        var result = Parse(200, Sample, requestId: "req-1");
        Assert.Equal("6222020200112233445", result.CardNumber);
        Assert.Equal("XX银行", result.BankName);
        Assert.Equal("Credit", result.CardType);
        Assert.Equal("信用卡", result.CardTypeText);
        Assert.Equal("12/2010", result.ValidFrom);
        Assert.Equal("12/2020", result.ValidThru);
        Assert.Equal(0.8562, result.Confidence);
        Assert.Equal("BankName=0.9431;CardNumber=0.8562;ValidFrom=0.9962;ValidThru=0.9256;CardType=0", result.FieldConfidences);
        Assert.Equal("CardNumber:30,200 600,200 600,240 30,240", result.TextLocations);
        Assert.Equal("req-1", result.RequestId);
    }

    [Fact]
    public void EmptyTypeIsUnknownAndMissingConfidenceIsNull()
    {
        var result = Parse(200, """{"result": {"card_number": "6222020200112233445", "type": ""}}""");
        Assert.Equal("Unknown", result.CardType);
        Assert.Null(result.Confidence);
        Assert.Equal("", result.FieldConfidences);
    }

    [Theory]
    [InlineData("""{"error_code": "AIS.0103", "error_msg": "The image size does not meet the requirements."}""")]
    [InlineData("""{"error": {"code": "AIS.0103", "message": "The image size does not meet the requirements."}}""")]
    [InlineData("""{"code": "AIS.0103", "message": "The image size does not meet the requirements."}""")]
    public void EveryDocumentedErrorShapeKeepsTheCode(string body)
    {
        var error = Assert.Throws<BankcardOcrException>(() => Parse(400, body, requestId: "req-2"));
        Assert.Equal(BankcardOcrErrorKind.ImageTooLarge, error.Kind);
        Assert.Equal("AIS.0103", error.ProviderCode);
        Assert.Equal("req-2", error.RequestId);
        Assert.Contains("does not meet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThrottlingKeepsRetryAfter()
    {
        var error = Assert.Throws<BankcardOcrException>(() => Parse(429, """{"error_code": "APIG.0308", "error_msg": "over ratelimit"}""", retryAfter: 3));
        Assert.Equal(BankcardOcrErrorKind.RateLimited, error.Kind);
        Assert.True(error.IsRetryable);
        Assert.Equal(3, error.RetryAfterSeconds);
    }

    [Fact]
    public void GatewayHtmlErrorIsRetryableByStatus()
    {
        var error = Assert.Throws<BankcardOcrException>(() => Parse(503, "<html>Service Unavailable</html>"));
        Assert.True(error.IsRetryable);
        Assert.Null(error.ProviderCode);
    }

    [Fact]
    public void TruncatedSuccessIsInvalidResponseWorthAnotherTry()
    {
        // A body broken off on the way (issue 12's soak): the next attempt usually arrives whole.
        var error = Assert.Throws<BankcardOcrException>(() => Parse(200, """{"result":{"bank_name":"中国"""));
        Assert.Equal(BankcardOcrErrorKind.InvalidResponse, error.Kind);
        Assert.True(error.IsRetryable);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Bare401AsksForAFreshTokenOnlyWhenATokenWasSent(bool usedToken, bool fresh)
    {
        var error = Assert.Throws<BankcardOcrException>(() => Parse(401, """{"error_code": "APIGW.0301", "error_msg": "Incorrect IAM authentication information"}""", usedToken: usedToken));
        Assert.Equal(BankcardOcrErrorKind.AuthenticationFailed, error.Kind);
        Assert.Equal(fresh, error.RequiresFreshCredential);
    }

    [Fact]
    public void NotSubscribedExplainsEnablingTheServiceInThatRegion()
    {
        var error = Assert.Throws<BankcardOcrException>(() => Parse(403, """{"error_code": "ModelArts.4204", "error_msg": "The API is not subscribed."}"""));
        Assert.Contains("Enable it in the OCR console", error.Message, StringComparison.Ordinal);
        Assert.Contains("region", error.Message, StringComparison.Ordinal);
    }

    private static BankcardRecognitionResult Parse(int status, string body, string? requestId = null, int? retryAfter = null, bool usedToken = false)
    {
        using var message = new HttpResponseMessage((HttpStatusCode)status);
        if (requestId != null)
        {
            message.Headers.Add("X-Request-Id", requestId);
        }

        if (retryAfter is int seconds)
        {
            message.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        }

        return HuaweiResponse.Parse(new ProviderResponse(status, message, Encoding.UTF8.GetBytes(body)), usedToken);
    }
}
