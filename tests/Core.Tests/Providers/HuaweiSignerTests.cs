using System.Text;
using BankcardOcr.Providers.Huawei;

namespace BankcardOcr.Core.Tests.Providers;

/// <summary>
/// The published SDK-HMAC-SHA256 vectors of docs/huaweicloud.md §6 (numbers as there) and the edge cases of §5.1.
/// The SM3 (5, 6) and V11 derived-key (7, 8) vectors are for other algorithms, which OCR does not use.
/// </summary>
public class HuaweiSignerTests
{
    private const string EmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static readonly byte[] SdkTestSecret = Encoding.UTF8.GetBytes("SecretKey");

    private static readonly Dictionary<string, string> SdkTestHeaders = new()
    {
        // The SDK tests set this header; its '_' keeps it out of the signature (§6).
        ["TEST_UNDERSCORE"] = "TEST_VALUE",
    };

    [Fact]
    public void Vector1NetSdkGetWithQuery()
    {
        var signature = Sign("GET", "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0", SdkTestHeaders, null, "20191115T033655Z");

        Assert.Equal(
            "GET\n/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/\nlimit=2&marker=13551d6b-755d-4757-b956-536f674975c0\nhost:service.region.example.com\nx-sdk-date:20191115T033655Z\n\nhost;x-sdk-date\n" + EmptyHash,
            signature.CanonicalRequest);
        Assert.Equal("SDK-HMAC-SHA256\n20191115T033655Z\n0e84e7853cf87931d965c80e83bffb15aa865326db3a6f57aa2560a7601dfe18", signature.StringToSign);
        Assert.Equal("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d", signature.Authorization);
    }

    [Fact]
    public void Vector2NetSdkPostWithBody()
    {
        var signature = Sign("POST", "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123", SdkTestHeaders, "{\"key\":\"value\"}", "20191115T033655Z");

        Assert.EndsWith("\n\nhost;x-sdk-date\ne43abcf3375244839c012f9633f95862d232a95b00d5bc7348b3098b9fed7f32", signature.CanonicalRequest);
        Assert.StartsWith("POST\n/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123/\n\nhost:", signature.CanonicalRequest);
        Assert.Equal("SDK-HMAC-SHA256\n20191115T033655Z\n79be7a43859f485df125c417ebb8821754c7ed42f6742ce8b0fd74b2b303446d", signature.StringToSign);
        Assert.Equal("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771", signature.Authorization);
    }

    [Fact]
    public void Vector3PythonSdkGet()
    {
        var signature = Sign("GET", "https://service.endpoint.myhuaweicloud.com/resources?size=1", SdkTestHeaders, null, "20200608T023900Z");

        Assert.Equal("SDK-HMAC-SHA256\n20200608T023900Z\nde94dd1e1ccdb730b403ce35d7e14f7c7b04337f6def1c3a3a2ba936852b133f", signature.StringToSign);
        Assert.Equal("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842", signature.Authorization);
    }

    [Fact]
    public void Vector4PythonSdkPost()
    {
        var signature = Sign("POST", "https://service.endpoint.myhuaweicloud.com/resources?size=1", SdkTestHeaders, "{\"name\":\"test\",\"id\":1}", "20200608T023900Z");

        Assert.EndsWith("\n8ed555081b9961769014bc1182c629bb0fe68d7b01c1fc1caab4dc791f377e8c", signature.CanonicalRequest);
        Assert.Equal("SDK-HMAC-SHA256\n20200608T023900Z\n2b1b2515e48cb55e043ff2ec5b93d3f13ec287e1da1d7a2e4e14b0611a341969", signature.StringToSign);
        Assert.Equal("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f", signature.Authorization);
    }

    [Fact]
    public void Vector9QueryIsSortedByNameThenValueAndEncodedPerRfc3986()
    {
        // The params are sent encoded; multi's values arrive out of order to show that values are sorted too.
        var query = "limit=1&enable=true&test=" + Uri.EscapeDataString("一 (&=?!#%.*)") + "&path=%2Ftmp%2F123&multi=3&multi=1&multi=2";
        var signature = Sign("GET", "https://service.endpoint.myhuaweicloud.com/resources?" + query, null, null, "20200608T023900Z");

        Assert.Equal(
            "enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29",
            CanonicalLine(signature, 2));
    }

    [Fact]
    public void Vector10GoSdkGetWithoutHost()
    {
        var signature = Sign("GET", "https://example.huaweicloud.com/path?limit=1", null, null, "20060102T150405Z", new HuaweiSigningOptions(addHostHeader: false));

        Assert.Equal("SDK-HMAC-SHA256\n20060102T150405Z\n85c3b7730f308aee452b16138a42a914397e43a8f0d732dfa521c0ef2afa98a4", signature.StringToSign);
        Assert.Equal("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624", signature.Authorization);
        Assert.False(signature.Headers.ContainsKey("Host"));
    }

