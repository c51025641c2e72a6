using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BankcardOcr.DigitLines;

// DigitLines --out DIR [--count N] [--seed S] [--first I] [--threads T]
// Writes lines I … I+N-1 as DIR/NNNNNNN.png and their labels in DIR/labels.tsv (file, label, what was done to it).
// Line i depends only on the seed and i: the same arguments give the same files, in any order and thread count.
ulong seed = 1;
var count = 1000;
var first = 0;
var threads = 2;
string? outDir = null;
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    switch (args[i])
    {
        case "--out": outDir = Value(); break;
        case "--count": count = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--seed": seed = ulong.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--first": first = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--threads": threads = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        default:
            Console.Error.WriteLine($"Unknown option {args[i]}. Usage: DigitLines --out DIR [--count N] [--seed S] [--first I] [--threads T]");
            return 2;
    }
}

if (outDir is null)
{
    Console.Error.WriteLine("--out DIR is required.");
    return 2;
}

Directory.CreateDirectory(outDir);
var maker = new LineMaker(seed);
var rows = new string[count];
var done = 0;
var watch = Stopwatch.StartNew();
Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, n =>
{
    var index = first + n;
    var (png, label, tags) = maker.Make(index);
    var file = $"{index:D7}.png";
    File.WriteAllBytes(Path.Combine(outDir, file), png);
    rows[n] = $"{file}\t{label}\t{tags}";
    var finished = System.Threading.Interlocked.Increment(ref done);
    if (finished % 2000 == 0)
    {
        Console.WriteLine($"{finished}/{count} lines, {watch.Elapsed.TotalSeconds:0} s");
    }
});

File.WriteAllText(Path.Combine(outDir, "labels.tsv"), "file\tlabel\ttags\n" + string.Join("\n", rows) + "\n");
Console.WriteLine($"{count} lines (seed {seed}, from {first}) written to {outDir} in {watch.Elapsed.TotalSeconds:0} s");
return 0;
