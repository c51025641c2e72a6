
namespace BankcardOcr.Module.Tests.Recognition;

/// <summary>
/// What users pipe, as real provider output (the SDK host has the FileSystem provider): Get-ChildItem, Get-Item
/// and Resolve-Path objects bind and the results name their files. tests/Pester/PipelineBinding.Tests.ps1 covers
/// the same in pwsh itself, with the CSV and object inputs.
/// </summary>
public class HostedPipelineTests : IClassFixture<EmulatorFixture>
{
    private const string Tencent = "-Provider Tencent -Credential $Cred -Endpoint $Endpoint -MaxRequestsPerSecond 0 -Ordered";
    private readonly EmulatorFixture _fixture;

    public HostedPipelineTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
        fixture.Reset();
    }

    private string[] Images(string folder) => new[] { "a.png", "b c.png", "d [1].png" }
        .Select(name => _fixture.WriteImage(Path.Combine(folder, name), TestImages.Png(tag: folder + name)))
        .Order(StringComparer.Ordinal)
        .ToArray();

    private static string[] Sources(HostedRun run) => run.Output.Select(o => (string)o.Properties["Source"].Value).ToArray();

    [Fact]
    public void GetChildItemOutputBindsAndEachResultNamesItsFile()
    {
        var files = Images("gci");
        var run = HostedPowerShell.Run($"Get-ChildItem -LiteralPath (Join-Path $Folder gci) -File | Sort-Object Name | Invoke-BankcardRecognition {Tencent}", _fixture.Variables());
        Assert.Empty(run.Errors);
        Assert.Equal(files.OrderBy(f => Path.GetFileName(f), StringComparer.OrdinalIgnoreCase), Sources(run));
    }

    [Fact]
    public void GetChildItemRecurseOutputBindsNestedFiles()
    {
        var files = Images("recurse/inner folder");
        var run = HostedPowerShell.Run($"Get-ChildItem -LiteralPath (Join-Path $Folder recurse) -File -Recurse | Invoke-BankcardRecognition {Tencent}", _fixture.Variables());
        Assert.Empty(run.Errors);
        Assert.Equal(files.Order(StringComparer.Ordinal), Sources(run).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void GetItemOutputBindsAFileWithBracketsInItsName()
    {
        var file = Images("item").Single(f => f.EndsWith("d [1].png", StringComparison.Ordinal));
        var run = HostedPowerShell.Run($"Get-Item -LiteralPath $File | Invoke-BankcardRecognition {Tencent}", new Dictionary<string, object?>(_fixture.Variables()) { ["File"] = file });
        Assert.Empty(run.Errors);
        Assert.Equal(new[] { file }, Sources(run));
    }

    [Fact]
    public void ResolvePathOutputBindsThroughItsPath()
    {
        var files = Images("resolve");
        var run = HostedPowerShell.Run($"Resolve-Path -LiteralPath $Files | Invoke-BankcardRecognition {Tencent}", new Dictionary<string, object?>(_fixture.Variables()) { ["Files"] = files });
        Assert.Empty(run.Errors);
        Assert.Equal(files, Sources(run));
    }

    [Fact]
    public void AnObjectWithAUriPropertyBindsAsAUrlNotAsText()
    {
        var url = _fixture.Emulator.RegisterImageUrl("hosted-uri.png", TestImages.Png(tag: "hosted-uri"));
        var run = HostedPowerShell.Run($"[pscustomobject]@{{ Uri = '{url}' }} | Invoke-BankcardRecognition {Tencent}", _fixture.Variables());
        Assert.Empty(run.Errors);
        Assert.Equal(new[] { url.AbsoluteUri }, Sources(run));
    }
}
