using System.Security.Authentication;
using BankcardOcr.Cloud.Http;

namespace BankcardOcr.Core.Tests.Http;

public class ProviderHttpTests
{
    [Theory]
    [InlineData(".NET Framework 4.8.9232.0", SslProtocols.Tls12)]
    [InlineData(".NET Framework 4.7.2", SslProtocols.Tls12)]
    public void WindowsPowerShellGetsTls12(string framework, SslProtocols expected) =>
        Assert.Equal(expected, ProviderHttp.ProtocolsFor(framework));

    [Theory]
    [InlineData(".NET 8.0.11")]
    [InlineData(".NET 10.0.12")]
    public void PowerShell7LeavesTlsToTheSystem(string framework) =>
        Assert.Null(ProviderHttp.ProtocolsFor(framework));
}
