using BankcardOcr.Providers.Tencent;

namespace BankcardOcr.Core.Tests.Providers;

public class TencentWarningsTests
{
    [Theory]
    [InlineData(-9110, "InvalidDate")]
    [InlineData(-9111, "IncompleteBorder")]
    [InlineData(-9112, "Glare")]
    [InlineData(-9113, "Copy")]
    [InlineData(-9114, "Reshoot")]
    public void DocumentedCodesHaveNames(long code, string name) =>
        Assert.Equal(name, TencentWarnings.GetName(code));

    [Fact]
    public void OnlyTheDocumentedCodesAreNamed() =>
        Assert.Equal(new long[] { -9114, -9113, -9112, -9111, -9110 }, TencentWarnings.Names.Keys.OrderBy(c => c));

    [Fact]
    public void UndocumentedCodeKeepsItsNumber() =>
        Assert.Equal("-9115", TencentWarnings.GetName(-9115));

    [Fact]
    public void JoinKeepsTheServiceOrder() =>
        Assert.Equal("Reshoot;Glare", TencentWarnings.Join(new long[] { -9114, -9112 }));

    [Fact]
    public void JoinOfNoneIsEmpty()
    {
        Assert.Equal("", TencentWarnings.Join(null));
        Assert.Equal("", TencentWarnings.Join(Array.Empty<long>()));
    }
}
