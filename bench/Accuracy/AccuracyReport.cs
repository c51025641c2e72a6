using System.Globalization;
using System.Text;
using BankcardOcr.CardSynth;

namespace BankcardOcr.Accuracy;

/// <summary>The figures of one set of readings, and their Markdown for docs/accuracy.md.</summary>
internal sealed class AccuracyReport
{
    // Goals from issue 11: ≥ 97 % exact on clean, ≥ 85 % on hard, ≤ 0.5 % wrong, median ≤ 200 ms per photo.
    public const double CleanGoal = 0.97;
    public const double HardGoal = 0.85;
    public const double WrongLimit = 0.005;
    public const double MedianLimitMs = 200;

    // Confidence bins for the reliability table: finer near 1, where a calibrated recognizer should put most answers.
    private static readonly double[] BinEdges = { 0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0000001 };

    private readonly IReadOnlyList<CardReading> _readings;

    public AccuracyReport(IReadOnlyList<CardReading> readings) => _readings = readings;

    public sealed record Rates(int Count, int Exact, int Wrong, int Abstained, int Failed)
    {
        public double ExactRate => Count == 0 ? 0 : (double)Exact / Count;

        public double WrongRate => Count == 0 ? 0 : (double)Wrong / Count;

        public double AbstainRate => Count == 0 ? 0 : (double)Abstained / Count;
    }

    public sealed record ReliabilityBin(double From, double To, int Count, double MeanConfidence, double Observed);

    public static Rates Tally(IEnumerable<CardReading> readings)
    {
        var list = readings.ToList();
        return new Rates(
            list.Count,
            list.Count(r => r.Verdict == ReadingVerdict.Exact),
            list.Count(r => r.Verdict == ReadingVerdict.Wrong),
            list.Count(r => r.Verdict == ReadingVerdict.Abstained),
            list.Count(r => r.Verdict == ReadingVerdict.Failed));
    }

    /// <summary>Of the numbers returned with a confidence in each bin, how many were right.</summary>
    public static IReadOnlyList<ReliabilityBin> Reliability(IEnumerable<CardReading> readings)
    {
        var answered = readings.Where(r => r.Confidence.HasValue && (r.Verdict == ReadingVerdict.Exact || r.Verdict == ReadingVerdict.Wrong)).ToList();
        var bins = new List<ReliabilityBin>();
        for (var i = 0; i + 1 < BinEdges.Length; i++)
        {
            var inBin = answered.Where(r => r.Confidence!.Value >= BinEdges[i] && r.Confidence.Value < BinEdges[i + 1]).ToList();
            bins.Add(new ReliabilityBin(
                BinEdges[i],
                Math.Min(1, BinEdges[i + 1]),
                inBin.Count,
                inBin.Count == 0 ? 0 : inBin.Average(r => r.Confidence!.Value),
                inBin.Count == 0 ? 0 : inBin.Count(r => r.Verdict == ReadingVerdict.Exact) / (double)inBin.Count));
        }

        return bins;
    }

    /// <summary>Expected calibration error: the count-weighted gap between stated confidence and observed accuracy.</summary>
    public static double CalibrationError(IReadOnlyList<ReliabilityBin> bins)
    {
        var total = bins.Sum(b => b.Count);
        return total == 0 ? 0 : bins.Sum(b => b.Count * Math.Abs(b.MeanConfidence - b.Observed)) / total;
    }

