namespace BankcardOcr.TestRunner;

/// <summary>
/// <c>dotnet run --project tools/TestRunner -c Release [-- options]</c>: runs <c>dotnet test</c> on the solution,
/// then tests/Pester in real PowerShell against out/BankcardOcr, and ends with one line <c>N passed, N failed</c>
/// summed from the TRX files and Pester's result. Exits non-zero when anything failed or nothing ran.
/// </summary>
internal static class Program
{
    private const string Usage = """
        usage: dotnet run --project tools/TestRunner -c Release [-- [--shell PATH] [--no-dotnet-test] [--no-pester]]
          --shell PATH       run Pester in this PowerShell (e.g. Windows PowerShell 5.1) instead of the cached pwsh 7.6.9
          --no-dotnet-test   build only, then Pester
          --no-pester        dotnet test only
        """;

    private static int Main(string[] args)
    {
        string? shell = null;
        bool dotnetTest = true, pester = true;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--shell" when i + 1 < args.Length: shell = Path.GetFullPath(args[++i]); break;
                case "--no-dotnet-test": dotnetTest = false; break;
                case "--no-pester": pester = false; break;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        var root = RepoRoot();
        var results = Path.Combine(root, "out", "TestResults");
        if (Directory.Exists(results))
        {
            Directory.Delete(results, recursive: true);
        }

        Directory.CreateDirectory(results);
        var solution = Path.Combine(root, "BankcardOcr.sln");
        var ok = true;
        var total = TestCounts.None;

        if (dotnetTest)
        {
            ok &= ChildProcess.Run("dotnet", ["test", solution, "-c", "Release", "--logger", "trx", "--results-directory", results], root) == 0;
            var trx = TestCounts.FromTrxFiles(results);
            Console.WriteLine($"dotnet test: {trx}");
            total += trx;
        }
        else
        {
            // Pester imports out/BankcardOcr and starts the emulator from its build output, so both must exist.
            ok &= ChildProcess.Run("dotnet", ["build", solution, "-c", "Release"], root) == 0;
        }

        // After a failed dotnet test the module is usually built all the same, and Pester's view is still worth having;
        // after a failed build there is nothing to test.
        var built = dotnetTest || ok;
        if (pester && built)
        {
            var cache = new ToolCache(ToolCache.DefaultRoot());
            var exe = shell ?? cache.EnsurePwsh();
            var counts = RunPester(exe, cache.EnsurePester(), root, results, ref ok);
            var summary = Path.Combine(results, "pester-summary.json");
            var skipped = File.Exists(summary) ? TestCounts.PesterSkipped(summary) : 0;
            Console.WriteLine($"Pester in {exe}: {counts}, {skipped} skipped");
            total += counts;
        }

        if (total.Passed == 0)
        {
            Console.Error.WriteLine("No test ran.");
            ok = false;
        }

        Console.WriteLine(total);
        return ok && total.Failed == 0 ? 0 : 1;
    }

    private static TestCounts RunPester(string shell, string pesterManifest, string root, string results, ref bool ok)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "RunPester.ps1");
        List<string> arguments = ["-NoProfile", "-NonInteractive"];
        if (OperatingSystem.IsWindows())
        {
            arguments.AddRange(["-ExecutionPolicy", "Bypass"]);
        }

        arguments.AddRange(["-File", script, "-PesterManifest", pesterManifest, "-TestPath", Path.Combine(root, "tests", "Pester"), "-ResultFolder", results]);
        ok &= ChildProcess.Run(shell, arguments, root) == 0;
        var summary = Path.Combine(results, "pester-summary.json");
        if (!File.Exists(summary))
        {
            // Pester itself did not finish (it could not load, or the shell failed): that is a failure, never zero.
            Console.Error.WriteLine($"Pester wrote no result ({summary} is missing).");
            ok = false;
            return TestCounts.None;
        }

        return TestCounts.FromPesterSummary(summary);
    }

    /// <summary>The folder holding BankcardOcr.sln above this runner's build output, wherever the command was started.</summary>
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BankcardOcr.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"BankcardOcr.sln was not found above {AppContext.BaseDirectory}.");
    }
}
