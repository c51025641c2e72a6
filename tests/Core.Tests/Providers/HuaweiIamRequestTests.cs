using System.Text;
using System.Text.Json;
using BankcardOcr.Providers.Huawei;

namespace BankcardOcr.Core.Tests.Providers;

public class HuaweiIamRequestTests
{
    [Fact]
    public void BodyHasTheDocumentedShapeWithProjectName()
    {
        var body = HuaweiIamRequest.BuildPasswordTokenBody("alice", "p@ss".ToCharArray(), "acme", HuaweiProjectScope.ByName("cn-north-4"));

        Assert.Equal(
            "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"alice\",\"password\":\"p@ss\",\"domain\":{\"name\":\"acme\"}}}},\"scope\":{\"project\":{\"name\":\"cn-north-4\"}}}}",
            Encoding.UTF8.GetString(body));
    }

    [Fact]
    public void BodyScopesByProjectIdWhenGivenOne()
    {
        var body = HuaweiIamRequest.BuildPasswordTokenBody("alice", "p".ToCharArray(), "acme", HuaweiProjectScope.ById("0123456789abcdef0123456789abcdef"));

        Assert.EndsWith(",\"scope\":{\"project\":{\"id\":\"0123456789abcdef0123456789abcdef\"}}}}", Encoding.UTF8.GetString(body));
    }

    [Theory]
    [InlineData("a\"b", "a\\\"b")]
    [InlineData("a\\b", "a\\\\b")]
    [InlineData("\b\f\n\r\t", "\\b\\f\\n\\r\\t")]
    [InlineData("\u0000\u0001\u001f", "\\u0000\\u0001\\u001F")]
    [InlineData("a/b\u007f", "a/b\u007f")]
    [InlineData("密码é", "密码é")]
    [InlineData("key🔑", "key🔑")]
    public void PasswordIsEscapedPerJsonAndNonAsciiStaysRawUtf8(string password, string expectedJsonText)
    {
        var fromChars = HuaweiIamRequest.BuildPasswordTokenBody("u", password.ToCharArray(), "d", HuaweiProjectScope.ByName("cn-north-4"));
        var fromBytes = HuaweiIamRequest.BuildPasswordTokenBody("u", Encoding.UTF8.GetBytes(password), "d", HuaweiProjectScope.ByName("cn-north-4"));

        Assert.Contains(",\"password\":\"" + expectedJsonText + "\",", Encoding.UTF8.GetString(fromChars));
        Assert.Equal(fromChars, fromBytes);
    }

    [Fact]
    public void EveryFieldReadsBackExactlyThroughAJsonParser()
    {
        const string Password = "q\"u\\o\u0002te\n密🔑";
        var body = HuaweiIamRequest.BuildPasswordTokenBody("user \"x\"", Password.ToCharArray(), "acme\\corp", HuaweiProjectScope.ByName("ap-southeast-3"));

        using var document = JsonDocument.Parse(body);
        var auth = document.RootElement.GetProperty("auth");
        var user = auth.GetProperty("identity").GetProperty("password").GetProperty("user");
        Assert.Equal("password", auth.GetProperty("identity").GetProperty("methods")[0].GetString());
        Assert.Equal("user \"x\"", user.GetProperty("name").GetString());
        Assert.Equal(Password, user.GetProperty("password").GetString());
        Assert.Equal("acme\\corp", user.GetProperty("domain").GetProperty("name").GetString());
        Assert.Equal("ap-southeast-3", auth.GetProperty("scope").GetProperty("project").GetProperty("name").GetString());
    }

    [Fact]
    public void CallersPasswordArraysAreLeftAsGiven()
    {
        var chars = "secret\"1".ToCharArray();
        var bytes = Encoding.UTF8.GetBytes("secret\"1");
        HuaweiIamRequest.BuildPasswordTokenBody("u", chars, "d", HuaweiProjectScope.ByName("cn-north-4"));
        HuaweiIamRequest.BuildPasswordTokenBody("u", bytes, "d", HuaweiProjectScope.ByName("cn-north-4"));

        Assert.Equal("secret\"1", new string(chars));
        Assert.Equal(Encoding.UTF8.GetBytes("secret\"1"), bytes);
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0xFF })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xE0, 0x80, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })]
    [InlineData(new byte[] { 0xE4, 0xB8 })]
    [InlineData(new byte[] { 0x80 })]
    public void MalformedUtf8PasswordIsRefused(byte[] password) =>
        Assert.Throws<ArgumentException>(() => HuaweiIamRequest.BuildPasswordTokenBody("u", password, "d", HuaweiProjectScope.ByName("cn-north-4")));

    [Fact]
    public void UnpairedSurrogateIsRefusedWithoutEchoingThePassword()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            HuaweiIamRequest.BuildPasswordTokenBody("u", "hunter2\ud800".ToCharArray(), "d", HuaweiProjectScope.ByName("cn-north-4")));

        Assert.DoesNotContain("hunter2", error.Message);
        Assert.Equal("password", error.ParamName);
    }

    [Fact]
    public void MissingValuesAreRefused()
    {
        var scope = HuaweiProjectScope.ByName("cn-north-4");

        Assert.Throws<ArgumentException>(() => HuaweiIamRequest.BuildPasswordTokenBody("", "p".ToCharArray(), "d", scope));
        Assert.Throws<ArgumentException>(() => HuaweiIamRequest.BuildPasswordTokenBody("u", Array.Empty<char>(), "d", scope));
        Assert.Throws<ArgumentException>(() => HuaweiIamRequest.BuildPasswordTokenBody("u", "p".ToCharArray(), " ", scope));
        Assert.Throws<ArgumentException>(() => HuaweiProjectScope.ById(""));
    }

    [Theory]
    [InlineData("cn-north-4", false, "https://iam.cn-north-4.myhuaweicloud.com/v3/auth/tokens")]
    [InlineData(null, false, "https://iam.myhuaweicloud.com/v3/auth/tokens")]
    [InlineData("ap-southeast-1", true, "https://iam.ap-southeast-1.myhuaweicloud.com/v3/auth/tokens?nocatalog=true")]
    public void TokenUriForRegion(string? region, bool noCatalog, string expected) =>
        Assert.Equal(expected, HuaweiIamRequest.GetTokenUri(region, noCatalog).AbsoluteUri);

    [Theory]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/v3/auth/tokens")]
    [InlineData("http://127.0.0.1:5000/iam/", "http://127.0.0.1:5000/iam/v3/auth/tokens")]
    [InlineData("https://iam.example.com/iam?x=1", "https://iam.example.com/iam/v3/auth/tokens")]
    public void TokenUriUnderAnOverrideKeepsItsPath(string endpoint, string expected) =>
        Assert.Equal(expected, HuaweiIamRequest.GetTokenUri(new Uri(endpoint)).AbsoluteUri);
}
