using BankcardOcr.Cloud.Http;

namespace BankcardOcr.Core.Tests.Http;

public class EndpointPolicyTests
{
    [Theory]
    [InlineData("https://ocr.cn-north-4.myhuaweicloud.com")]
    [InlineData("https://ocr.tencentcloudapi.com/")]
    [InlineData("https://10.0.0.5:8443/base")]
    [InlineData("http://localhost:5000")]
    [InlineData("http://LOCALHOST/")]
    [InlineData("http://127.0.0.1:61234/")]
    [InlineData("http://127.255.3.4/")]
    [InlineData("http://[::1]:8080/")]
    public void HttpsAndLoopbackHttpAreAllowed(string endpoint)
    {
        Assert.True(EndpointPolicy.IsAllowed(new Uri(endpoint), out var reason));
        Assert.Equal(string.Empty, reason);
    }

    [Theory]
    [InlineData("http://ocr.cn-north-4.myhuaweicloud.com")]
    [InlineData("http://10.0.0.5/")]
    [InlineData("http://128.0.0.1/")]
    [InlineData("http://localhost.example.com/")]
    [InlineData("http://127.0.0.1.example.com/")]
    [InlineData("http://[::2]/")]
    [InlineData("http://[::ffff:10.0.0.1]/")]
    [InlineData("ftp://localhost/")]
    [InlineData("https://user:pass@ocr.cn-north-4.myhuaweicloud.com/")]
    public void PlainHttpOffTheMachineOtherSchemesAndUserInfoAreRefused(string endpoint)
    {
        Assert.False(EndpointPolicy.IsAllowed(new Uri(endpoint), out var reason));
        Assert.NotEmpty(reason);
    }

    [Fact]
    public void RefusalReasonNeverRepeatsThePassword()
    {
        EndpointPolicy.IsAllowed(new Uri("https://user:hunter2@example.com/"), out var reason);

        Assert.DoesNotContain("hunter2", reason);
    }

    [Fact]
    public void RelativeAddressIsRefused() =>
        Assert.False(EndpointPolicy.IsAllowed(new Uri("/v2", UriKind.Relative), out _));

    [Fact]
    public void EnsureAllowedThrowsArgumentExceptionNamingTheParameter()
    {
        var error = Assert.Throws<ArgumentException>(() => EndpointPolicy.EnsureAllowed(new Uri("http://example.com"), "Endpoint"));

        Assert.Equal("Endpoint", error.ParamName);
        Assert.Contains("https", error.Message);
    }
}