    /// <summary>The nearest-rank percentile (p in 0..100) of a set of values.</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.OrderBy(v => v).ToList();
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public string ToMarkdown(string heading)
    {
        var md = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        md.AppendLine(c, $"### {heading}").AppendLine();
        md.AppendLine("| Level | Cards | Exact | Wrong | Abstained | Failed | Expiry right | Median ms | p95 ms | Goal |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var level in _readings.Select(r => r.Card.Level).Distinct().OrderBy(l => l))
        {
            var set = _readings.Where(r => r.Card.Level == level).ToList();
            var t = Tally(set);
            var goal = level == CardLevel.Clean ? CleanGoal : HardGoal;
            var met = t.ExactRate >= goal && t.WrongRate <= WrongLimit;
            var expiry = set.Count(r => r.ExpiryRight) / (double)Math.Max(1, t.Count);
            // The worn level is meant to fail as real photos do: it is compared with them, not held to a goal.
            var verdict = level == CardLevel.Worn
                ? $"none: compare with real photos; wrong ≤ {WrongLimit:P1}: {(t.WrongRate <= WrongLimit ? "met" : "**not met**")}"
                : $"exact ≥ {goal:P0}, wrong ≤ {WrongLimit:P1}: {(met ? "met" : "**not met**")}";
            md.AppendLine(c, $"| {level} | {t.Count} | {Pct(t.ExactRate)} | {Pct(t.WrongRate)} | {Pct(t.AbstainRate)} | {t.Failed} | {Pct(expiry)} | {Percentile(set.Select(r => r.Milliseconds), 50):0} | {Percentile(set.Select(r => r.Milliseconds), 95):0} | {verdict} |");
        }

        md.AppendLine().AppendLine("By print style and origin (exact / wrong / abstained):").AppendLine();
        md.AppendLine("| Level | Style | Origin | Cards | Exact | Wrong | Abstained |");
        md.AppendLine("|---|---|---|---:|---:|---:|---:|");
        foreach (var group in _readings.GroupBy(r => (r.Card.Level, r.Card.Style, r.Card.Origin)).OrderBy(g => g.Key))
        {
            var t = Tally(group);
            md.AppendLine(c, $"| {group.Key.Level} | {group.Key.Style} | {group.Key.Origin} | {t.Count} | {Pct(t.ExactRate)} | {Pct(t.WrongRate)} | {Pct(t.AbstainRate)} |");
        }

        // Which conditions the misses come from: the line's tilt and the digits' size in the photo.
        md.AppendLine().AppendLine("By number-line tilt and digit height in the photo, both levels together:").AppendLine();
        md.AppendLine("| Condition | Cards | Exact | Wrong | Abstained |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        var conditions = new (string Name, Func<CardReading, bool> Holds)[]
        {
            ("tilt < 3°", r => r.LineTilt < 3),
            ("tilt 3–7°", r => r.LineTilt >= 3 && r.LineTilt < 7),
            ("tilt ≥ 7°", r => r.LineTilt >= 7),
            ("digits < 20 px", r => r.DigitHeight < 20),
            ("digits 20–30 px", r => r.DigitHeight >= 20 && r.DigitHeight < 30),
            ("digits ≥ 30 px", r => r.DigitHeight >= 30),
        };
        foreach (var (name, holds) in conditions)
        {
            var t = Tally(_readings.Where(holds));
            md.AppendLine(c, $"| {name} | {t.Count} | {Pct(t.ExactRate)} | {Pct(t.WrongRate)} | {Pct(t.AbstainRate)} |");
        }

        var bins = Reliability(_readings);
        md.AppendLine().AppendLine(c, $"Confidence calibration (numbers returned, both levels; expected calibration error {CalibrationError(bins):0.000}):").AppendLine();
        md.AppendLine("| Reported confidence | Numbers | Mean confidence | Observed exact |");
        md.AppendLine("|---|---:|---:|---:|");
        foreach (var bin in bins)
        {
            md.AppendLine(c, $"| {bin.From:0.00}–{bin.To:0.00} | {bin.Count} | {(bin.Count == 0 ? "–" : bin.MeanConfidence.ToString("0.000", c))} | {(bin.Count == 0 ? "–" : Pct(bin.Observed))} |");
        }

        var all = _readings.Select(r => r.Milliseconds).ToList();
        var median = Percentile(all, 50);
        var cpu = _readings.Select(r => r.CpuMilliseconds).ToList();
        md.AppendLine().AppendLine(c, $"Latency over all {all.Count} photos, one at a time: median {median:0} ms, p95 {Percentile(all, 95):0} ms (goal: median ≤ {MedianLimitMs:0} ms: {(median <= MedianLimitMs ? "met" : "**not met**")}); CPU time per photo median {Percentile(cpu, 50):0} ms, p95 {Percentile(cpu, 95):0} ms.");
        return md.ToString();
    }

    private static string Pct(double rate) => (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
