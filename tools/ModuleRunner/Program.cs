using System;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace BankcardOcr.ModuleRunner
{
    /// <summary>
    /// <c>dotnet run --project tools/ModuleRunner -- "&lt;script&gt;"</c>: imports out/BankcardOcr into a fresh
    /// runspace and runs the script as a console would, formatting output with the module's views.
    /// The exit code is 1 when the script wrote any error.
    /// </summary>
    public static class Program
    {
        /// <summary>Entry point.</summary>
        public static int Main(string[] args)
        {
            if (args.Length == 0)
            {
                Console.Error.WriteLine("usage: ModuleRunner \"<PowerShell script>\"   (the module at out/BankcardOcr is imported first)");
                return 2;
            }

            var manifest = ModuleLocator.FindManifest();
            var host = new TextHost(Console.Out, Math.Max(80, SafeConsoleWidth()), plainText: Console.IsOutputRedirected);
            using var runspace = RunspaceFactory.CreateRunspace(host, InitialSessionState.CreateDefault2());
            runspace.Open();
            using var ps = PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddScript("Import-Module -Name $args[0] -ErrorAction Stop").AddArgument(manifest);
            // Errors are merged into the formatted output, as a console shows them in line with results.
            ps.AddStatement().AddScript("& {\n" + string.Join(" ", args) + "\n} 2>&1 | Out-Default");
            try
            {
                ps.Invoke();
            }
            catch (RuntimeException e)
            {
                Console.Error.WriteLine(e.ErrorRecord.ToString());
                return 1;
            }

            // Errors were merged into the rendered output, so ask the session whether any occurred.
            ps.Commands.Clear();
            var errorCount = ps.AddScript("$global:Error.Count").Invoke<int>();
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
