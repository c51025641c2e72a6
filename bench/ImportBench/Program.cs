// Import-Module time of out/BankcardOcr against an empty binary module, each import in a fresh process and
// a fresh runspace (a second import in one process would find the assemblies already loaded), alternating
// the two so that machine noise falls on both alike.
//
//   dotnet run --project bench/ImportBench -c Release -- [runs]
using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

if (args.Length == 2 && args[0] == "--child")
{
    // One measured import: runspace opened first, so only Import-Module is timed.
    using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
    runspace.Open();
    using var ps = PowerShell.Create();
    ps.Runspace = runspace;
    ps.AddScript("$null").Invoke(); // warm the engine's script pipeline, identical for both modules
    ps.Commands.Clear();
    ps.AddCommand("Import-Module").AddParameter("Name", args[1]).AddParameter("ErrorAction", "Stop");
    var watch = Stopwatch.StartNew();
    ps.Invoke();
    watch.Stop();
    Console.WriteLine(watch.Elapsed.TotalMilliseconds.ToString("F3", System.Globalization.CultureInfo.InvariantCulture));
    return 0;
}

var runs = args.Length > 0 ? int.Parse(args[0]) : 20;
var root = AppContext.BaseDirectory;
while (!File.Exists(Path.Combine(root, "BankcardOcr.sln")))
{
    root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("BankcardOcr.sln not found");
}

var module = Path.Combine(root, "out", "BankcardOcr", "BankcardOcr.psd1");
var empty = Path.Combine(root, "out", "bench", "EmptyModule", "EmptyModule.psd1");
var self = Environment.ProcessPath!;
var selfDll = typeof(Program).Assembly.Location;

double Measure(string manifest)
{
    var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
    if (Path.GetFileNameWithoutExtension(self) == "dotnet")
    {
        start.ArgumentList.Add(selfDll);
    }

    start.ArgumentList.Add("--child");
    start.ArgumentList.Add(manifest);
    using var child = Process.Start(start)!;
    var text = child.StandardOutput.ReadToEnd();
    child.WaitForExit();
    if (child.ExitCode != 0)
    {
        throw new InvalidOperationException($"import of {manifest} failed");
    }

    return double.Parse(text.Trim(), System.Globalization.CultureInfo.InvariantCulture);
}

Measure(module); // warm the disk cache for both before counting
Measure(empty);
var moduleTimes = new List<double>();
var emptyTimes = new List<double>();
for (var i = 0; i < runs; i++)
{
    if (i % 2 == 0)
    {
        moduleTimes.Add(Measure(module));
        emptyTimes.Add(Measure(empty));
    }
    else
    {
        emptyTimes.Add(Measure(empty));
        moduleTimes.Add(Measure(module));
    }
}

static double Median(List<double> values)
{
    var sorted = values.OrderBy(v => v).ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

var moduleDir = Path.GetDirectoryName(module)!;
var size = Directory.EnumerateFiles(moduleDir, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
Console.WriteLine($"runs: {runs} alternating pairs, one fresh process each");
Console.WriteLine($"BankcardOcr import: median {Median(moduleTimes):F1} ms, mean {moduleTimes.Average():F1} ms, min {moduleTimes.Min():F1} ms");
Console.WriteLine($"EmptyModule import: median {Median(emptyTimes):F1} ms, mean {emptyTimes.Average():F1} ms, min {emptyTimes.Min():F1} ms");
Console.WriteLine($"ratio (median): {Median(moduleTimes) / Median(emptyTimes):F2}x   ratio (mean): {moduleTimes.Average() / emptyTimes.Average():F2}x");
Console.WriteLine($"out/BankcardOcr: {size:N0} bytes in {Directory.EnumerateFiles(moduleDir, "*", SearchOption.AllDirectories).Count()} files");
return 0;
