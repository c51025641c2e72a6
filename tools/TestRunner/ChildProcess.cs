using System.Diagnostics;

namespace BankcardOcr.TestRunner;

/// <summary>Runs a program with this console's streams, so its output reads live, and returns its exit code.</summary>
internal static class ChildProcess
{
    public static int Run(string fileName, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A first start of pwsh otherwise asks the network about updates and sends telemetry.
        start.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
        start.Environment["POWERSHELL_UPDATECHECK"] = "Off";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        Console.WriteLine($"> {fileName} {string.Join(' ', start.ArgumentList)}");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        process.WaitForExit();
        return process.ExitCode;
    }
}
