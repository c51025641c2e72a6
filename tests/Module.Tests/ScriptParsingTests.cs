using System.Management.Automation.Language;

namespace BankcardOcr.Module.Tests;

public class ScriptParsingTests
{
    public static TheoryData<string> ScriptFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in ScriptPaths())
        {
            data.Add(file);
        }

        return data;
    }

    private static IEnumerable<string> ScriptPaths()
    {
        var skipped = new[] { "out", "bin", "obj", ".git" };
        foreach (var file in Directory.EnumerateFiles(HostedPowerShell.RepoRoot, "*.*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(HostedPowerShell.RepoRoot, file);
            var ext = Path.GetExtension(file).ToLowerInvariant();
            if ((ext == ".ps1" || ext == ".psm1" || ext == ".psd1") && !relative.Split(Path.DirectorySeparatorChar).Any(skipped.Contains))
            {
                yield return relative;
            }
        }
    }

    [Theory]
    [MemberData(nameof(ScriptFiles))]
    public void EveryScriptParsesWithoutErrors(string relativePath)
    {
        Parser.ParseFile(Path.Combine(HostedPowerShell.RepoRoot, relativePath), out _, out var errors);
        Assert.True(errors.Length == 0, string.Join(Environment.NewLine, errors.Select(e => $"{relativePath}:{e.Extent.StartLineNumber}: {e.Message}")));
    }

    [Fact]
    public void TheRepositoryHasScriptsToParse()
    {
        var files = ScriptPaths().ToList();
        Assert.Contains(files, f => f.EndsWith("build.ps1", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".Tests.ps1", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("BankcardOcr.psd1", StringComparison.Ordinal));
    }
}

public class ScriptParserSanityTests
{
    [Fact]
    public void TheParserReportsABrokenScript()
    {
        Parser.ParseInput("Describe 'x' { It 'y' { $a = @( }", out _, out var errors);
        Assert.NotEmpty(errors);
    }
}
