using System.Text;
using BankcardOcr.Providers.Tencent;

namespace BankcardOcr.Core.Tests.Providers;

public class Tc3SignerTests
{
    // docs/tencentcloud.md §4: the payload of vectors A and B; the \u escapes are literal text.
    private const string CvmPayload = "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\": \"instance-name\"}]}";
    private const string ExampleSecretId = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
    private const string ExampleSecretKey = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
    private static readonly DateTimeOffset VectorTime = DateTimeOffset.FromUnixTimeSeconds(1551113065);

    private static Tc3SigningRequest CvmRequest(bool signAction) =>
        new("DescribeInstances", Encoding.UTF8.GetBytes(CvmPayload), VectorTime)
        {
            Service = "cvm",
            Version = "2017-03-12",
            Region = "ap-guangzhou",
            SignActionHeader = signAction,
        };

    private static Tc3Signature Sign(Tc3SigningRequest request, string secretId, string secretKey) =>
        Tc3Signer.Sign(request, secretId, Encoding.UTF8.GetBytes(secretKey));

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    [Fact]
    public void VectorASigningActionHeaderMatchesVendor()
    {
        var signature = Sign(CvmRequest(signAction: true), "AKID********************************", new string('*', 32));

        Assert.Equal(
            "POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\nx-tc-action:describeinstances\n\n"
            + "content-type;host;x-tc-action\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064",
            signature.CanonicalRequest);
        Assert.Equal(
            "TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84",
            signature.StringToSign);
        Assert.Equal(
            "TC3-HMAC-SHA256 Credential=AKID********************************/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host;x-tc-action, "
            + "Signature=10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f",
            signature.Authorization);
    }

    [Fact]
    public void VectorBMatchesVendor()
    {
        var signature = Sign(CvmRequest(signAction: false), ExampleSecretId, ExampleSecretKey);

        Assert.Equal(
            "POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n"
            + "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064",
            signature.CanonicalRequest);
        Assert.Equal(
            "TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031",
            signature.StringToSign);
        Assert.Equal(
            "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, "
            + "Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
            signature.Authorization);
    }

    [Fact]
    public void VectorBWithMaskedDemoKeyMatchesSelfComputedSignature()
    {
        var signature = Sign(CvmRequest(signAction: false), ExampleSecretId, "Gu5t9xGARNpq86cd98joQYCN3*******");

        Assert.EndsWith("Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c", signature.Authorization);
    }

    [Fact]
    public void VectorCGetMatchesVendor()
    {
        var request = new Tc3SigningRequest("DescribeInstances", Array.Empty<byte>(), DateTimeOffset.FromUnixTimeSeconds(1539084154))
        {
            Service = "cvm",
            Version = "2017-03-12",
            Region = "ap-guangzhou",
            HttpMethod = "GET",
            CanonicalQueryString = "Limit=10&Offset=0",
            ContentType = "application/x-www-form-urlencoded",
        };

        var signature = Sign(request, ExampleSecretId, ExampleSecretKey);

        Assert.Equal(
            "GET\n/\nLimit=10&Offset=0\ncontent-type:application/x-www-form-urlencoded\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n"
            + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            signature.CanonicalRequest);
        Assert.Equal(
            "TC3-HMAC-SHA256\n1539084154\n2018-10-09/cvm/tc3_request\n91c9c192c14460df6c1ffc69e34e6c5e90708de2a6d282cccf957dbf1aa7f3a7",
            signature.StringToSign);
        Assert.Equal(
            "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2018-10-09/cvm/tc3_request, SignedHeaders=content-type;host, "
            + "Signature=5da7a33f6993f0614b047e5df4582db9e9bf4672ba50567dba16c6ccf174c474",
            signature.Authorization);
    }

    [Theory]
    [InlineData("2019-02-25", "cvm", "ac658d5dde49e9bfdd14e04e062f66b05d9f637d44b8a8d845327d4a77f666b1")]
    [InlineData("2018-10-09", "cvm", "39c4cf287fdff993dc407e649450ae4a0f1e1fd75aedb08d8160e47372e9b62d")]
    [InlineData("2019-02-25", "ocr", "2b4aec12ca80fa0f90a8d1de313d32fe29c6f9bc6804c962a4e3d26207fc9b31")]
    public void DerivedSigningKeyMatchesReference(string date, string service, string expected) =>
        Assert.Equal(expected, Hex(Tc3Signer.DeriveSigningKey(Encoding.UTF8.GetBytes(ExampleSecretKey), date, service)));

    [Fact]
    public void DerivedSigningKeyOfVectorAMatchesVendor() =>
        Assert.Equal(
            "b596b923aad85185e2d1f6659d2a062e0a86731226e021e61bfe06f7ed05f5af",
            Hex(Tc3Signer.DeriveSigningKey(Encoding.UTF8.GetBytes(new string('*', 32)), "2019-02-25", "cvm")));

