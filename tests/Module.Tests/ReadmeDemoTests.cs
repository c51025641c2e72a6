using System.Diagnostics;

namespace BankcardOcr.Module.Tests;

/// <summary>The README's "build and run the main job" command, run as a user would (in its own process).</summary>
public class ReadmeDemoTests
{
    [Fact]
    public async Task DemoRecognisesTheSampleScansThroughTheEmulatorAndExitsZero()
    {
        var readme = File.ReadAllText(Path.Combine(HostedPowerShell.RepoRoot, "README.md"));
        Assert.Contains("dotnet run --project tools/ModuleRunner -c Release -- --emulator --file demo.ps1", readme, StringComparison.Ordinal);

        // The runner's own build output (built by this project's reference), as `dotnet run` would start it.
        var runner = Path.Combine(HostedPowerShell.RepoRoot, "tools", "ModuleRunner", "bin", new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "ModuleRunner.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { runner, "--emulator", "--file", "demo.ps1" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(limit.Token);

        Assert.True(process.ExitCode == 0, output + await stderr);
        Assert.Contains("622848*********0018", output, StringComparison.Ordinal);
        Assert.Contains("招商银行", output, StringComparison.Ordinal);
        Assert.Contains("notes.png: UnsupportedImageFormat", output, StringComparison.Ordinal);
        Assert.DoesNotContain("6228480402564890018", output, StringComparison.Ordinal);
    }
}
