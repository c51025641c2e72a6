namespace BankcardOcr.Module.Tests;

public class HelpPageTests
{
    private static readonly HashSet<string> CommonParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
        "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm",
    };

    [Fact]
    public void EveryExportedCmdletHasAPageDocumentingEachOfItsParameters()
    {
        var run = HostedPowerShell.Run("""
            foreach ($c in (Get-Module BankcardOcr).ExportedCmdlets.Values) {
                # Hidden parameters (DontShow) have no help by design.
                foreach ($p in $c.Parameters.Values | Where-Object { -not ($_.Attributes | Where-Object DontShow) }) { "$($c.Name)|$($p.Name)" }
            }
            """);
        Assert.Empty(run.Errors);
        var missing = new List<string>();
        foreach (var group in run.Output.Select(o => o.ToString().Split('|')).GroupBy(p => p[0]))
        {
            var page = Path.Combine(HostedPowerShell.RepoRoot, "docs", group.Key + ".md");
            if (!File.Exists(page))
            {
                missing.Add(page);
                continue;
            }

            var text = File.ReadAllText(page);
            foreach (var parameter in group.Select(p => p[1]).Where(p => !CommonParameters.Contains(p)))
            {
                if (!text.Contains("### -" + parameter + "\n", StringComparison.Ordinal) && !text.Contains("### -" + parameter + "\r\n", StringComparison.Ordinal))
                {
                    missing.Add($"{group.Key} -{parameter}");
                }
            }
        }

        Assert.Empty(missing);
        Assert.NotEmpty(run.Output);
    }

    [Fact]
    public void AboutTopicExists() =>
        Assert.True(File.Exists(Path.Combine(HostedPowerShell.RepoRoot, "docs", "about_BankcardOcr.md")));
}