    [Fact]
    public void Vector11GoSdkPostHashesTheExactBodyBytesIncludingNewline()
    {
        var signature = Sign("POST", "https://example.huaweicloud.com/path?key=value", null, "{\"Name\":\"test\",\"Id\":1}\n", "20060102T150405Z", new HuaweiSigningOptions(addHostHeader: false));

        Assert.EndsWith("\na29d7b4c5efd1a22011d69fd7b7aee76fe51e4083c609244228de258afd61289", signature.CanonicalRequest);
        Assert.Equal("SDK-HMAC-SHA256\n20060102T150405Z\n13f75ff5f5216199f986c7e7f2f77834d5e160ad9e46f37319816dc72ba7eeab", signature.StringToSign);
        Assert.Equal("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59", signature.Authorization);
    }

    [Fact]
    public void Vector12VendorGuideSignsContentTypeInApigDemoConvention()
    {
        var signature = SignVendorGuideRequest(new HuaweiSigningOptions(signContentType: true));

        Assert.Equal(
            "GET\n/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/\nlimit=2&marker=13551d6b-755d-4757-b956-536f674975c0\ncontent-type:application/json\nhost:service.region.example.com\nx-sdk-date:20191115T033655Z\n\ncontent-type;host;x-sdk-date\n" + EmptyHash,
            signature.CanonicalRequest);
        Assert.Equal("SDK-HMAC-SHA256\n20191115T033655Z\nb25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a", signature.StringToSign);
        Assert.Equal("SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe", signature.Authorization);
    }

    [Fact]
    public void Vector12PrimeVendorGuideRequestSignedTheSdkWayLeavesContentTypeOut()
    {
        var signature = SignVendorGuideRequest(null);

        Assert.Equal("SDK-HMAC-SHA256\n20191115T033655Z\n0e84e7853cf87931d965c80e83bffb15aa865326db3a6f57aa2560a7601dfe18", signature.StringToSign);
        Assert.Equal("SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=host;x-sdk-date, Signature=faafba090046ef84c81ca330e77576d8746733ddfcf0317aaeb59cff50da39a7", signature.Authorization);
    }

    [Fact]
    public void OcrVectorASignsHostAndDateOnly()
    {
        var headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" };
        var signature = Sign("POST", OcrUri, headers, "{\"image\":\"AAAA\"}", "20240101T000000Z");

        Assert.Equal(
            "POST\n/v2/0123456789abcdef0123456789abcdef/ocr/bankcard/\n\nhost:ocr.cn-north-4.myhuaweicloud.com\nx-sdk-date:20240101T000000Z\n\nhost;x-sdk-date\n47161d26da960978c2d62209ff08e0272b5cee6f09d0719c7f44ffc455b32a2c",
            signature.CanonicalRequest);
        Assert.Equal("SDK-HMAC-SHA256\n20240101T000000Z\ne75df35732a44f86d3c06b838a57f4478e1066ad98f19b21e43fe6c1a6a91809", signature.StringToSign);
        Assert.Equal("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=78d849a0dcbeb16570f1d447348cb4300e3b2db496254087dbc7a5fe00086f7c", signature.Authorization);
    }

    [Fact]
    public void OcrVectorBSignsContentTypeAndProjectId()
    {
        var headers = new Dictionary<string, string>
        {
            ["X-Project-Id"] = "0123456789abcdef0123456789abcdef",
            ["Content-Type"] = "application/json",
        };
        var signature = Sign("POST", OcrUri, headers, "{\"image\":\"AAAA\"}", "20240101T000000Z", new HuaweiSigningOptions(signContentType: true));

        Assert.Equal(
            "POST\n/v2/0123456789abcdef0123456789abcdef/ocr/bankcard/\n\ncontent-type:application/json\nhost:ocr.cn-north-4.myhuaweicloud.com\nx-project-id:0123456789abcdef0123456789abcdef\nx-sdk-date:20240101T000000Z\n\ncontent-type;host;x-project-id;x-sdk-date\n47161d26da960978c2d62209ff08e0272b5cee6f09d0719c7f44ffc455b32a2c",
            signature.CanonicalRequest);
        Assert.Equal("SDK-HMAC-SHA256\n20240101T000000Z\ndab5fcc3f4ec52d17a74f5a5434fa88dec90fa4f706a4528dbcedcdfdebe4bf0", signature.StringToSign);
        Assert.Equal("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=d555221a7781f5f1890510a893e9184aaac878a5934f78a1025cf7fa01375825", signature.Authorization);
    }

