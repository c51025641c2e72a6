using System.Globalization;
using System.Text;

namespace BankcardOcr.Accuracy;

/// <summary>
/// The figures of a run over labelled photos (real ones and synthetic levels side by side), as Markdown and as a
/// long CSV (<c>section,set,group,measure,value</c>). Counts and times only: no number read or printed appears.
/// </summary>
internal sealed class PhotoReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    private readonly IReadOnlyList<PhotoOutcome> _outcomes;
    private readonly StringBuilder _md = new();
    private readonly StringBuilder _csv = new("section,set,group,measure,value\n");

    /// <param name="outcomes">Every photo read, real ones first.</param>
    /// <param name="peakAfterRealBytes">The process's peak working set when the real photos were done.</param>
    /// <param name="peakBytes">The process's peak working set at the end of the run.</param>
    public PhotoReport(IReadOnlyList<PhotoOutcome> outcomes, long peakAfterRealBytes, long peakBytes)
    {
        _outcomes = outcomes;
        PeakAfterRealBytes = peakAfterRealBytes;
        PeakBytes = peakBytes;
    }

    public long PeakAfterRealBytes { get; }

    public long PeakBytes { get; }

    public string Csv => _csv.ToString();

    /// <summary>The groups each table is split into: per set, then by how the photo is scored and printed.</summary>
    public static IEnumerable<(string Set, string Group, List<PhotoOutcome> Outcomes)> Groups(IEnumerable<PhotoOutcome> outcomes, Func<PhotoOutcome, bool> include)
    {
        foreach (var set in outcomes.GroupBy(o => o.Photo.Set))
        {
            var list = set.Where(include).ToList();
            if (set.Key != "real")
            {
                yield return (set.Key, "all", list);
                foreach (var print in list.GroupBy(o => o.Photo.Print).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    yield return (set.Key, print.Key, print.ToList());
                }

                continue;
            }

            foreach (var scoring in list.GroupBy(o => o.Photo.Scoring).OrderBy(g => g.Key))
            {
                var name = scoring.Key.ToString().ToLowerInvariant();
                yield return (set.Key, $"scored {name}", scoring.ToList());
                if (scoring.Key != Scoring.None)
                {
                    foreach (var print in scoring.GroupBy(o => o.Photo.Print).OrderBy(g => g.Key, StringComparer.Ordinal))
                    {
                        yield return (set.Key, $"scored {name}, {print.Key}", print.ToList());
                    }
                }
            }

            yield return (set.Key, "all", list);
        }
    }

    public string ToMarkdown(string heading)
    {
        _md.AppendLine(C, $"### {heading}").AppendLine();
        DefaultMode();
        RawReadings();
        Dates();
        Times();
        Steps();
        Stages();
        _md.AppendLine(C, $"Peak working set of the bench process (one photo at a time, models loaded once): {Mb(PeakAfterRealBytes)} MB after the real photos, {Mb(PeakBytes)} MB over the whole run.");
        Record("memory", "real", "process", "peak_working_set_mb", Mb(PeakAfterRealBytes));
        Record("memory", "all", "process", "peak_working_set_mb", Mb(PeakBytes));
        return _md.ToString();
    }

    private void DefaultMode()
    {
        _md.AppendLine("Default mode (a photo scored raw or none is answered right by abstaining; any number returned for it is wrong):").AppendLine();
        _md.AppendLine("| Set | Group | Photos | Exact | Wrong | Abstained | Failed |");
        _md.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var (set, group, list) in Groups(_outcomes, _ => true))
        {
            var exactScored = list.All(o => o.Photo.Scoring == Scoring.Exact);
            var exact = list.Count(o => o.Verdict == ReadingVerdict.Exact);
            var wrong = list.Count(o => o.Verdict == ReadingVerdict.Wrong);
            var abstained = list.Count(o => o.Verdict == ReadingVerdict.Abstained);
            var failed = list.Count(o => o.Verdict == ReadingVerdict.Failed);
            var exactText = exactScored ? Share(exact, list.Count) : list.Any(o => o.Photo.Scoring == Scoring.Exact) ? exact.ToString(C) : "–";
            _md.AppendLine(C, $"| {set} | {group} | {list.Count} | {exactText} | {(wrong > 0 ? $"**{wrong}**" : "0")} | {abstained} | {failed} |");
            Record("default", set, group, "photos", list.Count);
            Record("default", set, group, "exact", exact);
            Record("default", set, group, "wrong", wrong);
            Record("default", set, group, "abstained", abstained);
            Record("default", set, group, "failed", failed);
        }

        _md.AppendLine();
    }

    private void RawReadings()
    {
        _md.AppendLine("With IncludeUnverified, over photos whose printed digits are labelled in full (raw exact: the printed digits returned, specimens included):").AppendLine();
        _md.AppendLine("| Set | Group | Photos | Raw exact | Other digits | Nothing |");
        _md.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var (set, group, list) in Groups(_outcomes, o => o.Photo.HasFullNumber))
        {
            var exact = list.Count(o => o.RawVerdict == ReadingVerdict.Exact);
            var other = list.Count(o => o.RawVerdict == ReadingVerdict.Wrong);
            var nothing = list.Count - exact - other;
            _md.AppendLine(C, $"| {set} | {group} | {list.Count} | {Share(exact, list.Count)} | {other} | {nothing} |");
            Record("raw", set, group, "photos", list.Count);
            Record("raw", set, group, "raw_exact", exact);
            Record("raw", set, group, "other_digits", other);
        }

        _md.AppendLine();
    }

    private void Dates()
    {
        _md.AppendLine("ValidThru, over photos that print a real MM/YY (month 01–12); a placeholder (00/00, 88/88) or no date is not scored. Wrong: a date returned that is not the printed one:").AppendLine();
        _md.AppendLine("| Set | Printed dates | Right | Wrong | Missing | Right, IncludeUnverified | Wrong, IncludeUnverified | Not scored (placeholder or none) | Dates returned on those |");
        _md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var set in _outcomes.GroupBy(o => o.Photo.Set))
        {
            var dated = set.Where(o => o.Expiry != ExpiryVerdict.NotScored).ToList();
            var right = dated.Count(o => o.Expiry == ExpiryVerdict.Right);
            var wrong = dated.Count(o => o.Expiry == ExpiryVerdict.Wrong);
            var missing = dated.Count(o => o.Expiry == ExpiryVerdict.Missing);
            var rawRight = dated.Count(o => o.RawExpiry == ExpiryVerdict.Right);
            var rawWrong = dated.Count(o => o.RawExpiry == ExpiryVerdict.Wrong);
            var undated = set.Count() - dated.Count;
            var strays = set.Count(o => o.DateWithoutPrintedDate);
            _md.AppendLine(C, $"| {set.Key} | {dated.Count} | {Share(right, dated.Count)} | {wrong} | {missing} | {Share(rawRight, dated.Count)} | {rawWrong} | {undated} | {strays} |");
            Record("validthru", set.Key, "printed", "photos", dated.Count);
            Record("validthru", set.Key, "printed", "right", right);
            Record("validthru", set.Key, "printed", "wrong", wrong);
            Record("validthru", set.Key, "printed", "missing", missing);
            Record("validthru", set.Key, "printed", "right_unverified", rawRight);
            Record("validthru", set.Key, "printed", "wrong_unverified", rawWrong);
            Record("validthru", set.Key, "not_scored", "photos", undated);
            Record("validthru", set.Key, "not_scored", "dates_returned", strays);
        }

        _md.AppendLine();
    }

    private void Times()
    {
        _md.AppendLine("Time per photo, one at a time (prepare + recognise; wall and process CPU). Read: a number returned in default mode; abstained: none:").AppendLine();
        _md.AppendLine("| Set | Photos | Median ms | p90 ms | Median CPU ms | p90 CPU ms | Read | Median ms (CPU), read | Abstained | Median ms (CPU), abstained | p90 ms abstained | Abstained ÷ read, median ms (CPU) |");
        _md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var medians = new Dictionary<string, (double Median, double P90, double Cpu)>(StringComparer.Ordinal);
        foreach (var set in _outcomes.GroupBy(o => o.Photo.Set))
        {
            var all = set.ToList();
            var read = all.Where(o => o.Answered).ToList();
            var abstained = all.Where(o => o.Verdict == ReadingVerdict.Abstained).ToList();
            var median = Median(all, o => o.Milliseconds);
            var p90 = AccuracyReport.Percentile(all.Select(o => o.Milliseconds), 90);
            var cpu = Median(all, o => o.CpuMilliseconds);
            var readMedian = Median(read, o => o.Milliseconds);
            var readCpu = Median(read, o => o.CpuMilliseconds);
            var abstainedMedian = Median(abstained, o => o.Milliseconds);
            var abstainedCpu = Median(abstained, o => o.CpuMilliseconds);
            medians[set.Key] = (median, p90, cpu);
            _md.AppendLine(C, $"| {set.Key} | {all.Count} | {median:0} | {p90:0} | {cpu:0} | {AccuracyReport.Percentile(all.Select(o => o.CpuMilliseconds), 90):0} | {read.Count} | {Ms(readMedian)} ({Ms(readCpu)}) | {abstained.Count} | {Ms(abstainedMedian)} ({Ms(abstainedCpu)}) | {Ms(AccuracyReport.Percentile(abstained.Select(o => o.Milliseconds), 90))} | {Ratio(abstainedMedian, readMedian)} ({Ratio(abstainedCpu, readCpu)}) |");
            Record("time", set.Key, "all", "median_ms", median);
            Record("time", set.Key, "all", "p90_ms", p90);
            Record("time", set.Key, "all", "median_cpu_ms", Median(all, o => o.CpuMilliseconds));
            Record("time", set.Key, "all", "p90_cpu_ms", AccuracyReport.Percentile(all.Select(o => o.CpuMilliseconds), 90));
            Record("time", set.Key, "read", "median_ms", readMedian);
            Record("time", set.Key, "read", "median_cpu_ms", readCpu);
            Record("time", set.Key, "abstained", "median_ms", abstainedMedian);
            Record("time", set.Key, "abstained", "median_cpu_ms", abstainedCpu);
        }

        var synthetic = _outcomes.Where(o => o.Photo.Set != "real").ToList();
        if (medians.TryGetValue("real", out var real) && synthetic.Count > 0)
        {
            var synthMedian = Median(synthetic, o => o.Milliseconds);
            var synthP90 = AccuracyReport.Percentile(synthetic.Select(o => o.Milliseconds), 90);
            var synthCpu = Median(synthetic, o => o.CpuMilliseconds);
            _md.AppendLine().AppendLine(C, $"Real against synthetic in this run (all synthetic levels together: median {synthMedian:0} ms, p90 {synthP90:0} ms, median CPU {synthCpu:0} ms): real median {Ratio(real.Median, synthMedian)} the synthetic median (CPU {Ratio(real.Cpu, synthCpu)}), real p90 {Ratio(real.P90, synthMedian)} the synthetic median ({Ratio(real.P90, synthP90)} the synthetic p90).");
            Record("time", "real/synthetic", "all", "median_ratio", real.Median / synthMedian);
            Record("time", "real/synthetic", "all", "median_cpu_ratio", real.Cpu / synthCpu);
            Record("time", "real/synthetic", "all", "p90_over_synthetic_median", real.P90 / synthMedian);
            Record("time", "real/synthetic", "all", "p90_ratio", real.P90 / synthP90);
        }

        _md.AppendLine();
    }

    /// <summary>Which step of the cascade verified each number returned, and what read and abstaining photos cost in inference work.</summary>
    private void Steps()
    {
        var steps = _outcomes.Where(o => o.VerifiedBy.Length > 0).Select(o => o.VerifiedBy).Distinct()
            .OrderBy(s => s.StartsWith("turned", StringComparison.Ordinal)).ThenBy(s => s, StringComparer.Ordinal).ToList();
        _md.AppendLine("Which step of the cascade verified the number returned (pass N in the tuning's order; *n wrong* when some of them were wrong), and how many dates came from the date look:").AppendLine();
        _md.AppendLine(C, $"| Set | Read | {string.Join(" | ", steps)} | Date from the date look |");
        _md.AppendLine(C, $"|---|---:|{string.Concat(steps.Select(_ => "---:|"))}---:|");
        foreach (var set in _outcomes.GroupBy(o => o.Photo.Set))
        {
            var read = set.Where(o => o.Answered).ToList();
            var cells = steps.Select(step =>
            {
                var n = read.Count(o => o.VerifiedBy == step);
                var wrong = read.Count(o => o.VerifiedBy == step && o.Verdict == ReadingVerdict.Wrong);
                Record("steps", set.Key, step, "verified", n);
                Record("steps", set.Key, step, "wrong", wrong);
                return wrong > 0 ? string.Create(C, $"{n} ({wrong} wrong)") : n.ToString(C);
            });
            var dateLook = read.Count(o => o.DateLookFoundDate);
            var dateLookRight = read.Count(o => o.DateLookFoundDate && o.Expiry == ExpiryVerdict.Right);
            Record("steps", set.Key, "date look", "dates", dateLook);
            Record("steps", set.Key, "date look", "dates_right", dateLookRight);
            _md.AppendLine(C, $"| {set.Key} | {read.Count} | {string.Join(" | ", cells)} | {dateLook} ({dateLookRight} right) |");
        }

        _md.AppendLine().AppendLine("Inference work per photo (medians; every orientation included):").AppendLine();
        _md.AppendLine("| Set | Read: detections | megapixels detected | lines read | Abstained: detections | megapixels detected | lines read |");
        _md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var set in _outcomes.GroupBy(o => o.Photo.Set))
        {
            var read = set.Where(o => o.Answered).ToList();
            var abstained = set.Where(o => o.Verdict == ReadingVerdict.Abstained).ToList();
            string Work(List<PhotoOutcome> list) => list.Count == 0 ? "– | – | –"
                : string.Create(C, $"{Median(list, o => o.Detections):0} | {Median(list, o => o.DetectedMegapixels):0.00} | {Median(list, o => o.LinesRead):0}");
            _md.AppendLine(C, $"| {set.Key} | {Work(read)} | {Work(abstained)} |");
            Record("work", set.Key, "read", "median_detections", Median(read, o => o.Detections));
            Record("work", set.Key, "read", "median_detected_mpx", Median(read, o => o.DetectedMegapixels));
            Record("work", set.Key, "read", "median_lines_read", Median(read, o => o.LinesRead));
            Record("work", set.Key, "abstained", "median_detections", Median(abstained, o => o.Detections));
            Record("work", set.Key, "abstained", "median_detected_mpx", Median(abstained, o => o.DetectedMegapixels));
            Record("work", set.Key, "abstained", "median_lines_read", Median(abstained, o => o.LinesRead));
        }

        _md.AppendLine().AppendLine("Where the time goes (wall ms, medians; second looks and turned reads include their own detection and reading):").AppendLine();
        _md.AppendLine("| Set | Read: detection | reading | Abstained: detection | reading | second looks | turned reads |");
        _md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var set in _outcomes.GroupBy(o => o.Photo.Set))
        {
            var read = set.Where(o => o.Answered).ToList();
            var abstained = set.Where(o => o.Verdict == ReadingVerdict.Abstained).ToList();
            _md.AppendLine(C, $"| {set.Key} | {Ms(Median(read, o => o.StepMilliseconds.Detect))} | {Ms(Median(read, o => o.StepMilliseconds.Read))} | {Ms(Median(abstained, o => o.StepMilliseconds.Detect))} | {Ms(Median(abstained, o => o.StepMilliseconds.Read))} | {Ms(Median(abstained, o => o.StepMilliseconds.SecondLook))} | {Ms(Median(abstained, o => o.StepMilliseconds.Turned))} |");
        }

        _md.AppendLine();
    }

    private void Stages()
    {
        _md.AppendLine(C, $"Stage breakdown over photos whose number line's corners are known. Line found: *whole* when one line the cascade read (upright pass) holds ≥ {LineCoverage.Covered:P0} of the number line's centre line, *in pieces* when its lines do only together, *part not found* when some of it lies in no line read (a digit group or more never detected); a line counts only if its height is within {LineCoverage.HeightRange}× of the digits'. *Found line holds the digits*: a line over the number line (≥ {LineCoverage.Overlaps:P0} of its centre line) was read with the printed digits in a row. *True line*: the line cut out along its corners, straightened, and read as the image. Raw: with IncludeUnverified; exact: default mode (real numbers only):").AppendLine();
        _md.AppendLine("| Set | Group | Photos | Line whole | In pieces | Part not found | Not mapped | Found line holds the digits | Raw right on true line | Raw right on photo | Exact on true line | Exact on photo |");
        _md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (set, group, list) in Groups(_outcomes, o => o.Photo.Quad != null && o.Photo.HasFullNumber))
        {
            var n = list.Count;
            var exactRows = list.Where(o => o.Photo.Scoring == Scoring.Exact).ToList();
            var whole = list.Count(o => o.LineFound == LineFound.Whole);
            var pieces = list.Count(o => o.LineFound == LineFound.Pieces);
            var missed = list.Count(o => o.LineFound == LineFound.Missed);
            var unknown = list.Count(o => o.LineFound == LineFound.Unknown);
            var holds = list.Count(o => o.FoundLineHoldsNumber == true);
            var rawLine = list.Count(o => o.LineRawVerdict == ReadingVerdict.Exact);
            var rawPhoto = list.Count(o => o.RawVerdict == ReadingVerdict.Exact);
            var exactLine = exactRows.Count(o => o.LineVerdict == ReadingVerdict.Exact);
            var exactPhoto = exactRows.Count(o => o.Verdict == ReadingVerdict.Exact);
            var exactCells = exactRows.Count == 0 ? "– | –" : $"{exactLine}/{exactRows.Count} | {exactPhoto}/{exactRows.Count}";
            _md.AppendLine(C, $"| {set} | {group} | {n} | {whole} | {pieces} | {missed} | {unknown} | {holds} | {rawLine} | {rawPhoto} | {exactCells} |");
            Record("stages", set, group, "photos", n);
            Record("stages", set, group, "line_whole", whole);
            Record("stages", set, group, "line_pieces", pieces);
            Record("stages", set, group, "line_missed", missed);
            Record("stages", set, group, "line_not_mapped", unknown);
            Record("stages", set, group, "found_line_holds_digits", holds);
            Record("stages", set, group, "raw_right_true_line", rawLine);
            Record("stages", set, group, "raw_right_photo", rawPhoto);
            Record("stages", set, group, "exact_rows", exactRows.Count);
            Record("stages", set, group, "exact_true_line", exactLine);
            Record("stages", set, group, "exact_photo", exactPhoto);
        }

        _md.AppendLine();
    }

    private void Record(string section, string set, string group, string measure, double value) =>
        _csv.Append(C, $"{section},{set},\"{group}\",{measure},{value:0.###}\n");

    private static long Mb(long bytes) => bytes / (1024 * 1024);

    private static double Median(IReadOnlyCollection<PhotoOutcome> outcomes, Func<PhotoOutcome, double> value) =>
        AccuracyReport.Percentile(outcomes.Select(value), 50);

    private static string Share(int count, int of) =>
        of == 0 ? "0" : string.Create(C, $"{count} ({100.0 * count / of:0} %)");

    private static string Ms(double value) => double.IsNaN(value) ? "–" : value.ToString("0", C);

    private static string Ratio(double a, double b) =>
        double.IsNaN(a) || double.IsNaN(b) || b <= 0 ? "–" : (a / b).ToString("0.0", C) + "×";
}
