using System.Globalization;
using BankcardOcr.CardSynth;
using BankcardOcr.Imaging;
using BankcardOcr.LineReaders;
using BankcardOcr.Providers.Local;

// LineReaders boxes [--real DIR] [--count N] [--synthetic N] [--seed S]
//     detector boxes around true number lines: N synthetic cards per level, the first N real lines/ photos
var command = args.Length > 0 ? args[0] : "help";
string? realArg = null;
var count = 60;
var synthetic = 60;
ulong seed = 9001;
for (var i = 1; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    switch (args[i])
    {
        case "--real": realArg = Value(); break;
        case "--count": count = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--synthetic": synthetic = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--seed": seed = ulong.Parse(Value(), CultureInfo.InvariantCulture); break;
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
    default:
        Console.Error.WriteLine("usage: LineReaders boxes [--real DIR] [--count N] [--synthetic N] [--seed S]");
        return 2;
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
        var image = Shrunk(RgbDecoder.Decode(File.ReadAllBytes(Path.Combine(real, "lines", row["file"])))!, out var scale);
        var quad = RealFolder.Quad(row).Select(p => new CardPoint(p.X * scale, p.Y * scale)).ToArray();
        yield return ($"real lines {row["subset"]}", image, LineFrame.FromQuad(quad));
    }
}

// As the recognizer loads a photo: at most 1280 on the long side.
static RgbImage Shrunk(RgbImage image, out float scale)
{
    var longSide = Math.Max(image.Width, image.Height);
    scale = 1;
    if (longSide <= CardReader.LargestScale)
    {
        return image;
    }

    scale = (float)CardReader.LargestScale / longSide;
    return BoxResampler.Resize(image, Math.Max(1, (int)Math.Round(image.Width * scale)), Math.Max(1, (int)Math.Round(image.Height * scale)));
}