    [Theory]
    [InlineData("https://h.example.com/v1/items", "/v1/items/")]
    [InlineData("https://h.example.com/v1/items/", "/v1/items/")]
    [InlineData("https://h.example.com", "/")]
    [InlineData("https://h.example.com/v1/a%20b/c", "/v1/a%20b/c/")]
    [InlineData("https://h.example.com/v1/a b/c", "/v1/a%20b/c/")]
    [InlineData("https://h.example.com/v1/%E4%B8%80/x:y", "/v1/%E4%B8%80/x%3Ay/")]
    [InlineData("https://h.example.com/v1/a%2Fb", "/v1/a%2Fb/")]
    public void CanonicalUriEncodesSegmentsOnceAndEndsInSlash(string uri, string expected) =>
        Assert.Equal(expected, CanonicalLine(Sign("GET", uri, null, null, "20240101T000000Z"), 1));

    [Theory]
    [InlineData("", "")]
    [InlineData("?", "")]
    [InlineData("?b=2&a=1", "a=1&b=2")]
    [InlineData("?q=a%20b", "q=a%20b")]
    [InlineData("?q=a+b", "q=a%2Bb")]
    [InlineData("?flag", "flag=")]
    [InlineData("?flag=&x=1", "flag=&x=1")]
    [InlineData("?q=~-_.", "q=~-_.")]
    [InlineData("?q=%7e", "q=~")]
    [InlineData("?a%2Fb=1&a-b=2", "a-b=2&a%2Fb=1")]
    public void CanonicalQueryStringEdgeCases(string query, string expected) =>
        Assert.Equal(expected, CanonicalLine(Sign("GET", "https://h.example.com/p" + query, null, null, "20240101T000000Z"), 2));

    [Fact]
    public void EmptyAndMissingBodiesHashTheSame()
    {
        var none = Sign("POST", OcrUri, null, null, "20240101T000000Z");
        var empty = HuaweiSigner.Sign("POST", new Uri(OcrUri), null, Array.Empty<byte>(), "AccessKey", SdkTestSecret, Time("20240101T000000Z"));

        Assert.EndsWith("\n" + EmptyHash, none.CanonicalRequest);
        Assert.Equal(none.Authorization, empty.Authorization);
    }

    [Fact]
    public void ContentSha256HeaderReplacesTheBodyHash()
    {
        var headers = new Dictionary<string, string> { ["X-Sdk-Content-Sha256"] = "UNSIGNED-PAYLOAD" };
        var signature = Sign("POST", OcrUri, headers, "{\"image\":\"AAAA\"}", "20240101T000000Z");

        Assert.EndsWith("\nhost;x-sdk-content-sha256;x-sdk-date\nUNSIGNED-PAYLOAD", signature.CanonicalRequest);
    }

    [Fact]
    public void HeaderNamesAreLowercasedAndValuesTrimmed()
    {
        var headers = new Dictionary<string, string> { ["X-Project-ID"] = "  abc \t" };
        var signature = Sign("GET", OcrUri, headers, null, "20240101T000000Z");

        Assert.Contains("\nx-project-id:abc\n", signature.CanonicalRequest);
    }

