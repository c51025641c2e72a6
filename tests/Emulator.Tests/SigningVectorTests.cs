using System.Text;
using BankcardOcr.Emulator.Huawei;
using BankcardOcr.Emulator.Tencent;
using BankcardOcr.Emulator.TencentLegacy;

namespace BankcardOcr.Module.Tests.Emulator;

/// <summary>The emulator's verifiers against the published vectors (docs/tencentcloud.md §4, §6.3; docs/huaweicloud.md §6).</summary>
public class SigningVectorTests
{
    private const string CvmPayload = "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\": \"instance-name\"}]}";

    private static Func<string, string?> Headers(params (string Name, string Value)[] headers) =>
        name => headers.FirstOrDefault(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    [Fact]
    public void Tc3VectorASignsActionHeaderWithLowercasedValue()
    {
        var canonical = Tc3Signature.CanonicalRequest("POST", "/", "", ["content-type", "host", "x-tc-action"],
            Headers(("Content-Type", "application/json; charset=utf-8"), ("Host", "cvm.tencentcloudapi.com"), ("X-TC-Action", "DescribeInstances")),
            Encoding.UTF8.GetBytes(CvmPayload));
        var toSign = Tc3Signature.StringToSign(1551113065, "cvm", canonical);
        Assert.EndsWith("7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84", toSign);
        Assert.Equal("b596b923aad85185e2d1f6659d2a062e0a86731226e021e61bfe06f7ed05f5af",
            Convert.ToHexStringLower(Tc3Signature.SigningKey("********************************", "2019-02-25", "cvm")));
        Assert.Equal("10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f",
            Tc3Signature.Signature("********************************", "2019-02-25", "cvm", toSign));
    }

    [Fact]
    public void Tc3VectorBUsesTheUtcDateAndContentTypeAndHostOnly()
    {
        var canonical = Tc3Signature.CanonicalRequest("POST", "/", "", ["content-type", "host"],
            Headers(("Content-Type", "application/json; charset=utf-8"), ("Host", "cvm.tencentcloudapi.com")), Encoding.UTF8.GetBytes(CvmPayload));
        Assert.Equal("2019-02-25", Tc3Signature.DateOf(1551113065));
        var toSign = Tc3Signature.StringToSign(1551113065, "cvm", canonical);
        Assert.Equal("TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031", toSign);
        Assert.Equal("72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
            Tc3Signature.Signature("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", "2019-02-25", "cvm", toSign));
    }

    [Fact]
    public void Tc3VectorCSignsAGetWithQuery()
    {
        var canonical = Tc3Signature.CanonicalRequest("GET", "/", "Limit=10&Offset=0", ["content-type", "host"],
            Headers(("Content-Type", "application/x-www-form-urlencoded"), ("Host", "cvm.tencentcloudapi.com")), []);
        var toSign = Tc3Signature.StringToSign(1539084154, "cvm", canonical);
        Assert.EndsWith("91c9c192c14460df6c1ffc69e34e6c5e90708de2a6d282cccf957dbf1aa7f3a7", toSign);
        Assert.Equal("5da7a33f6993f0614b047e5df4582db9e9bf4672ba50567dba16c6ccf174c474",
            Tc3Signature.Signature("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", "2018-10-09", "cvm", toSign));
    }

    [Theory]
    [InlineData(false, "7093f776ac2185a800bd3d5e452da9d7899b238bbcb7a3f11b0d2b75f5c7b9d1", "75f15ac0f89ac7442105bc201fff804b3a3cf6c5b0e145f5b9cbdbee15bd55da")]
    [InlineData(true, "59b121b5138a35f0d9c59642dcd665dd8a56f936383c094ced643def7eb222c1", "460ad8de1c1fdc30ea57efe83e6d99b349f91d9bc2538f0a10663c26810e9a1f")]
    public void Tc3VectorDSignsABankCardOcrRequest(bool signAction, string hashedCanonical, string signature)
    {
        string[] signed = signAction ? ["content-type", "host", "x-tc-action"] : ["content-type", "host"];
        var canonical = Tc3Signature.CanonicalRequest("POST", "/", "", signed,
            Headers(("Content-Type", "application/json; charset=utf-8"), ("Host", "ocr.tencentcloudapi.com"), ("X-TC-Action", "BankCardOCR")),
            "{\"ImageUrl\":\"https://xx/a.jpg\"}"u8);
        var toSign = Tc3Signature.StringToSign(1551113065, "ocr", canonical);
        Assert.EndsWith(hashedCanonical, toSign);
        Assert.Equal(signature, Tc3Signature.Signature("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", "2019-02-25", "ocr", toSign));
    }

    [Fact]
    public void Tc3AuthorizationHeaderIsParsed()
    {
        Assert.True(Tc3Signature.TryParseAuthorization(
            "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
            out var auth));
        Assert.Equal(("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "2019-02-25", "cvm", "tc3_request"), (auth.SecretId, auth.Date, auth.Service, auth.Terminator));
        Assert.Equal(["content-type", "host"], auth.SignedHeaders);
        Assert.False(Tc3Signature.TryParseAuthorization("HMAC-SHA256 Credential=x", out _));
    }

    [Theory]
    [InlineData("p2Y5iIYyBmQNfUvPe3e1sxEN/rZhPTEyNTI4MjE4NzEmYj10ZW5jZW50eXVuJms9QUtJRGdhb09ZaDJrT21KZldWZEg0bHBmeFNjRzJ6UExQR29LJmU9MTQzODY2OTExNSZ0PTE0MzYwNzcxMTUmcj0xMTE2MiZ1PTAmZj0=", 1438669115L, "")]
    [InlineData("Tt9IYBG4j1TpO/9M6M9TokVJrKhhPTEyNTI4MjE4NzEmYj10ZW5jZW50eXVuJms9QUtJRGdhb09ZaDJrT21KZldWZEg0bHBmeFNjRzJ6UExQR29LJmU9MTQzODY2OTExNSZ0PTE0MzYwNzcxMTUmcj0xMTE2MiZ1PTAmZj10ZW5jZW50eXVuU2lnblRlc3Q=", 1438669115L, "tencentyunSignTest")]
    [InlineData("ewXflzgpQON2bmrX6uJ5Yr0zuOphPTEyNTI4MjE4NzEmYj10ZW5jZW50eXVuJms9QUtJRGdhb09ZaDJrT21KZldWZEg0bHBmeFNjRzJ6UExQR29LJmU9MCZ0PTE0MzYwNzcxMTUmcj0xMTE2MiZ1PTAmZj10ZW5jZW50eXVuU2lnblRlc3Q=", 0L, "tencentyunSignTest")]
    public void LegacyVectorsVerifyAndParse(string sign, long expires, string fileId)
    {
        Assert.True(LegacySignature.TryDecode(sign, out var digest, out var original));
        Assert.True(LegacySignature.DigestMatches(digest, original, "nwOKDouy5JctNOlnere4gkVoOUz5EYAb"));
        Assert.False(LegacySignature.DigestMatches(digest, original, "nwOKDouy5JctNOlnere4gkVoOUz5EYAc"));
        Assert.True(LegacySignature.TryParse(original, out var fields));
        Assert.Equal(new LegacySignatureFields("1252821871", "tencentyun", "AKIDgaoOYh2kOmJfWVdH4lpfxScG2zPLPGoK", expires, 1436077115, "11162", fileId), fields);
        Assert.Equal(expires == 0, fields.IsOneTime);
    }

    [Fact]
    public void LegacyMultiUseDigestMatchesThePublishedHex()
    {
        const string original = "a=1252821871&b=tencentyun&k=AKIDgaoOYh2kOmJfWVdH4lpfxScG2zPLPGoK&e=1438669115&t=1436077115&r=11162&u=0&f=";
        Assert.Equal("a7663988863206640d7d4bcf7b77b5b3110dfeb6", Convert.ToHexStringLower(LegacySignature.Digest(original, "nwOKDouy5JctNOlnere4gkVoOUz5EYAb")));
    }

    [Fact]
    public void LegacyFieldsAreReadInAnyOrderAndMayOmitOptionalOnes()
    {
        // The Java SDK sends a,b,k,t,e without r/u/f (docs/tencentcloud.md §6.2).
        Assert.True(LegacySignature.TryParse("a=1&b=x&k=AKID&t=100&e=200", out var fields));
        Assert.Equal((100L, 200L, ""), (fields.Created, fields.Expires, fields.Rand));
        Assert.False(LegacySignature.TryParse("a=1&k=AKID&t=100", out _));
        Assert.False(LegacySignature.TryParse("a=1&k=AKID&t=100&e=200&r=12345678901", out _));
        Assert.False(LegacySignature.TryDecode("not base64!", out _, out _));
    }

    private static readonly Func<string, string?> SdkTestHeaders = Headers(("Host", "service.region.example.com"), ("X-Sdk-Date", "20191115T033655Z"), ("Content-Type", "application/json"));

    [Theory]
    [InlineData("GET", "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs", "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0", "", "fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d")]
    [InlineData("POST", "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123", "", "{\"key\":\"value\"}", "b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771")]
    public void HuaweiSdkVectorsOneAndTwo(string method, string path, string query, string body, string signature)
    {
        var canonical = SdkHmacSignature.CanonicalRequest(method, path, query, ["host", "x-sdk-date"], SdkTestHeaders,
            SdkHmacSignature.PayloadHash(Encoding.UTF8.GetBytes(body)));
        Assert.Equal(signature, SdkHmacSignature.Signature("SecretKey", SdkHmacSignature.StringToSign("20191115T033655Z", canonical)));
    }

    [Fact]
    public void HuaweiVendorVector12SignsContentTypeAnd12PrimeDoesNot()
    {
        const string path = "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs";
        const string query = "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0";
        var empty = SdkHmacSignature.PayloadHash([]);
        var withType = SdkHmacSignature.CanonicalRequest("GET", path, query, ["content-type", "host", "x-sdk-date"], SdkTestHeaders, empty);
        Assert.EndsWith("b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a", SdkHmacSignature.StringToSign("20191115T033655Z", withType));
        Assert.Equal("7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
            SdkHmacSignature.Signature("MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc", SdkHmacSignature.StringToSign("20191115T033655Z", withType)));
        var without = SdkHmacSignature.CanonicalRequest("GET", path, query, ["host", "x-sdk-date"], SdkTestHeaders, empty);
        Assert.Equal("faafba090046ef84c81ca330e77576d8746733ddfcf0317aaeb59cff50da39a7",
            SdkHmacSignature.Signature("MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc", SdkHmacSignature.StringToSign("20191115T033655Z", without)));
    }

    [Theory]
    [InlineData(false, "78d849a0dcbeb16570f1d447348cb4300e3b2db496254087dbc7a5fe00086f7c")]
    [InlineData(true, "d555221a7781f5f1890510a893e9184aaac878a5934f78a1025cf7fa01375825")]
    public void HuaweiOcrVectorsAddTheTrailingSlashForSigning(bool signTypeAndProject, string signature)
    {
        var headers = Headers(("Host", "ocr.cn-north-4.myhuaweicloud.com"), ("X-Sdk-Date", "20240101T000000Z"),
            ("Content-Type", "application/json"), ("X-Project-Id", "0123456789abcdef0123456789abcdef"));
        string[] signed = signTypeAndProject ? ["content-type", "host", "x-project-id", "x-sdk-date"] : ["host", "x-sdk-date"];
        var canonical = SdkHmacSignature.CanonicalRequest("POST", "/v2/0123456789abcdef0123456789abcdef/ocr/bankcard", "", signed, headers,
            SdkHmacSignature.PayloadHash("{\"image\":\"AAAA\"}"u8));
        Assert.Contains("\n/v2/0123456789abcdef0123456789abcdef/ocr/bankcard/\n\n", canonical);
        Assert.Equal(signature, SdkHmacSignature.Signature("SecretKey", SdkHmacSignature.StringToSign("20240101T000000Z", canonical)));
    }

    [Fact]
    public void HuaweiQueryCanonicalisationMatchesVector9()
    {
        var raw = string.Join('&', new[] { ("limit", "1"), ("enable", "true"), ("test", "一 (&=?!#%.*)"), ("path", "/tmp/123"), ("multi", "3"), ("multi", "1"), ("multi", "2") }
            .Select(p => Uri.EscapeDataString(p.Item1) + "=" + Uri.EscapeDataString(p.Item2)));
        Assert.Equal("enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29",
            SdkHmacSignature.CanonicalQuery(raw));
    }

    [Fact]
    public void HuaweiAuthorizationHeaderIsParsed()
    {
        Assert.True(SdkHmacSignature.TryParseAuthorization("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=abc", out var auth));
        Assert.Equal(("AccessKey", "abc"), (auth.AccessKey, auth.Signature));
        Assert.Equal(["host", "x-sdk-date"], auth.SignedHeaders);
        Assert.False(SdkHmacSignature.TryParseAuthorization("SDK-HMAC-SM3 Access=AccessKey, SignedHeaders=host, Signature=abc", out _));
    }
}
