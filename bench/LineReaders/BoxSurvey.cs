using BankcardOcr.CardSynth;
using BankcardOcr.Imaging;
using BankcardOcr.Providers.Local;

namespace BankcardOcr.LineReaders;

/// <summary>
/// How the detector's joined line boxes sit around true number lines: height over the true height, margins past
/// each end and offset across, in true heights, and the turn's error. The training lines (tools/DigitLines) jitter
/// the true box by these amounts, so the model learns the crops it will be given.
/// </summary>
internal static class BoxSurvey
{
    /// <summary>The recognizer's first two detection passes (scale, threshold, box threshold).</summary>
    private static readonly (int Scale, float Threshold, float BoxThreshold)[] Passes = { (640, 0.3f, 0.6f), (960, 0.3f, 0.6f) };

    public static void Run(OcrModels models, IEnumerable<(string Set, RgbImage Image, LineFrame Truth)> lines)
    {
        var found = new Dictionary<string, List<double[]>>(StringComparer.Ordinal);
        var missed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (set, image, truth) in lines)
        {
            var longSide = Math.Max(image.Width, image.Height);
            foreach (var pass in Passes)
            {
                var key = $"{set} @{pass.Scale}";
                var map = new PpOcrTextDetector(models.Detector).Detect(image, Math.Min(pass.Scale, longSide));
                var best = Best(NumberLines.Join(map.Boxes(pass.Threshold, pass.BoxThreshold)), truth);
                if (best is null)
                {
                    missed[key] = missed.GetValueOrDefault(key) + 1;
                }
                else
                {
                    if (!found.TryGetValue(key, out var list))
                    {
                        found[key] = list = new List<double[]>();
                    }

                    list.Add(best);
                }
            }
        }

        Console.WriteLine("set | found | missed | height ratio p10/p50/p90 | left margin | right margin | offset across | turn error ° | covered");
        foreach (var (key, list) in found.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            string P(int column) => string.Join("/", new[] { 0.1, 0.5, 0.9 }.Select(q => Percentile(list.Select(r => r[column]), q).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)));
            Console.WriteLine($"{key} | {list.Count} | {missed.GetValueOrDefault(key)} | {P(0)} | {P(1)} | {P(2)} | {P(3)} | {P(4)} | {P(5)}");
        }
    }

    /// <summary>
    /// The joined line that overlaps the true line most, in the true line's frame: [height ratio, left margin, right
    /// margin, centre offset across, turn error in degrees, share of the true length covered]; null when no line
    /// covers half of it.
    /// </summary>
    internal static double[]? Best(IEnumerable<TextBox> boxes, LineFrame truth)
    {
        double[]? best = null;
        var bestScore = 0.0;
        double cos = Math.Cos(truth.Angle), sin = Math.Sin(truth.Angle);
        foreach (var box in boxes)
        {
            // The box's corners in the true line's frame (u along, v across, origin at its centre).
            double minU = double.MaxValue, maxU = double.MinValue, minV = double.MaxValue, maxV = double.MinValue;
            double bc = Math.Cos(box.Angle), bs = Math.Sin(box.Angle);
            foreach (var (du, dv) in new[] { (-1, -1), (1, -1), (1, 1), (-1, 1) })
            {
                var x = box.CenterX + (du * box.Width / 2 * bc) - (dv * box.Height / 2 * bs) - truth.CenterX;
                var y = box.CenterY + (du * box.Width / 2 * bs) + (dv * box.Height / 2 * bc) - truth.CenterY;
                var u = (x * cos) + (y * sin);
                var v = (-x * sin) + (y * cos);
                minU = Math.Min(minU, u);
                maxU = Math.Max(maxU, u);
                minV = Math.Min(minV, v);
                maxV = Math.Max(maxV, v);
            }

            var coverU = Math.Max(0, Math.Min(maxU, truth.Width / 2) - Math.Max(minU, -truth.Width / 2)) / truth.Width;
            var coverV = Math.Max(0, Math.Min(maxV, truth.Height / 2) - Math.Max(minV, -truth.Height / 2)) / truth.Height;
            var score = coverU * coverV;
            if (coverU < 0.5 || coverV < 0.5 || box.Height > 4 * truth.Height || score <= bestScore)
            {
                continue;
            }

            bestScore = score;
            var turn = (box.Angle - truth.Angle) * 180 / Math.PI;
            best = new[]
            {
                box.Height / truth.Height,
                (-truth.Width / 2 - minU) / truth.Height,
                (maxU - truth.Width / 2) / truth.Height,
                ((minV + maxV) / 2) / truth.Height,
                turn,
                coverU,
            };
        }

        return best;
    }

    internal static double Percentile(IEnumerable<double> values, double q)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
    }
}
