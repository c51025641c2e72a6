using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace BankcardOcr.Module.Tests;

/// <summary>
/// The help every build ships: tools/HelpCompiler turns docs/*.md into out/BankcardOcr/en-US, and the real
/// engine's Get-Help must find it. The hosted runspace's host reports the invariant culture, so these runs also
/// prove the engine's en-US fallback; one run switches to zh-CN, the culture most users of this module have.
/// </summary>
public class HelpTests
{
    private static readonly string EnUs = Path.Combine(Path.GetDirectoryName(HostedPowerShell.ManifestPath)!, "en-US");

    public static TheoryData<string> DocumentedCmdlets() => new(CmdletPages());

    private static IEnumerable<string> CmdletPages() =>
        Directory.GetFiles(Path.Combine(HostedPowerShell.RepoRoot, "docs"), "*-*.md").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    [Fact]
    public void EveryExportedCmdletIsAHelpTopicCompiledFromItsPage()
    {
        var run = HostedPowerShell.Run("(Get-Module BankcardOcr).ExportedCmdlets.Keys");
        Assert.Empty(run.Errors);
        var exported = run.Output.Select(o => o.ToString()).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(exported);
        Assert.Equal(exported, CmdletPages().ToList());

        var maml = XDocument.Load(Path.Combine(EnUs, "BankcardOcr.dll-Help.xml"));
        XNamespace command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        var compiled = maml.Descendants(command + "details").Select(d => (string)d.Element(command + "name")!).Order(StringComparer.Ordinal);
        Assert.Equal(exported, compiled);
    }

