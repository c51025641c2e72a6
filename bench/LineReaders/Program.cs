using System.Globalization;
using BankcardOcr.CardSynth;
using BankcardOcr.Imaging;
using BankcardOcr.LineReaders;
using BankcardOcr.Providers.Local;

// LineReaders compare [--real DIR] [--model FILE] [--synthetic N] [--seed S] [--no-photos]
//     PP-OCRv4's recognizer and the card-digit model on the same boxes (held-out real crops, N synthetic lines per
//     level of seed S, the true number lines of DIR/photos); --model reads a model file instead of the built module's;
//     --no-photos leaves the measuring photos out, for choosing between models on evidence that is not them
// LineReaders boxes [--real DIR] [--count N] [--synthetic N] [--seed S]
//     detector boxes around true number lines: N synthetic cards per level, the first N real lines/ photos
var command = args.Length > 0 ? args[0] : "help";
string? realArg = null;
string? modelArg = null;
var count = 60;
var synthetic = 60;
ulong seed = 9001;
var photos = true;
for (var i = 1; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    switch (args[i])
    {
        case "--real": realArg = Value(); break;
        case "--model": modelArg = Value(); break;
        case "--count": count = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--synthetic": synthetic = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--seed": seed = ulong.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--no-photos": photos = false; break;
        default: throw new ArgumentException($"Unknown option {args[i]}.");
    }
}

var module = Path.Combine(RealFolder.RepoRoot(), "out", "BankcardOcr");
var real = RealFolder.Locate(realArg);
switch (command)
{
    case "boxes":
        var models = OcrModels.Get(module, Environment.ProcessorCount);
        BoxSurvey.Run(models, SurveyLines(real, synthetic, count, seed));
        return 0;
    case "compare":
        Compare(module, real, modelArg, synthetic, seed, photos);
        return 0;
    default:
        Console.Error.WriteLine("usage: LineReaders compare|boxes [--real DIR] [--model FILE] [--count N] [--synthetic N] [--seed S] [--no-photos]");
        return 2;
}

static void Compare(string module, string? real, string? modelFile, int count, ulong seed, bool readPhotos)
{
    // One thread per inference: the per-line latency a photo sees when the module reads ThrottleLimit photos at once.
    var ppocr = OcrModels.Get(module, 1);
    var modelDirectory = module;
    if (modelFile != null)
    {
        // The runtime is loaded from the module already; only the model comes from elsewhere.
        modelDirectory = Directory.CreateTempSubdirectory("linereaders-").FullName;
        Directory.CreateDirectory(Path.Combine(modelDirectory, "models"));
        File.Copy(modelFile, Path.Combine(modelDirectory, "models", DigitModel.File));
    }

    var comparison = new ReaderComparison(ppocr, new DigitLineReader(DigitModel.Get(modelDirectory, 1).Session));
    Console.WriteLine(PairScore.Header);
    if (real != null)
    {
        Console.WriteLine(comparison.Crops(real).Row("(a) real crops, test split"));
    }
    else
    {
        Console.WriteLine("(no real-card folder: real sets skipped)");
    }

    foreach (var level in new[] { CardLevel.Clean, CardLevel.Hard, CardLevel.Worn })
    {
        Console.WriteLine(comparison.Synthetic(level, count, seed).Row($"(b) synthetic {level.ToString().ToLowerInvariant()}, seed {seed}"));
    }

    if (real != null && readPhotos)
    {
        var photos = comparison.Photos(Path.Combine(real, "photos")).OrderBy(k => k.Key, StringComparer.Ordinal).ToList();
        foreach (var (set, score) in photos)
        {
            Console.WriteLine(score.Row("(c) " + set));
        }

        // What the card rules (15-19 digits, Luhn, an issuer's prefix and length, no digit below 0.5) verify in
        // each reading of the photos' lines, alone and when both readers must verify the same number.
        Console.WriteLine();
        Console.WriteLine(PairScore.VerifiedHeader);
        foreach (var (set, score) in photos)
        {
            Console.WriteLine(score.VerifiedRow("(c) " + set));
        }
    }
}

static IEnumerable<(string, RgbImage, LineFrame)> SurveyLines(string? real, int synthetic, int count, ulong seed)
{
    var generator = new CardGenerator(seed);
    foreach (var level in new[] { CardLevel.Clean, CardLevel.Hard })
    {
        for (var i = 0; i < synthetic; i++)
        {
            var card = generator.Generate(level, i);
            yield return ($"synthetic {level.ToString().ToLowerInvariant()} {card.Style.ToString().ToLowerInvariant()}", RgbDecoder.Decode(card.Image)!, LineFrame.FromQuad(card.NumberQuad));
        }
    }

    if (real is null)
    {
        yield break;
    }

    // lines/ only: photos/ is the measuring set and never shapes training.
    foreach (var row in RealFolder.ReadCsv(Path.Combine(real, "lines", "quads.csv")).Take(count))
    {
        var image = RealFolder.AsLoaded(RgbDecoder.Decode(File.ReadAllBytes(Path.Combine(real, "lines", row["file"])))!, out var scale);
        var quad = RealFolder.Quad(row).Select(p => new CardPoint(p.X * scale, p.Y * scale)).ToArray();
        yield return ($"real lines {row["subset"]}", image, LineFrame.FromQuad(quad));
    }
}
