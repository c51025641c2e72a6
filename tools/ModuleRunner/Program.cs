using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace BankcardOcr.ModuleRunner
{
    /// <summary>
    /// <c>dotnet run --project tools/ModuleRunner -- [--emulator] [--file demo.ps1 | "&lt;script&gt;"]</c>: imports
    /// out/BankcardOcr into a fresh runspace and runs the script as a console would, formatting output with the
    /// module's views. With <c>--emulator</c> the local emulator of the cloud services runs beside it, and the
    /// script gets <c>$Emulator</c>, <c>$EmulatorCredential</c>, <c>$EmulatorAppId</c> and <c>$SampleFolder</c>.
    /// The exit code is 1 when the script wrote any error.
    /// </summary>
    public static class Program
    {
        private const string Usage = "usage: ModuleRunner [--emulator] [--file <script.ps1> | \"<PowerShell script>\"]   (out/BankcardOcr is imported first)";

        /// <summary>Entry point.</summary>
        public static int Main(string[] args)
        {
            var useEmulator = args.Contains("--emulator");
            var rest = args.Where(a => a != "--emulator").ToList();
            string script;
            if (rest.Count == 2 && rest[0] == "--file")
            {
                script = File.ReadAllText(File.Exists(rest[1]) ? rest[1] : Path.Combine(AppContext.BaseDirectory, rest[1]));
            }
            else if (rest.Count > 0 && rest[0] != "--file")
            {
                script = string.Join(" ", rest);
            }
            else
            {
                Console.Error.WriteLine(Usage);
                return 2;
            }

            if (!useEmulator)
            {
                return Run(script, variables: null);
            }

            using var demo = DemoEmulator.StartAsync().GetAwaiter().GetResult();
            return Run(script, demo.Variables);
        }

        private static int Run(string script, IReadOnlyDictionary<string, object>? variables)
        {
            var manifest = ModuleLocator.FindManifest();
            var host = new TextHost(Console.Out, Math.Max(80, SafeConsoleWidth()), plainText: Console.IsOutputRedirected);
            using var runspace = RunspaceFactory.CreateRunspace(host, InitialSessionState.CreateDefault2());
            runspace.Open();
            foreach (var variable in variables ?? new Dictionary<string, object>())
            {
                runspace.SessionStateProxy.SetVariable(variable.Key, variable.Value);
            }

            using var ps = PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddScript("Import-Module -Name $args[0] -ErrorAction Stop").AddArgument(manifest);
            // Errors are merged into the formatted output, as a console shows them in line with results, and
            // counted: only errors the script let through make the exit code 1, not those it handled.
            ps.AddStatement().AddScript(
                "$global:__unhandledErrors = 0\n& {\n" + script + "\n} 2>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $global:__unhandledErrors++ }; $_ } | Out-Default");
            try
            {
                ps.Invoke();
            }
            catch (RuntimeException e)
            {
                Console.Error.WriteLine(e.ErrorRecord.ToString());
                return 1;
            }

            ps.Commands.Clear();
            var errorCount = ps.AddScript("$global:__unhandledErrors").Invoke<int>();
            return errorCount.Count > 0 && errorCount[0] > 0 ? 1 : 0;
        }

        private static int SafeConsoleWidth()
        {
            try
            {
                return Console.IsOutputRedirected ? 120 : Console.WindowWidth;
            }
            catch (IOException)
            {
                return 120;
            }
        }
    }

    /// <summary>Finds out/BankcardOcr/BankcardOcr.psd1 by walking up from the running assembly to the repository root.</summary>
    public static class ModuleLocator
    {
        /// <summary>The full path of the built manifest; throws with the build command when it is missing.</summary>
        public static string FindManifest()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "BankcardOcr.sln")))
            {
                dir = dir.Parent;
            }

            if (dir == null)
            {
                throw new InvalidOperationException("BankcardOcr.sln was not found above " + AppContext.BaseDirectory);
            }

            var manifest = Path.Combine(dir.FullName, "out", "BankcardOcr", "BankcardOcr.psd1");
            if (!File.Exists(manifest))
            {
                throw new InvalidOperationException($"{manifest} is missing; run: dotnet build BankcardOcr.sln -c Release");
            }

            return manifest;
        }
    }
}