    [Fact]
    public void CallersHostHeaderIsSignedAndNotAddedAgain()
    {
        var headers = new Dictionary<string, string> { ["Host"] = "proxy.example.com" };
        var signature = Sign("GET", OcrUri, headers, null, "20240101T000000Z");

        Assert.Contains("\nhost:proxy.example.com\n", signature.CanonicalRequest);
        Assert.False(signature.Headers.ContainsKey("Host"));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8443/v2/p/ocr/bankcard", "127.0.0.1:8443")]
    [InlineData("http://[::1]:5000/x", "[::1]:5000")]
    [InlineData("https://ocr.cn-north-4.myhuaweicloud.com:443/x", "ocr.cn-north-4.myhuaweicloud.com")]
    public void AddedHostCarriesTheNonDefaultPortAsHttpClientSendsIt(string uri, string host)
    {
        var signature = Sign("GET", uri, null, null, "20240101T000000Z");

        Assert.Equal(host, signature.Headers["host"]);
        Assert.Contains("\nhost:" + host + "\n", signature.CanonicalRequest);
    }

    [Fact]
    public void HeadersToAddCarryDateAuthorizationAndHost()
    {
        var signature = Sign("POST", OcrUri, null, "{}", "20240101T000000Z");

        Assert.Equal(["Authorization", "Host", "X-Sdk-Date"], signature.Headers.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal("20240101T000000Z", signature.Headers["x-sdk-date"]);
        Assert.Equal(signature.Authorization, signature.Headers["Authorization"]);
    }

    [Fact]
    public void SigningTimeIsWrittenInUtcWhateverTheOffset()
    {
        var time = new DateTimeOffset(2024, 1, 1, 8, 0, 0, TimeSpan.FromHours(8));
        var signature = HuaweiSigner.Sign("GET", new Uri(OcrUri), null, null, "AccessKey", SdkTestSecret, time);

        Assert.Equal("20240101T000000Z", signature.SdkDate);
    }

    [Fact]
    public void ToStringShowsNeitherSignatureNorAuthorization()
    {
        var signature = Sign("POST", OcrUri, null, "{\"image\":\"AAAA\"}", "20240101T000000Z");
        var text = signature.ToString();

        Assert.DoesNotContain(signature.Signature, text);
        Assert.DoesNotContain("Signature=", text);
        Assert.Contains("AccessKey", text);
    }

    [Fact]
    public void SecretKeyArrayIsLeftAsGiven()
    {
        var secret = Encoding.UTF8.GetBytes("SecretKey");
        HuaweiSigner.Sign("GET", new Uri(OcrUri), null, null, "AccessKey", secret, Time("20240101T000000Z"));

        Assert.Equal(SdkTestSecret, secret);
    }

    [Theory]
    [InlineData("X-Sdk-Date")]
    [InlineData("authorization")]
    public void ReservedHeadersAreRefused(string name)
    {
        var headers = new Dictionary<string, string> { [name] = "x" };

        Assert.Throws<ArgumentException>(() => Sign("GET", OcrUri, headers, null, "20240101T000000Z"));
    }

    [Fact]
    public void SameHeaderInTwoCasingsIsRefused()
    {
        var headers = new Dictionary<string, string> { ["X-Project-Id"] = "a", ["x-project-id"] = "b" };

        Assert.Throws<ArgumentException>(() => Sign("GET", OcrUri, headers, null, "20240101T000000Z"));
    }

    [Fact]
    public void RelativeUriIsRefused() =>
        Assert.Throws<ArgumentException>(() => HuaweiSigner.Sign("GET", new Uri("/v2/p", UriKind.Relative), null, null, "AccessKey", SdkTestSecret, DateTimeOffset.UtcNow));

    private const string OcrUri = "https://ocr.cn-north-4.myhuaweicloud.com/v2/0123456789abcdef0123456789abcdef/ocr/bankcard";

    private static HuaweiSignature SignVendorGuideRequest(HuaweiSigningOptions? options)
    {
        var headers = new Dictionary<string, string>
        {
            ["Host"] = "service.region.example.com",
            ["Content-Type"] = "application/json",
        };
        return HuaweiSigner.Sign(
            "GET",
            new Uri("https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0"),
            headers,
            null,
            "QTWAOYTTINDUT2QVKYUC",
            Encoding.UTF8.GetBytes("MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc"),
            Time("20191115T033655Z"),
            options);
    }

    private static HuaweiSignature Sign(string method, string uri, Dictionary<string, string>? headers, string? body, string sdkDate, HuaweiSigningOptions? options = null) =>
        HuaweiSigner.Sign(method, new Uri(uri), headers, body is null ? null : Encoding.UTF8.GetBytes(body), "AccessKey", SdkTestSecret, Time(sdkDate), options);

    private static DateTimeOffset Time(string sdkDate) =>
        DateTimeOffset.ParseExact(sdkDate, HuaweiSigner.DateFormat, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);

    private static string CanonicalLine(HuaweiSignature signature, int index) => signature.CanonicalRequest.Split('\n')[index];
}

public class HuaweiSignerSegmentTests
{
    [Fact]
    public void ABodyInsideALargerBufferSignsLikeTheBodyAlone()
    {
        var body = System.Text.Encoding.UTF8.GetBytes("{\"image\":\"AAAA\"}");
        var buffer = new byte[body.Length + 40];
        body.CopyTo(buffer, 7);
        var key = System.Text.Encoding.UTF8.GetBytes("sk-for-a-segment-test");
        var uri = new Uri("https://ocr.cn-north-4.myhuaweicloud.com/v2/p/ocr/bankcard");
        var time = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

        var alone = BankcardOcr.Providers.Huawei.HuaweiSigner.Sign("POST", uri, null, body, "AK", key, time);
        var inPlace = BankcardOcr.Providers.Huawei.HuaweiSigner.Sign("POST", uri, null, new ArraySegment<byte>(buffer, 7, body.Length), "AK", key, time);

        Assert.Equal(alone.Authorization, inPlace.Authorization);
        Assert.Equal(alone.CanonicalRequest, inPlace.CanonicalRequest);
    }
}
