
namespace BankcardOcr.Module.Tests.Recognition;

/// <summary>
/// The test host runs the module with the dependency copies it ships, as pwsh does, because nothing here loads
/// ASP.NET Core (whose shared framework carries System.Threading.RateLimiting 10.0 and used to win).
/// </summary>
public class DependencyLoadTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public DependencyLoadTests(EmulatorFixture fixture) => _fixture = fixture;

    [Fact]
    public void RateLimitingAndPollyLoadFromTheModuleFolderAfterARecognition()
    {
        var image = _fixture.WriteImage("dependencies.png", TestImages.Png(tag: "dependencies"));
        var run = HostedPowerShell.Run($$"""
            $null = Invoke-BankcardRecognition -LiteralPath '{{image}}' -Provider Tencent -Credential $Cred -Endpoint $Endpoint -ErrorAction Stop
            [AppDomain]::CurrentDomain.GetAssemblies() |
                Where-Object { $_.GetName().Name -in 'System.Threading.RateLimiting', 'Polly.Core' } |
                ForEach-Object { '{0}|{1}' -f $_.GetName().Name, $_.Location }
            """, _fixture.Variables());
        Assert.Empty(run.Errors);
        var moduleFolder = Path.GetDirectoryName(HostedPowerShell.ManifestPath)! + Path.DirectorySeparatorChar;
        var loaded = run.Output.Select(o => o.ToString().Split('|')).ToList();
        Assert.Contains(loaded, l => l[0] == "System.Threading.RateLimiting");
        Assert.Contains(loaded, l => l[0] == "Polly.Core");
        Assert.All(loaded, l => Assert.StartsWith(moduleFolder, l[1], StringComparison.Ordinal));
    }

    [Fact]
    public void NoAspNetCoreAssemblyIsLoadedInTheTestHost() =>
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
}
