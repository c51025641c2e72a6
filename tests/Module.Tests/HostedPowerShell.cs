using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using BankcardOcr.ModuleRunner;

namespace BankcardOcr.Module.Tests;

/// <summary>Everything one hosted script produced: output and every stream, plus what the host would have printed.</summary>
public sealed class HostedRun
{
    public required Collection<PSObject> Output { get; init; }
    public required IReadOnlyList<ErrorRecord> Errors { get; init; }
    public required IReadOnlyList<WarningRecord> Warnings { get; init; }
    public required IReadOnlyList<VerboseRecord> Verbose { get; init; }
    public required IReadOnlyList<DebugRecord> Debug { get; init; }
    public required IReadOnlyList<InformationRecord> Information { get; init; }
    public required IReadOnlyList<ProgressRecord> Progress { get; init; }

    /// <summary>Text written to the host, e.g. by <c>Out-Default</c> rendering the module's format views.</summary>
    public required string HostText { get; init; }

    /// <summary>Every message of every stream and the host text, for leak checks.</summary>
    public IEnumerable<string> AllText()
    {
        foreach (var o in Output) yield return o?.ToString() ?? "";
        foreach (var e in Errors)
        {
            yield return e.ToString();
            yield return e.Exception?.ToString() ?? "";
            yield return e.ErrorDetails?.Message ?? "";
            yield return e.ErrorDetails?.RecommendedAction ?? "";
        }

        foreach (var w in Warnings) yield return w.Message;
        foreach (var v in Verbose) yield return v.Message;
        foreach (var d in Debug) yield return d.Message;
        foreach (var i in Information) yield return i.MessageData?.ToString() ?? "";
        foreach (var p in Progress) yield return p.Activity + " " + p.StatusDescription + " " + p.CurrentOperation;
        yield return HostText;
    }
}

/// <summary>
/// Hosts the PowerShell engine of pwsh 7.6.9 with its full cmdlet set (NuGet Microsoft.PowerShell.SDK) and imports
/// the built module folder out/BankcardOcr into a fresh runspace for every run, exactly as a user's session would.
/// </summary>
public static class HostedPowerShell
{
    /// <summary>The full path of out/BankcardOcr/BankcardOcr.psd1.</summary>
    public static string ManifestPath { get; } = FindManifest();

    /// <summary>The repository root.</summary>
    public static string RepoRoot { get; } = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ManifestPath)!, "..", ".."));

    /// <summary>Runs <paramref name="script"/> in a fresh runspace after importing the module (unless told not to).</summary>
    /// <param name="script">PowerShell script text.</param>
    /// <param name="variables">Variables set in the runspace before the script runs.</param>
    /// <param name="importModule">False to leave the import to the script itself.</param>
    public static HostedRun Run(string script, IDictionary<string, object?>? variables = null, bool importModule = true)
    {
        var hostText = new StringWriter();
        using var runspace = RunspaceFactory.CreateRunspace(new TextHost(hostText), InitialSessionState.CreateDefault2());
        runspace.Open();
        runspace.SessionStateProxy.SetVariable("ModuleManifest", ManifestPath);
        foreach (var (name, value) in variables ?? new Dictionary<string, object?>())
        {
            runspace.SessionStateProxy.SetVariable(name, value);
        }

        if (importModule)
        {
            using var import = PowerShell.Create();
            import.Runspace = runspace;
            import.AddCommand("Import-Module").AddParameter("Name", ManifestPath).AddParameter("ErrorAction", "Stop").Invoke();
        }

        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript(script);
        var output = ps.Invoke();
        return new HostedRun
        {
            Output = output,
            Errors = ps.Streams.Error.ToList(),
            Warnings = ps.Streams.Warning.ToList(),
            Verbose = ps.Streams.Verbose.ToList(),
            Debug = ps.Streams.Debug.ToList(),
            Information = ps.Streams.Information.ToList(),
            Progress = ps.Streams.Progress.ToList(),
            HostText = hostText.ToString(),
        };
    }

    /// <summary>out/BankcardOcr/BankcardOcr.psd1 under the folder holding BankcardOcr.sln above this assembly.</summary>
    private static string FindManifest()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "BankcardOcr.sln")))
        {
            dir = dir.Parent;
        }

        var manifest = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("BankcardOcr.sln was not found above " + AppContext.BaseDirectory), "out", "BankcardOcr", "BankcardOcr.psd1");
        return File.Exists(manifest) ? manifest : throw new InvalidOperationException($"{manifest} is missing; run: dotnet build BankcardOcr.sln -c Release");
    }
}
