using System.Security;
using System.Text;
using BankcardOcr.Providers.Huawei;
using BankcardOcr.Providers.Tencent;
using BankcardOcr.Cloud.Credentials;

namespace BankcardOcr.Core.Tests.Credentials;

public class ProviderCredentialTests
{
    private const string SecretKey = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";

    private static ProviderCredential Create() =>
        new(TencentDescriptor.Keys, "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", Encoding.UTF8.GetBytes(SecretKey), "parameter -Credential");

    [Fact]
    public void GetSecretReturnsTheUtf8Bytes()
    {
        using var credential = Create();
        Assert.Equal(SecretKey, Encoding.UTF8.GetString(credential.GetSecret()));
    }

    [Fact]
    public void DisposeZeroesTheSecretBytes()
    {
        var credential = Create();
        var secret = credential.GetSecret();
        credential.Dispose();
        Assert.All(secret, b => Assert.Equal(0, b));
    }

    [Fact]
    public void GetSecretAfterDisposeThrows()
    {
        var credential = Create();
        credential.Dispose();
        Assert.Throws<ObjectDisposedException>(() => credential.GetSecret());
    }

    [Fact]
    public void ToStringNamesKeyIdAndSourceButNotTheSecret()
    {
        using var credential = Create();
        Assert.Equal("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE (parameter -Credential)", credential.ToString());
        Assert.DoesNotContain(SecretKey, credential.ToString());
    }

    [Fact]
    public void NoPublicPropertyCarriesTheSecret()
    {
        using var credential = Create();
        credential.Provider = "Tencent";
        credential.AppId = "1250000000";
        foreach (var property in typeof(ProviderCredential).GetProperties())
        {
            Assert.NotEqual(typeof(byte[]), property.PropertyType);
            Assert.DoesNotContain(SecretKey, property.GetValue(credential)?.ToString() ?? "");
        }
    }

    [Fact]
    public void EmptyKeyIdIsRefused() =>
        Assert.Throws<ArgumentException>(() => new ProviderCredential(HuaweiDescriptor.AccessKeys, "", new byte[1], "x"));

    [Theory]
    [InlineData("")]
    [InlineData("plain ascii")]
    [InlineData("密钥 with non-ASCII ✓")]
    public void SecureStringBecomesItsUtf8Bytes(string text)
    {
        using var secure = new SecureString();
        foreach (var c in text)
        {
            secure.AppendChar(c);
        }

        Assert.Equal(Encoding.UTF8.GetBytes(text), SecureStringEncoding.ToUtf8Bytes(secure));
    }
}
