using System.Text.Json;

namespace BankcardOcr.TestRunner;

/// <summary>
/// pwsh and Pester at the versions the project tests with, installed once into a per-user cache outside the
/// repository and reused. Both come from the NuGet sources the machine's .NET SDK is configured with.
/// </summary>
internal sealed class ToolCache(string root)
{
    public const string PowerShellVersion = "7.6.9";
    public const string PesterVersion = "5.7.1";

    /// <summary><c>BANKCARDOCR_TOOL_CACHE</c>, else the platform's cache folder (<c>$XDG_CACHE_HOME</c>, <c>~/.cache</c>, <c>%LOCALAPPDATA%</c>).</summary>
    public static string DefaultRoot()
    {
        var configured = Environment.GetEnvironmentVariable("BANKCARDOCR_TOOL_CACHE");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        var cache = OperatingSystem.IsWindows()
            ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
            : Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(cache, "bankcardocr", "tools");
    }

    /// <summary>The pwsh executable of the <c>PowerShell</c> dotnet tool, installed on first use.</summary>
    public string EnsurePwsh()
    {
        var folder = Path.Combine(root, "pwsh-" + PowerShellVersion);
        var exe = Path.Combine(folder, OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh");
        if (!File.Exists(exe))
        {
            Run("dotnet", ["tool", "install", "--tool-path", folder, "PowerShell", "--version", PowerShellVersion]);
        }

        return exe;
    }

    /// <summary>Pester.psd1, restored on first use through a one-item project (a PackageDownload needs no code).</summary>
    public string EnsurePester()
    {
        var folder = Path.Combine(root, "pester-" + PesterVersion);
        var recorded = Path.Combine(folder, "manifest-path.txt");
        if (File.Exists(recorded) && File.ReadAllText(recorded).Trim() is var known && File.Exists(known))
        {
            return known;
        }

        Directory.CreateDirectory(folder);
        var project = Path.Combine(folder, "PesterRestore.csproj");
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><PackageDownload Include="Pester" Version="[{PesterVersion}]" /></ItemGroup>
            </Project>
            """);
        Run("dotnet", ["restore", project]);

        // The package lands in the NuGet packages folder the restore used (NUGET_PACKAGES or the default).
        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "obj", "project.assets.json")));
        foreach (var packages in assets.RootElement.GetProperty("packageFolders").EnumerateObject())
        {
            var manifest = Path.Combine(packages.Name, "pester", PesterVersion, "tools", "Pester.psd1");
            if (File.Exists(manifest))
            {
                File.WriteAllText(recorded, manifest);
                return manifest;
            }
        }

        throw new InvalidOperationException($"Pester {PesterVersion} was restored but its Pester.psd1 was not found.");
    }

    private void Run(string fileName, IEnumerable<string> arguments)
    {
        if (ChildProcess.Run(fileName, arguments, Directory.CreateDirectory(root).FullName) != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed.");
        }
    }
}
