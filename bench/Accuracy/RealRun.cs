using System.Diagnostics;
using System.Globalization;
using System.Text;
using BankcardOcr.CardSynth;

namespace BankcardOcr.Accuracy;

/// <summary>
/// <c>--real DIR</c>: every labelled photo of DIR, then the synthetic levels, through one Local provider in one
/// process, so that ratios between real and synthetic figures come from the same machine at the same moment. Each
/// photo with known corners is read a second time as its straightened number line. Real photos show real numbers:
/// this run prints file names, verdicts and counts, never a digit read or labelled.
/// </summary>
internal sealed class RealRun
{
    private readonly string _folder;
    private readonly string _moduleDirectory;
    private readonly int _count;
    private readonly ulong _seed;
    private readonly IReadOnlyList<CardLevel> _levels;
    private readonly PrintStyle? _style;
    private readonly int _turn;
    private readonly int _longSide;

    /// <param name="turn">Degrees clockwise every synthetic card's photo is turned (0, 90, 180, 270), untagged: <see cref="PhotoVariant"/>.</param>
    /// <param name="longSide">The long side synthetic photos are shrunk to first (0: as drawn).</param>
    public RealRun(string folder, string moduleDirectory, int count, ulong seed, IReadOnlyList<CardLevel> levels, PrintStyle? style, int turn = 0, int longSide = 0)
    {
        _turn = turn;
        _longSide = longSide;
        _folder = folder;
        _moduleDirectory = moduleDirectory;
        _count = count;
        _seed = seed;
        _levels = levels;
        _style = style;
    }

    public async Task<int> RunAsync(string? csvPath, string? summaryCsvPath, string? markdownPath)
    {
        IReadOnlyList<LabelledPhoto> photos = _folder == "none" ? Array.Empty<LabelledPhoto>() : RealPhotoSet.Load(_folder);
        var load = Stopwatch.StartNew();
        using var provider = RecognizerFactory.CreateLocal(_moduleDirectory, includeUnverified: true);
        load.Stop();
        Console.WriteLine($"Local: provider ready in {load.ElapsedMilliseconds} ms; {photos.Count} labelled photos, then {_count} synthetic cards per level, seed {_seed}");

        var runner = new PhotoRunner(provider);
        var outcomes = new List<PhotoOutcome>();
        foreach (var photo in photos)
        {
            var outcome = await runner.ReadAsync(photo, readLine: true, CancellationToken.None).ConfigureAwait(false);
            outcomes.Add(outcome);
            Console.WriteLine(Progress(outcome));
        }

        var process = Process.GetCurrentProcess();
        process.Refresh();
        var peakAfterReal = process.PeakWorkingSet64;

        var generator = new CardGenerator(_seed);
        foreach (var level in _levels)
        {
            for (var index = 0; index < _count; index++)
            {
                // Generating is not timed; each card is dropped once read, so memory is the recognizer's.
                var card = generator.Generate(level, index, _style);
                var outcome = await runner.ReadAsync(PhotoVariant.Of(LabelledPhoto.FromSynthetic(card), _turn, _longSide), readLine: true, CancellationToken.None).ConfigureAwait(false);
                outcomes.Add(outcome);
                if (outcome.Verdict == ReadingVerdict.Wrong)
                {
                    Console.WriteLine($"  WRONG {card.FileName} (synthetic)");
                }

                if ((index + 1) % 50 == 0)
                {
                    Console.WriteLine($"  {level}: {index + 1}/{_count}");
                }
            }
        }

        process.Refresh();
        var report = new PhotoReport(outcomes, peakAfterReal, process.PeakWorkingSet64);
        var heading = string.Create(CultureInfo.InvariantCulture, $"Local, {photos.Count} labelled photos and {_count} synthetic cards per level (seed {_seed}), {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, provider load {load.ElapsedMilliseconds} ms");
        var markdown = report.ToMarkdown(heading);
        Console.WriteLine();
        Console.WriteLine(markdown);
        if (markdownPath != null)
        {
            await File.WriteAllTextAsync(markdownPath, markdown).ConfigureAwait(false);
        }

        if (summaryCsvPath != null)
        {
            await File.WriteAllTextAsync(summaryCsvPath, report.Csv).ConfigureAwait(false);
        }

        if (csvPath != null)
        {
            await File.WriteAllTextAsync(csvPath, PerPhotoCsv(outcomes)).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>One line per photo: its name and what became of it, nothing that was read.</summary>
    public static string Progress(PhotoOutcome o)
    {
        var line = o.LineVerdict is { } lv ? $", true line {lv}/raw {o.LineRawVerdict}" : string.Empty;
        var found = o.LineFound == LineFound.Unknown ? string.Empty : $", line {o.LineFound.ToString().ToLowerInvariant()}";
        var error = o.ErrorKind.Length > 0 && o.Verdict != ReadingVerdict.Abstained ? $", {o.ErrorKind}" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"  {o.Photo.Name} [{o.Photo.Scoring.ToString().ToLowerInvariant()}, {o.Photo.Print}]: {o.Verdict} (raw {o.RawVerdict}{line}{found}){error}, {o.Milliseconds:0} ms");
    }

    /// <summary>Per photo: labels, verdicts, stages and times; no digits, no error messages (they may describe a reading).</summary>
    public static string PerPhotoCsv(IEnumerable<PhotoOutcome> outcomes)
    {
        var csv = new StringBuilder("file,set,scored,print,verdict,raw_verdict,validthru,validthru_unverified,line_found,found_line_holds_digits,true_line_verdict,true_line_raw_verdict,ms,cpu_ms,error_kind,verified_by,date_look_found_date,detections,detected_mpx,lines_read,detect_ms,read_ms,second_look_ms,turned_ms,upright_digits,upright_digit_probability,working_set_mb,peak_working_set_mb,lines_joined,lines_disputed,validthru_probability\n");
        foreach (var o in outcomes)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{o.Photo.Name},{o.Photo.Set},{o.Photo.Scoring},{o.Photo.Print},{o.Verdict},{o.RawVerdict},{o.Expiry},{o.RawExpiry},{o.LineFound},{o.FoundLineHoldsNumber},{o.LineVerdict},{o.LineRawVerdict},{o.Milliseconds:0},{o.CpuMilliseconds:0},{o.ErrorKind},{CsvField(o.VerifiedBy)},{o.DateLookFoundDate},{o.Detections},{o.DetectedMegapixels:0.00},{o.LinesRead},{o.StepMilliseconds.Detect:0},{o.StepMilliseconds.Read:0},{o.StepMilliseconds.SecondLook:0},{o.StepMilliseconds.Turned:0},{o.UprightDigitLine.Digits},{o.UprightDigitLine.MeanProbability:0.000},{o.WorkingSetAfterMb:0},{o.PeakWorkingSetAfterMb:0},{o.ReaderAgreement.Joined},{o.ReaderAgreement.Disputed},{o.ValidThruCertainty:0.000}\n");
        }

        return csv.ToString();
    }

    /// <summary>A field quoted when it holds a comma or a quote (a second look's step names one: "line 1 near, one reader").</summary>
    private static string CsvField(string value) =>
        value.IndexOfAny(new[] { ',', '"' }) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
