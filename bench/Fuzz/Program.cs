using System.Globalization;
using BankcardOcr.Fuzz;

// dotnet run --project bench/Fuzz -c Release -- [--cases 100000] [--seed 20261202] [--target Tencent] [--out folder]
var cases = 100_000;
var seed = 20261202;
string? only = null;
var folder = Path.Combine(Path.GetTempPath(), "bankcardocr-fuzz");
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--cases": cases = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--target": only = args[i + 1]; break;
        case "--out": folder = args[i + 1]; break;
    }
}

Console.WriteLine($"Seed {seed}, {cases:N0} cases per target, {Environment.ProcessorCount} CPUs, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
Console.WriteLine();
Console.WriteLine("| Target | Cases | Failures | Seconds | Outcomes |");
Console.WriteLine("|---|---:|---:|---:|---|");
var failed = 0;
foreach (var target in FuzzTarget.All.Where(t => only is null || t.Name == only))
{
    var report = FuzzRun.Run(target, seed, cases);
    var outcomes = string.Join(", ", report.Outcomes.Select(o => $"{o.Key} {o.Value:N0}"));
    Console.WriteLine($"| {report.Target} | {report.Cases:N0} | {report.Failures.Count} | {report.Elapsed.TotalSeconds:0.0} | {outcomes} |");
    foreach (var (index, problem, input) in report.Failures.Take(20))
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{report.Target.Replace(' ', '-')}-{index}.bin");
        File.WriteAllBytes(file, input);
        Console.Error.WriteLine($"  case {index}: {problem} (input saved to {file})");
    }

    failed += report.Failures.Count;
}

return failed == 0 ? 0 : 1;
