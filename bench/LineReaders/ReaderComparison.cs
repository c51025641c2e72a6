using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using BankcardOcr.CardSynth;
using BankcardOcr.Imaging;
using BankcardOcr.Providers.Local;

namespace BankcardOcr.LineReaders;

/// <summary>
/// PP-OCRv4's recognizer (as the cascade runs it) and the card-digit model on the same boxes: the held-out real
/// crops, synthetic number lines from a seed the model never trained on, and the true number lines of a labelled
/// photo folder (measuring only). Aggregates only: no reading and no number is printed.
/// </summary>
internal sealed class ReaderComparison
{
    /// <summary>Salt of the crops' test split; tools/DigitReader/data.py applies the same rule.</summary>
    private const string SplitSalt = "card-digits-test-1";

    private readonly OcrModels _ppocr;
    private readonly DigitLineReader _digits;

    public ReaderComparison(OcrModels ppocr, DigitLineReader digits)
    {
        _ppocr = ppocr;
        _digits = digits;
    }

    /// <summary>Whether a crop is in the held-out fifth: SHA-256 of salt + name, first byte below 51.</summary>
    public static bool IsTestCrop(string name) => SHA256.HashData(Encoding.UTF8.GetBytes(SplitSalt + name))[0] < 51;

    /// <summary>Reads <paramref name="boxes"/> of <paramref name="image"/> with both readers, timing each.</summary>
    public (string[] PpOcr, string[] Digits) ReadBoth(RgbImage image, IReadOnlyList<TextBox> boxes, PairScore score)
    {
        var (p, d) = ReadBothFully(image, boxes, score);
        return (p.Select(r => r.Text).ToArray(), d.Select(r => r.Text).ToArray());
    }

    /// <summary>As <see cref="ReadBoth"/>, with each character's probability.</summary>
    public (RecognizedText[] PpOcr, IReadOnlyList<RecognizedText> Digits) ReadBothFully(RgbImage image, IReadOnlyList<TextBox> boxes, PairScore score)
    {
        var watch = Stopwatch.StartNew();
        var p = new PpOcrLineReader(_ppocr.Recognizer, _ppocr.Columns).Read(image, boxes).ToArray();
        score.PpOcr.Milliseconds += watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var d = _digits.Read(image, boxes);
        score.Digits.Milliseconds += watch.Elapsed.TotalMilliseconds;
        return (p, d);
    }

    /// <summary>(a) The held-out real 4-digit crops, each read whole.</summary>
    public PairScore Crops(string realcards)
    {
        var score = new PairScore();
        var folder = Path.Combine(realcards, "crops");
        foreach (var file in Directory.GetFiles(folder, "*.png").Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal))
        {
            if (!IsTestCrop(file!))
            {
                continue;
            }

            var image = RgbDecoder.Decode(File.ReadAllBytes(Path.Combine(folder, file!)))!;
            var box = new TextBox(0, 0, image.Width, image.Height, 1);
            var (p, d) = ReadBoth(image, new[] { box }, score);
            score.Add(file!.Substring(0, 4).Replace("_", string.Empty, StringComparison.Ordinal), p[0], d[0]);
        }

        return score;
    }

    /// <summary>(b) CardSynth cards of one level, the true number line boxed as the detector typically boxes it.</summary>
    public PairScore Synthetic(CardLevel level, int count, ulong seed)
    {
        var score = new PairScore();
        var generator = new CardGenerator(seed);
        for (var i = 0; i < count; i++)
        {
            var card = generator.Generate(level, i);
            var image = RgbDecoder.Decode(card.Image)!;
            var box = TypicalBox(LineFrame.FromQuad(card.NumberQuad), 1f);
            var (p, d) = ReadBoth(image, new[] { box }, score);
            score.Add(card.Number, p[0], d[0]);
        }

        return score;
    }

    /// <summary>
    /// (c) The true number lines of a labelled photo folder (labels.csv: card_number, print; quads.csv), for rows whose
    /// number was read in full, per print; and (c′) the line the detector finds over it, as the cascade would read it.
    /// </summary>
    public Dictionary<string, PairScore> Photos(string folder)
    {
        var scores = new Dictionary<string, PairScore>(StringComparer.Ordinal);
        PairScore Score(string key) => scores.TryGetValue(key, out var s) ? s : scores[key] = new PairScore();
        var labels = RealFolder.ReadCsv(Path.Combine(folder, "labels.csv")).ToDictionary(r => r["file"], StringComparer.Ordinal);
        foreach (var row in RealFolder.ReadCsv(Path.Combine(folder, "quads.csv")))
        {
            if (!labels.TryGetValue(row["file"], out var label))
            {
                continue;
            }

            var number = label["card_number"].Replace(" ", string.Empty, StringComparison.Ordinal);
            if (number.Length == 0 || !number.All(char.IsAsciiDigit))
            {
                continue;
            }

            var image = RealFolder.AsLoaded(RgbDecoder.Decode(File.ReadAllBytes(Path.Combine(folder, row["file"])))!, out var scale);
            var frame = LineFrame.FromQuad(RealFolder.Quad(row).Select(p => new CardPoint(p.X * scale, p.Y * scale)).ToArray());

            // Marked quads hold the digits with a little room (about 1.15 digit heights).
            var truthBox = TypicalBox(frame with { Height = frame.Height / 1.15f }, 1f);
            foreach (var key in new[] { "true line, all", $"true line, {label["print"]}", $"true line, {label["scored"]}" })
            {
                var (p, d) = ReadBothFully(image, new[] { truthBox }, Score(key));
                Score(key).Add(number, p[0].Text, d[0].Text);
                Score(key).AddVerified(number, p[0], d[0]);
            }

            var detected = DetectedLine(image, frame);
            if (detected is TextBox line)
            {
                foreach (var key in new[] { "detected line, all", $"detected line, {label["print"]}", $"detected line, {label["scored"]}" })
                {
                    var (p, d) = ReadBothFully(image, new[] { line }, Score(key));
                    Score(key).Add(number, p[0].Text, d[0].Text);
                    Score(key).AddVerified(number, p[0], d[0]);
                }
            }
        }

        return scores;
    }

    /// <summary>The joined line of the first detection pass (640, as the cascade's) that overlaps the true line most.</summary>
    private TextBox? DetectedLine(RgbImage image, LineFrame truth)
    {
        var map = new PpOcrTextDetector(_ppocr.Detector).Detect(image, Math.Min(640, Math.Max(image.Width, image.Height)));
        TextBox? best = null;
        var bestCover = 0.0;
        foreach (var line in NumberLines.Join(map.Boxes(0.3f, 0.6f)))
        {
            if (BoxSurvey.Best(new[] { line }, truth) is double[] fit && fit[5] > bestCover)
            {
                bestCover = fit[5];
                best = line;
            }
        }

        return best;
    }

    /// <summary>A box as the detector typically puts it around the digits: 1.5 digit heights tall, 0.2 heights past each end.</summary>
    public static TextBox TypicalBox(LineFrame digits, float scale) =>
        TextBox.Around(digits.CenterX, digits.CenterY, (digits.Width + (0.4f * digits.Height)) * scale, 1.5f * digits.Height * scale, 1, digits.Angle);
}