    [Theory]
    [MemberData(nameof(DocumentedCmdlets))]
    public void GetHelpFullShowsThePageSynopsisExamplesAndEveryParameter(string cmdlet)
    {
        var page = File.ReadAllText(Path.Combine(HostedPowerShell.RepoRoot, "docs", cmdlet + ".md")).ReplaceLineEndings("\n");
        var run = HostedPowerShell.Run("""
            $help = Get-Help $Cmdlet -Full
            [pscustomobject]@{
                Category    = $help.Category
                Synopsis    = $help.Synopsis
                Description = @($help.description | ForEach-Object Text) -join "`n"
                Examples    = @($help.examples.example | Where-Object { $_.code }).Count
                Documented  = @($help.parameters.parameter | Where-Object { ($_.description | ForEach-Object Text) -join '' } | ForEach-Object name)
                Actual      = @((Get-Command $Cmdlet).Parameters.Values | Where-Object { -not [System.Management.Automation.Cmdlet]::CommonParameters.Contains($_.Name) -and -not [System.Management.Automation.Cmdlet]::OptionalCommonParameters.Contains($_.Name) -and -not ($_.Attributes | Where-Object DontShow) } | ForEach-Object Name)
                Culture     = $PSUICulture
            }
            """, new Dictionary<string, object?> { ["Cmdlet"] = cmdlet });
        Assert.Empty(run.Errors);
        var help = run.Output.Single();
        string Text(string name) => help.Properties[name].Value?.ToString() ?? "";
        string[] Names(string name) => ((object[])help.Properties[name].Value).Select(o => o.ToString()!).Order(StringComparer.OrdinalIgnoreCase).ToArray();

        Assert.Equal("Cmdlet", Text("Category"));
        Assert.Equal(Synopsis(page), Text("Synopsis"));
        Assert.NotEmpty(Text("Description"));
        Assert.True((int)help.Properties["Examples"].Value >= 1, $"{cmdlet}: no example with code (culture '{Text("Culture")}')");
        Assert.Equal(Regex.Matches(page, @"^### Example", RegexOptions.Multiline).Count, (int)help.Properties["Examples"].Value);
        // -WhatIf and -Confirm are optional common parameters but Set-BankcardOcrSecret documents them; every
        // parameter the cmdlet really has must carry a description.
        Assert.Empty(Names("Actual").Except(Names("Documented"), StringComparer.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(DocumentedCmdlets))]
    public void GetHelpParameterReturnsEachParameterWithItsDescription(string cmdlet)
    {
        var run = HostedPowerShell.Run("""
            foreach ($name in (Get-Command $Cmdlet).Parameters.Keys) {
                if ([System.Management.Automation.Cmdlet]::CommonParameters.Contains($name)) { continue }
                # A hidden parameter (DontShow) is not documented by design.
                if ((Get-Command $Cmdlet).Parameters[$name].Attributes | Where-Object DontShow) { continue }
                $p = Get-Help $Cmdlet -Parameter $name -ErrorAction Stop
                "$($p.name)|$(($p.description | ForEach-Object Text) -join ' ')|$($p.required)|$($p.type.name)"
            }
            """, new Dictionary<string, object?> { ["Cmdlet"] = cmdlet });
        Assert.Empty(run.Errors);
        Assert.NotEmpty(run.Output);
        foreach (var fields in run.Output.Select(o => o.ToString().Split('|')))
        {
            Assert.False(string.IsNullOrWhiteSpace(fields[1]), $"{cmdlet} -{fields[0]} has no description");
            Assert.Contains(fields[2], new[] { "true", "false" });
            Assert.NotEmpty(fields[3]);
        }
    }

    [Fact]
    public void ProviderAcceptedValuesInHelpAreTheRegisteredProviders()
    {
        // The registry decides what -Provider accepts; the help must say the same (a provider added without help fails here).
        var run = HostedPowerShell.Run("""
            $null = [System.Reflection.Assembly]::LoadFrom((Join-Path (Split-Path (Get-Module BankcardOcr).Path) 'BankcardOcr.Core.dll'))
            function Accepted($Cmdlet) {
                $p = (Get-Help $Cmdlet -Full).syntax.syntaxItem.parameter | Where-Object name -eq Provider | Select-Object -First 1
                @($p.parameterValueGroup.parameterValue) -join ','
            }
            Accepted Invoke-BankcardRecognition
            [BankcardOcr.Engine.ProviderRegistry]::All.Name -join ','
            Accepted Set-BankcardOcrSecret
            ([BankcardOcr.Engine.ProviderRegistry]::All | Where-Object { $_.CredentialKinds.Count -gt 0 }).Name -join ','
            """);
        Assert.Empty(run.Errors);
        Assert.Equal(run.Output[1].ToString(), run.Output[0].ToString());
        Assert.Equal(run.Output[3].ToString(), run.Output[2].ToString());
        Assert.Equal("Tencent,TencentLegacy,Huawei", run.Output[2].ToString());
    }

    [Fact]
    public void ParameterMetadataComesFromTheYamlBlock()
    {
        var run = HostedPowerShell.Run("""
            $p = Get-Help Invoke-BankcardRecognition -Parameter LiteralPath
            "$($p.required)|$($p.position)|$($p.pipelineInput)|$($p.aliases)|$($p.globbing)"
            $h = Get-Help New-TencentOcrSignature -Full
            @($h.syntax.syntaxItem).Count
            """);
        Assert.Empty(run.Errors);
        Assert.Equal("true|named|True (ByPropertyName)|PSPath, LP|false", run.Output[0].ToString());
        Assert.Equal("2", run.Output[1].ToString());
    }

    [Fact]
    public void TheHostedRunspaceIsInvariantAndFallsBackToEnUsHelp()
    {
        var run = HostedPowerShell.Run("$PSUICulture; (Get-Help Test-BankcardNumber).Synopsis");
        Assert.Empty(run.Errors);
        Assert.Equal("", run.Output[0].ToString());
        Assert.StartsWith("Checks card numbers offline", run.Output[1].ToString(), StringComparison.Ordinal);
        // en-US is the only help folder, so finding help under the invariant culture is the fallback at work.
        var helpFolders = Directory.GetDirectories(Path.GetDirectoryName(EnUs)!).Where(d => Directory.GetFiles(d, "*-Help.xml").Length > 0);
        Assert.Equal(new[] { "en-US" }, helpFolders.Select(Path.GetFileName));
    }

    [Fact]
    public void AChineseUiCultureFallsBackToEnUsHelp()
    {
        var run = HostedPowerShell.Run("""
            [System.Threading.Thread]::CurrentThread.CurrentUICulture = 'zh-CN'
            $PSUICulture
            (Get-Help Test-BankcardNumber).Synopsis
            (Get-Help about_BankcardOcr) -match 'SHORT DESCRIPTION'
            """);
        Assert.Empty(run.Errors);
        Assert.Equal("zh-CN", run.Output[0].ToString());
        Assert.StartsWith("Checks card numbers offline", run.Output[1].ToString(), StringComparison.Ordinal);
        Assert.Equal(true, run.Output[2].BaseObject);
    }

    [Fact]
    public void GetHelpAboutBankcardOcrReturnsTheAboutTopic()
    {
        // The engine searches the en-US folder of loaded modules, so the topic is found although out/ is not on
        // PSModulePath; the file is also checked directly so a failure says which half broke.
        Assert.True(File.Exists(Path.Combine(EnUs, "about_BankcardOcr.help.txt")));
        var run = HostedPowerShell.Run("Get-Help about_BankcardOcr");
        Assert.Empty(run.Errors);
        var text = string.Join("\n", run.Output.Select(o => o.ToString()));
        Assert.StartsWith("TOPIC\n    about_BankcardOcr\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("SHORT DESCRIPTION\n    Reads bank cards from images", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("  UNATTENDED JOBS WITH SECRETSTORE", text, StringComparison.Ordinal);
        Assert.Contains("        Unlock-SecretStore -Password $storePassword", text, StringComparison.Ordinal);
        Assert.DoesNotContain("`", text, StringComparison.Ordinal);
    }

    private static string Synopsis(string page)
    {
        var match = Regex.Match(page, @"^## SYNOPSIS\n(.*?)\n(?=## )", RegexOptions.Singleline | RegexOptions.Multiline);
        Assert.True(match.Success);
        return string.Join(" ", match.Groups[1].Value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)).Replace("`", "");
    }
}
