namespace BankcardOcr.Module.Tests;

public class CompleterTests
{
    private static string[] Complete(string line)
    {
        var run = HostedPowerShell.Run("(TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText", new Dictionary<string, object?> { ["Line"] = line });
        Assert.Empty(run.Errors);
        return run.Output.Where(o => o != null).Select(o => o.ToString()).ToArray();
    }

    [Fact]
    public void RegionCompletesTencentRegionsForTencent() =>
        Assert.Equal(new[] { "ap-guangzhou" }, Complete("Invoke-BankcardRecognition x.png -Provider Tencent -Region ap-gu"));

    [Fact]
    public void RegionCompletesHuaweiRegionsForHuawei()
    {
        var matches = Complete("Invoke-BankcardRecognition x.png -Provider Huawei -Region cn-");
        Assert.Contains("cn-north-4", matches);
        Assert.DoesNotContain(matches, m => m.StartsWith("ap-", StringComparison.Ordinal));
    }

    [Fact]
    public void RegionOffersBothCloudsWhenNoProviderIsNamed()
    {
        var matches = Complete("Invoke-BankcardRecognition x.png -Region ");
        Assert.Contains("ap-beijing", matches);
        Assert.Contains("cn-north-4", matches);
    }

    [Fact]
    public void RegionOffersNoRegionForTheOfflineProvider()
    {
        var matches = Complete("Invoke-BankcardRecognition x.png -Provider Local -Region ");
        Assert.DoesNotContain("ap-beijing", matches);
        Assert.DoesNotContain("cn-north-4", matches);
    }

    [Fact]
    public void IamRegionsCompleteForGetHuaweiIamToken() =>
        Assert.Contains("cn-north-4", Complete("Get-HuaweiIamToken -Region cn-no"));

    [Fact]
    public void ProviderCompletesFromTheRegistry() =>
        Assert.Equal(new[] { "Tencent", "TencentLegacy" }, Complete("Invoke-BankcardRecognition x.png -Provider Ten"));
}
