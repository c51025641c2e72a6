using System.Management.Automation;

namespace BankcardOcr.Module.Tests;

public class ModuleImportTests
{
    [Fact]
    public void ImportWritesNothingToAnyStream()
    {
        var run = HostedPowerShell.Run("Import-Module -Name $ModuleManifest", importModule: false);
        Assert.Empty(run.Output);
        Assert.Empty(run.Errors);
        Assert.Empty(run.Warnings);
        Assert.Empty(run.Verbose);
        Assert.Empty(run.Debug);
        Assert.Empty(run.Information);
        Assert.Empty(run.Progress);
        Assert.Equal("", run.HostText);
    }

    [Fact]
    public void ExportsExactlyTheManifestCmdletsAndEveryCmdletClass()
    {
        var run = HostedPowerShell.Run("""
            $m = Import-Module -Name $ModuleManifest -PassThru
            $declared = (Test-ModuleManifest -Path $ModuleManifest).ExportedCmdlets.Keys
            $classes = $m.ImplementingAssembly.GetExportedTypes() |
                Where-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).Count -gt 0 } |
                ForEach-Object { $a = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]; "$($a.VerbName)-$($a.NounName)" }
            [pscustomobject]@{ Exported = @($m.ExportedCmdlets.Keys); Declared = @($declared); Classes = @($classes) }
            """, importModule: false);
        Assert.Empty(run.Errors);
        var result = run.Output.Single();
        string[] Names(string property) => ((object[])result.Properties[property].Value).Select(o => o.ToString()!).Order().ToArray();
        Assert.NotEmpty(Names("Declared"));
        Assert.Equal(Names("Declared"), Names("Exported"));
        Assert.Equal(Names("Declared"), Names("Classes"));
        Assert.Contains("Test-BankcardNumber", Names("Exported"));
    }

    [Fact]
    public void ManifestPassesTestModuleManifestWithTheDocumentedSettings()
    {
        var run = HostedPowerShell.Run("Test-ModuleManifest -Path $ModuleManifest", importModule: false);
        Assert.Empty(run.Errors);
        var info = (PSModuleInfo)run.Output.Single().BaseObject;
        Assert.Equal(new[] { "Core", "Desktop" }, info.CompatiblePSEditions.Order());
        Assert.Equal(new Version(5, 1), info.PowerShellVersion);
        Assert.Equal("BankcardOcr.dll", Path.GetFileName(info.RootModule));
        Assert.Empty(info.ExportedFunctions);
        Assert.Empty(info.ExportedAliases);
        Assert.Empty(info.ExportedVariables);
        Assert.Contains(info.ExportedFormatFiles, f => Path.GetFileName(f) == "BankcardOcr.format.ps1xml");
        foreach (var tag in new[] { "PSEdition_Desktop", "PSEdition_Core", "Windows", "Linux", "MacOS" })
        {
            Assert.Contains(tag, info.Tags);
        }

        Assert.NotNull(info.LicenseUri);
        Assert.NotNull(info.ProjectUri);
    }

    [Fact]
    public void ManifestVersionIsStampedFromDirectoryBuildProps()
    {
        var props = File.ReadAllText(Path.Combine(HostedPowerShell.RepoRoot, "Directory.Build.props"));
        var version = System.Text.RegularExpressions.Regex.Match(props, "<Version>([^<]+)</Version>").Groups[1].Value;
        var run = HostedPowerShell.Run("(Test-ModuleManifest -Path $ModuleManifest).Version.ToString()", importModule: false);
        Assert.Equal(version, run.Output.Single().ToString());
        Assert.Contains("{{ModuleVersion}}", File.ReadAllText(Path.Combine(HostedPowerShell.RepoRoot, "BankcardOcr.psd1")));
    }

    [Fact]
    public void ManifestTemplateUsesNoWildcardExports()
    {
        var manifest = File.ReadAllText(Path.Combine(HostedPowerShell.RepoRoot, "BankcardOcr.psd1"));
        Assert.DoesNotMatch(@"ToExport\s*=\s*['""]?\*", manifest);
        Assert.DoesNotContain("RequiredModules", manifest);
    }

    [Fact]
    public void ModuleFolderHoldsTheDocumentedFilesAndNoEngineAssembly()
    {
        var folder = Path.GetDirectoryName(HostedPowerShell.ManifestPath)!;
        foreach (var file in new[] { "BankcardOcr.psd1", "BankcardOcr.dll", "BankcardOcr.Core.dll", "BankcardOcr.format.ps1xml", "LICENSE" })
        {
            Assert.True(File.Exists(Path.Combine(folder, file)), file + " is missing from out/BankcardOcr");
        }

        // PowerShellStandard.Library is a compile-time reference; shipping it would shadow the real engine.
        Assert.False(File.Exists(Path.Combine(folder, "System.Management.Automation.dll")));
    }
}
