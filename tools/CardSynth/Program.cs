using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using BankcardOcr.CardSynth;

// CardSynth --out DIR [--seed N] [--count N] [--level clean|hard|worn|both|all] [--style flat|embossed] [--origin chinese|international] [--png] [--line-crops]
// Writes the images and truth.csv (file,number,printed,expiry,style,origin,level,network,bank,seed,numberquad as "x y" of the line's four corners,
// damage: the worn level's face damage, space-separated).
ulong seed = 1;
var count = 10;
var levels = new[] { CardLevel.Clean, CardLevel.Hard };
PrintStyle? style = null;
CardOrigin? origin = null;
var png = false;
var lineCrops = false;
string? outDir = null;
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    switch (args[i])
    {
        case "--seed": seed = ulong.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--count": count = int.Parse(Value(), CultureInfo.InvariantCulture); break;
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
        case "--style": style = Enum.Parse<PrintStyle>(Value(), ignoreCase: true); break;
        case "--origin": origin = Enum.Parse<CardOrigin>(Value(), ignoreCase: true); break;
        case "--png": png = true; break;
        case "--line-crops": lineCrops = true; break;
        case "--out": outDir = Value(); break;
        default:
            Console.Error.WriteLine($"Unknown option {args[i]}. Usage: CardSynth --out DIR [--seed N] [--count N] [--level clean|hard|worn|both|all] [--style flat|embossed] [--origin chinese|international] [--png] [--line-crops]");
            return 2;
    }
}

if (outDir is null)
{
    Console.Error.WriteLine("--out DIR is required.");
    return 2;
}

Directory.CreateDirectory(outDir);
var generator = new CardGenerator(seed);
var truth = new StringBuilder("file,number,printed,expiry,style,origin,level,network,bank,seed,numberquad,damage\n");
foreach (var level in levels)
{
    for (var index = 0; index < count; index++)
    {
        var card = generator.Generate(level, index, style, origin, png);
        File.WriteAllBytes(Path.Combine(outDir, card.FileName), card.Image);
        if (lineCrops)
        {
            // The number line alone, e.g. to train or test a line recognizer.
            File.WriteAllBytes(Path.Combine(outDir, Path.ChangeExtension(card.FileName, ".line.png")), NumberLineCrop.Cut(card));
        }
        truth.Append(CultureInfo.InvariantCulture, $"{card.FileName},{card.Number},{card.PrintedNumber},{card.Expiry},{card.Style},{card.Origin},{card.Level},{card.Network},{card.BankCode},{card.Seed},{string.Join(" ", card.NumberQuad.Select(p => $"{p.X:0.#} {p.Y:0.#}"))},{string.Join(" ", card.Damage)}\n");
    }
}

File.WriteAllText(Path.Combine(outDir, "truth.csv"), truth.ToString());
Console.WriteLine($"{count * levels.Length} cards written to {outDir}");
return 0;
