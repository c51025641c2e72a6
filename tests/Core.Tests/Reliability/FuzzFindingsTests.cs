using System.Net;
using System.Text;
using BankcardOcr.Cloud.Http;
using BankcardOcr.Providers.Huawei;
using BankcardOcr.Providers.Tencent;
using BankcardOcr.Providers.TencentLegacy;

namespace BankcardOcr.Core.Tests.Reliability;

/// <summary>Answers bench/Fuzz found escaping as undocumented exceptions, kept as regular tests.</summary>
public class FuzzFindingsTests
{
    // "招商" with its second byte broken: valid JSON structure, invalid UTF-8 inside a string.
    private static readonly byte[] BrokenBank = [0xE6, 0x28, 0x9B];

    [Fact]
    public void TencentStringWithInvalidUtf8IsInvalidResponse()
    {
        var body = Join("""{"Response":{"CardNo":"6225768888888888","BankInfo":" """, BrokenBank, """ ","RequestId":"r"}}""");

        var error = Assert.Throws<BankcardOcrException>(() => TencentResponse.Parse(Response(200, body)));

        Assert.Equal(BankcardOcrErrorKind.InvalidResponse, error.Kind);
    }

    [Fact]
    public void TencentLegacyStringWithInvalidUtf8IsInvalidResponse()
    {
        var body = Join("""{"code":0,"data":{"session_id":"s","items":[{"item":"卡号","itemstring":" """, BrokenBank, """ "}]}}""");

        var error = Assert.Throws<BankcardOcrException>(() => TencentLegacyResponse.Parse(Response(200, body)));

        Assert.Equal(BankcardOcrErrorKind.InvalidResponse, error.Kind);
    }

    [Fact]
    public void HuaweiStringWithInvalidUtf8IsInvalidResponse()
    {
        var body = Join("""{"result":{"card_number":"6225768888888888","bank_name":" """, BrokenBank, """ "}}""");

        var error = Assert.Throws<BankcardOcrException>(() => HuaweiResponse.Parse(Response(200, body), usedToken: false));

        Assert.Equal(BankcardOcrErrorKind.InvalidResponse, error.Kind);
    }

    [Fact]
    public void HuaweiIamTokenWithInvalidUtf8IsInvalidResponse()
    {
        var body = Join("""{"token":{"expires_at":"2026-12-03T04:00:00.000000Z","project":{"id":" """, BrokenBank, """ "}}}""");
        var response = Response(201, body);
        response.Headers.TryAddWithoutValidation("X-Subject-Token", "t");

        var error = Assert.Throws<BankcardOcrException>(() => HuaweiIamClient.ReadToken(response, new Uri("https://iam.example.com"), "cn-north-4", "u", "d"));

        Assert.Equal(BankcardOcrErrorKind.InvalidResponse, error.Kind);
    }

    [Theory]
    [InlineData("""{"Response":{"Error":{"Message":"no code"},"RequestId":"r"}}""")]
    [InlineData("""{"Response":{"Error":{"Code":15,"Message":"numeric code"},"RequestId":"r"}}""")]
    [InlineData("""{"Response":{"Error":{},"RequestId":"r"}}""")]
    public void TencentErrorWithoutACodeIsInvalidResponse(string body)
    {
        var error = Assert.Throws<BankcardOcrException>(() => TencentResponse.Parse(Response(400, Encoding.UTF8.GetBytes(body))));

        Assert.Equal(BankcardOcrErrorKind.InvalidResponse, error.Kind);
    }

    private static byte[] Join(string before, byte[] middle, string after) =>
        [.. Encoding.UTF8.GetBytes(before.TrimEnd()), .. middle, .. Encoding.UTF8.GetBytes(after.TrimStart())];

    private static ProviderResponse Response(int status, byte[] body) =>
        new(status, new HttpResponseMessage((HttpStatusCode)status), body);
}