    [Theory]
    [InlineData(false, "content-type;host", "75f15ac0f89ac7442105bc201fff804b3a3cf6c5b0e145f5b9cbdbee15bd55da")]
    [InlineData(true, "content-type;host;x-tc-action", "460ad8de1c1fdc30ea57efe83e6d99b349f91d9bc2538f0a10663c26810e9a1f")]
    public void BankCardOcrDefaultsMatchVectorD(bool signAction, string signedHeaders, string expected)
    {
        var request = new Tc3SigningRequest("BankCardOCR", Encoding.UTF8.GetBytes("{\"ImageUrl\":\"https://xx/a.jpg\"}"), VectorTime)
        {
            SignActionHeader = signAction,
        };

        var signature = Sign(request, ExampleSecretId, ExampleSecretKey);

        Assert.EndsWith("b1e211e2fb425b21d5e7c76f76d6e2331d275b6de519296d17a36fab48e5cf91", signature.CanonicalRequest);
        Assert.Equal(signedHeaders, signature.SignedHeaders);
        Assert.Equal("2019-02-25/ocr/tc3_request", signature.CredentialScope);
        Assert.EndsWith("Signature=" + expected, signature.Authorization);
    }

    [Fact]
    public void HeadersAreReadyToSend()
    {
        var request = new Tc3SigningRequest("BankCardOCR", Encoding.UTF8.GetBytes("{}"), VectorTime) { Region = "ap-guangzhou" };

        var signature = Sign(request, ExampleSecretId, ExampleSecretKey);

        Assert.Equal(signature.Authorization, signature.Headers["Authorization"]);
        Assert.Equal("application/json; charset=utf-8", signature.Headers["Content-Type"]);
        Assert.Equal("ocr.tencentcloudapi.com", signature.Headers["Host"]);
        Assert.Equal("BankCardOCR", signature.Headers["X-TC-Action"]);
        Assert.Equal("1551113065", signature.Headers["X-TC-Timestamp"]);
        Assert.Equal("2018-11-19", signature.Headers["X-TC-Version"]);
        Assert.Equal("ap-guangzhou", signature.Headers["x-tc-region"]);
        Assert.Equal(7, signature.Headers.Count);
    }

    [Fact]
    public void EmptyRegionSendsNoRegionHeader()
    {
        var signature = Sign(new Tc3SigningRequest("BankCardOCR", Array.Empty<byte>(), VectorTime) { Region = "" }, ExampleSecretId, ExampleSecretKey);

        Assert.False(signature.Headers.ContainsKey("X-TC-Region"));
        Assert.Equal(6, signature.Headers.Count);
    }

    [Fact]
    public void CredentialDateIsTheUtcDateOfTheTimestamp()
    {
        // 1551113065 is 2019-02-26 00:44:25 at UTC+8; the scope must still say 2019-02-25 (docs/tencentcloud.md §3).
        var local = DateTimeOffset.FromUnixTimeSeconds(1551113065).ToOffset(TimeSpan.FromHours(8));

        var signature = Sign(new Tc3SigningRequest("BankCardOCR", Array.Empty<byte>(), local), ExampleSecretId, ExampleSecretKey);

        Assert.StartsWith("2019-02-25/", signature.CredentialScope);
    }

    [Fact]
    public void ToStringDoesNotRevealTheSignature()
    {
        var signature = Sign(CvmRequest(signAction: false), ExampleSecretId, ExampleSecretKey);
        var text = signature.ToString();

        Assert.DoesNotContain("72e494ea", text);
        Assert.DoesNotContain(ExampleSecretKey, text);
        Assert.Contains("DescribeInstances", text);
    }

    [Fact]
    public void CallersKeyArrayIsLeftUnchanged()
    {
        var key = Encoding.UTF8.GetBytes(ExampleSecretKey + "\n");
        var before = key.ToArray();

        var signature = Tc3Signer.Sign(CvmRequest(signAction: false), " " + ExampleSecretId, key);

        Assert.Equal(before, key);
        Assert.EndsWith("Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168", signature.Authorization);
    }

    [Fact]
    public void EmptyKeyIsRejected() =>
        Assert.Throws<ArgumentException>(() => Tc3Signer.Sign(CvmRequest(false), ExampleSecretId, Array.Empty<byte>()));

    [Fact]
    public void EmptySecretIdIsRejected() =>
        Assert.Throws<ArgumentException>(() => Sign(CvmRequest(false), " ", ExampleSecretKey));

    [Fact]
    public void LineBreakInHeaderValueIsRejected() =>
        Assert.Throws<ArgumentException>(() =>
            Sign(new Tc3SigningRequest("BankCardOCR", Array.Empty<byte>(), VectorTime) { Region = "ap-guangzhou\r\nX-Evil: 1" }, ExampleSecretId, ExampleSecretKey));

    [Fact]
    public void UnsupportedMethodIsRejected() =>
        Assert.Throws<ArgumentException>(() =>
            Sign(new Tc3SigningRequest("BankCardOCR", Array.Empty<byte>(), VectorTime) { HttpMethod = "PUT" }, ExampleSecretId, ExampleSecretKey));

    [Fact]
    public void PayloadInsideALargerBufferSignsLikeTheSameBytesAlone()
    {
        var body = Encoding.UTF8.GetBytes(CvmPayload);
        var padded = new byte[body.Length + 40];
        padded.AsSpan().Fill((byte)'x');
        body.CopyTo(padded, 7);
        var alone = Sign(CvmRequest(signAction: false), ExampleSecretId, ExampleSecretKey);
        var inPlace = Sign(
            new Tc3SigningRequest("DescribeInstances", new ArraySegment<byte>(padded, 7, body.Length), VectorTime)
            {
                Service = "cvm",
                Version = "2017-03-12",
                Region = "ap-guangzhou",
            },
            ExampleSecretId,
            ExampleSecretKey);

        Assert.Equal(alone.Authorization, inPlace.Authorization);
    }
}
