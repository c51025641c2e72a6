using System.Diagnostics;
using System.Globalization;
using System.Text;
using BankcardOcr.Accuracy;
using BankcardOcr.CardSynth;

// Accuracy [--real DIR [--summary-csv FILE] [--turn 90|180|270] [--shrink PX]] [--count N] [--seed S] [--level clean|hard|worn|both|all] [--style flat|embossed] [--provider Local] [--readers both|ppocr] [--tuning NAME=VALUE] [--module DIR] [--line] [--csv FILE] [--markdown FILE]
// Generates N synthetic cards per level, reads each through the provider one at a time, and prints the report.
// --line reads each card's straightened number-line crop instead of the photo: failures left are recognition ones.
// --real DIR reads a folder of labelled photos (labels.csv, quads.csv) and then N synthetic cards per level (100
// unless --count says otherwise) in the same run, each photo also on its true number line: see RealRun. --turn D
// turns the synthetic cards' photos D degrees clockwise (untagged), to measure the recognizer's turned reads; with
// --real none reads no real photo (synthetic levels alone, with the real run's report); --shrink PX shrinks them to
// long side PX first (real photos are mostly 300–600 px).
// --tuning NAME=VALUE sets one of RecognizerTuning's simple properties (e.g. TurnedPasses=4) for the run, to measure
// what a threshold's value changes; repeat it for several.
// --readers ppocr reads with PP-OCRv4's recognizer alone, to measure what joining the card-digit model changes (both, the default, is the module's way).
const string Usage = "Usage: Accuracy [--real DIR [--summary-csv FILE] [--turn 90|180|270] [--shrink PX]] [--count N] [--seed S] [--level clean|hard|worn|both|all] [--style flat|embossed] [--provider Local] [--readers both|ppocr] [--tuning NAME=VALUE] [--module DIR] [--line] [--csv FILE] [--markdown FILE]";
int? countOption = null;
ulong seed = 1;
var levels = new[] { CardLevel.Clean, CardLevel.Hard };
var providerName = "Local";
var moduleDir = Path.Combine(RepoRoot(), "out", "BankcardOcr");
string? csvPath = null;
string? markdownPath = null;
string? realFolder = null;
string? summaryCsvPath = null;
var lineOnly = false;
var turn = 0;
var shrink = 0;
PrintStyle? style = null;
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    switch (args[i])
    {
        case "--count": countOption = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--real": realFolder = Value() is var folder && folder == "none" ? "none" : Path.GetFullPath(folder); break;
        case "--summary-csv": summaryCsvPath = Value(); break;
        case "--seed": seed = ulong.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--level":
            var level = Value();
            // both: clean and hard, as before the worn level, so older commands give the same sets.
            levels = level switch
            {
                "both" => new[] { CardLevel.Clean, CardLevel.Hard },
                "all" => new[] { CardLevel.Clean, CardLevel.Hard, CardLevel.Worn },
                _ => new[] { Enum.Parse<CardLevel>(level, ignoreCase: true) },
            };
            break;
        case "--provider": providerName = Value(); break;
        case "--module": moduleDir = Path.GetFullPath(Value()); break;
        case "--csv": csvPath = Value(); break;
        case "--markdown": markdownPath = Value(); break;
        case "--line": lineOnly = true; break;
        case "--style": style = Enum.Parse<PrintStyle>(Value(), ignoreCase: true); break;
        case "--turn": turn = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--shrink": shrink = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--tuning": TuningOption.Apply(BankcardOcr.Providers.Local.RecognizerTuning.Default, Value()); break;
        case "--readers":
            RecognizerFactory.JoinsDigitReader = Value() switch
            {
                "both" => true,
                "ppocr" => false,
                var other => throw new ArgumentException($"--readers takes both or ppocr, not {other}."),
            };
            break;
        default:
            Console.Error.WriteLine($"Unknown option {args[i]}. {Usage}");
            return 2;
    }
}

if ((turn != 0 || shrink != 0) && realFolder is null)
{
    Console.Error.WriteLine("--turn and --shrink work with --real (use --real none for synthetic cards alone).");
    return 2;
}

if (realFolder != null)
{
    if (lineOnly)
    {
        Console.Error.WriteLine("--real reads every photo and its true line already; --line is for synthetic runs.");
        return 2;
    }

    if (turn is not (0 or 90 or 180 or 270))
    {
        Console.Error.WriteLine("--turn takes 0, 90, 180 or 270.");
        return 2;
    }

    var run = new RealRun(realFolder, moduleDir, countOption ?? 100, seed, levels, style, turn, shrink);
    return await run.RunAsync(csvPath, summaryCsvPath, markdownPath).ConfigureAwait(false);
}

var count = countOption ?? 500;

var load = Stopwatch.StartNew();
using var provider = RecognizerFactory.Create(providerName, moduleDir);
load.Stop();
Console.WriteLine($"{provider.Name}: provider ready in {load.ElapsedMilliseconds} ms; {count} cards per level, seed {seed}");

var underTest = new ProviderUnderTest(provider);
var generator = new CardGenerator(seed);
var readings = new List<CardReading>();
foreach (var level in levels)
{
    for (var index = 0; index < count; index++)
    {
        // Generating is not timed: only the provider's prepare + recognise count as latency.
        var card = generator.Generate(level, index, style);
        var reading = await underTest.ReadAsync(card, CancellationToken.None, lineOnly ? NumberLineCrop.Cut(card) : null);
        readings.Add(reading);
        if (reading.Verdict == ReadingVerdict.Wrong)
        {
            Console.WriteLine($"  WRONG {card.FileName}: read {reading.ReturnedNumber} (confidence {reading.Confidence:0.000}) for {card.Number}");
        }

        if ((index + 1) % 50 == 0)
        {
            Console.WriteLine($"  {level}: {index + 1}/{count}");
        }
    }
}

var report = new AccuracyReport(readings);
var heading = $"{provider.Name}{(lineOnly ? ", number-line crops only" : string.Empty)}, {count} cards per level, seed {seed}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, provider load {load.ElapsedMilliseconds} ms";
var markdown = report.ToMarkdown(heading);
Console.WriteLine();
Console.WriteLine(markdown);
if (markdownPath != null)
{
    File.WriteAllText(markdownPath, markdown);
}

if (csvPath != null)
{
    var csv = new StringBuilder("file,level,style,origin,network,grouping,tilt,digit_px,number,verdict,returned,confidence,expiry,returned_expiry,ms,cpu_ms,error\n");
    foreach (var r in readings)
    {
        var c = r.Card;
        csv.Append(CultureInfo.InvariantCulture,
            $"{c.FileName},{c.Level},{c.Style},{c.Origin},{c.Network},{string.Join("-", c.Grouping)},{r.LineTilt:0.0},{r.DigitHeight:0},{c.Number},{r.Verdict},{r.ReturnedNumber},{r.Confidence:0.0000},{c.Expiry},{r.ReturnedExpiry},{r.Milliseconds:0},{r.CpuMilliseconds:0},\"{r.Error.Replace("\"", "'", StringComparison.Ordinal)}\"\n");
    }

    File.WriteAllText(csvPath, csv.ToString());
}

return 0;

static string RepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "BankcardOcr.sln")))
        {
            return dir.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
