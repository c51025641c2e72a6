using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BankcardOcr.CardSynth;
using BankcardOcr.DigitLines;
using SkiaSharp;

// DigitLines --out DIR [--count N] [--seed S] [--first I] [--threads T] [--fonts DIR] [--style flat|embossed]
//   Writes synthetic lines I … I+N-1 as DIR/NNNNNNN.png and their labels in DIR/labels.tsv (file, label, what was done
//   to it). Line i depends only on the seed and i: the same arguments give the same files, in any order and thread count.
//   --fonts prints 70 % of flat numbers in the TrueType/OpenType fonts of DIR (e.g. Debian's fonts-dejavu-core in
//   /usr/share/fonts/truetype/dejavu) instead of OCR-B; the same files give the same lines.
// DigitLines --out DIR --real-lines LINES_DIR --labels FILE [--copies K] [--seed S]
//   Cuts the real lines of LINES_DIR/quads.csv that FILE (file,label) labels, K jittered boxes each.
ulong seed = 1;
var count = 1000;
var first = 0;
var threads = 2;
string? outDir = null;
string? realLines = null;
string? labelsFile = null;
var copies = 6;
string? fontsDir = null;
PrintStyle? style = null;
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
        case "--real-lines": realLines = Value(); break;
        case "--labels": labelsFile = Value(); break;
        case "--copies": copies = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--fonts": fontsDir = Value(); break;
        case "--style": style = Enum.Parse<PrintStyle>(Value(), ignoreCase: true); break;
        default:
            Console.Error.WriteLine($"Unknown option {args[i]}. Usage: DigitLines --out DIR [--count N] [--seed S] [--first I] [--threads T] [--fonts DIR] [--style flat|embossed] | --out DIR --real-lines DIR --labels FILE [--copies K]");
            return 2;
    }
}

if (outDir is null)
{
    Console.Error.WriteLine("--out DIR is required.");
    return 2;
}

Directory.CreateDirectory(outDir);
if (realLines != null)
{
    if (labelsFile is null)
    {
        Console.Error.WriteLine("--real-lines needs --labels FILE.");
        return 2;
    }

    var real = RealLines.Cut(realLines, labelsFile, outDir, copies, seed);
    File.WriteAllText(Path.Combine(outDir, "labels.tsv"), "file\tlabel\ttags\n" + string.Join("\n", real) + "\n");
    Console.WriteLine($"{real.Count} real line crops written to {outDir}");
    return 0;
}

// Fonts by file name, in name order; upright ones only (slanted or hairline digits are rare on cards) and no
// mathematical ones.
string[] skipped = { "Math", "Oblique", "Italic", "ExtraLight" };
var fonts = fontsDir is null ? new List<(string, SKTypeface)>() : Directory.GetFiles(fontsDir)
    .Where(f => (f.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".otf", StringComparison.OrdinalIgnoreCase))
        && !skipped.Any(s => Path.GetFileName(f).Contains(s, StringComparison.Ordinal)))
    .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
    .Select(f => (Path.GetFileNameWithoutExtension(f), SKTypeface.FromFile(f) ?? throw new InvalidDataException($"{f} is not a font.")))
    .ToList();
var maker = new LineMaker(seed, fonts, style);
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
