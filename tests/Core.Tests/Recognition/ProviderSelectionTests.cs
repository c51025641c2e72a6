using BankcardOcr.Engine;
using BankcardOcr.Providers;

namespace BankcardOcr.Core.Tests.Recognition;

/// <summary>Which providers a call uses, from -Provider, -Fallback, -CrossCheck, the secret and -Token.</summary>
public sealed class ProviderSelectionTests
{
    [Fact]
    public void AFallbackPairsTheOfflineRecognizerWithTheCloudWithoutReadingTheSecret()
    {
        var selection = ProviderSelection.FromCommandLine(null, "tencent", null)!;

        Assert.Equal(("Local", "Tencent", SecondProviderRole.Fallback), (selection.Primary.Name, selection.Second!.Name, selection.Role));
        Assert.Equal("Tencent", selection.Cloud!.Name);
    }

    [Fact]
    public void ACrossCheckByLocalTakesTheFirstProviderFromTheSecret()
    {
        Assert.Null(ProviderSelection.FromCommandLine(null, null, "Local"));

        var selection = ProviderSelection.Choose(null, null, "Local", "Huawei", null);

        Assert.Equal(("Huawei", "Local", SecondProviderRole.CrossCheck), (selection.Primary.Name, selection.Second!.Name, selection.Role));
        Assert.Equal("Huawei", selection.Cloud!.Name);
    }

    [Fact]
    public void WithoutASecondProviderTheSecretOrTokenOrDefaultDecides()
    {
        Assert.Null(ProviderSelection.FromCommandLine(null, null, null));
        Assert.Equal("TencentLegacy", ProviderSelection.Choose(null, null, null, "TencentLegacy", null).Primary.Name);
        Assert.Equal("Local", ProviderSelection.Choose(null, null, null, null, null).Primary.Name);
        Assert.Null(ProviderSelection.Choose(null, null, null, null, null).Cloud);
    }

    [Theory]
    [InlineData("Tencent", "Huawei", null, "FallbackNeedsLocal")]
    [InlineData(null, "Tencent", "Local", "FallbackWithCrossCheck")]
    [InlineData(null, "Local", null, "SameProviderTwice")]
    [InlineData("Tencent", null, "Tencent", "SameProviderTwice")]
    [InlineData("Tencent", null, "Huawei", "ProviderPairNotSupported")]
    public void PairsThatCannotWorkAreRefusedWithTheirOwnErrorId(string? provider, string? fallback, string? crossCheck, string errorId)
    {
        var error = Assert.Throws<ProviderSettingException>(() => ProviderSelection.FromCommandLine(provider, fallback, crossCheck));

        Assert.Equal(errorId, error.ErrorId);
    }

    [Fact]
    public void ACrossCheckByLocalWithNoCloudNamedAnywhereAsksForOne()
    {
        var error = Assert.Throws<ProviderSettingException>(() => ProviderSelection.Choose(null, null, "Local", null, null));

        Assert.Equal("ProviderRequired", error.ErrorId);
    }

    [Fact]
    public void AParameterFitsWhenEitherProviderOfThePairTakesIt()
    {
        var selection = ProviderSelection.FromCommandLine(null, "Tencent", null)!;

        Assert.Null(selection.Misplaced(new[] { "IncludeUnverified", "DetectCopy", "Region", "SecretName", "MaxRetries" }));
        Assert.Contains("-ProjectId", selection.Misplaced(new[] { "ProjectId" }), StringComparison.Ordinal);
    }

    [Fact]
    public void AloneTheOfflineRecognizerRefusesTheCloudParameters()
    {
        var selection = ProviderSelection.Choose(null, null, null, null, null);

        Assert.Contains("-Region", selection.Misplaced(new[] { "Region" }), StringComparison.Ordinal);
        Assert.Null(selection.Misplaced(new[] { "IncludeUnverified", "ThrottleLimit", "TimeoutSec" }));
    }
}
