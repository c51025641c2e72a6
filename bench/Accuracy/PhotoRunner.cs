using System.Diagnostics;
using BankcardOcr.CardSynth;
using BankcardOcr.Providers;
using BankcardOcr.Providers.Local;
using BankcardOcr.Calls;
using SkiaSharp;

namespace BankcardOcr.Accuracy;

/// <summary>What became of a printed date.</summary>
internal enum ExpiryVerdict
{
    /// <summary>The label prints no real date (none, or a placeholder such as 00/00).</summary>
    NotScored,

    Right,

    /// <summary>A date was returned and it is not the printed one.</summary>
    Wrong,

    Missing,
}

/// <summary>One labelled photo's outcome: default mode, raw readings, date, time, and the stages of the cascade.</summary>
internal sealed class PhotoOutcome
{
    public required LabelledPhoto Photo { get; init; }

    /// <summary>Default mode. For a photo scored raw or none every number is wrong and abstaining is the right answer.</summary>
    public required ReadingVerdict Verdict { get; init; }

    /// <summary>With IncludeUnverified, against the printed digits (photos with a full number; else Abstained or Wrong as in default mode).</summary>
    public required ReadingVerdict RawVerdict { get; init; }

    public required ExpiryVerdict Expiry { get; init; }

    /// <summary>The date with IncludeUnverified, which returns the dates of unverified readings too.</summary>
    public required ExpiryVerdict RawExpiry { get; init; }

    /// <summary>A date was returned although the label prints none or a placeholder.</summary>
    public bool DateWithoutPrintedDate { get; init; }

    public required double Milliseconds { get; init; }

    public required double CpuMilliseconds { get; init; }

    /// <summary>The error kind of an abstention or failure; no message (a message may describe what was read).</summary>
    public string ErrorKind { get; init; } = string.Empty;

    public LineFound LineFound { get; init; }

    /// <summary>A line read over the number line (half its centre line or more) holds the printed digits in a row; null when not judged.</summary>
    public bool? FoundLineHoldsNumber { get; init; }

    /// <summary>Default mode on the number line cut out along its corners; null without corners.</summary>
    public ReadingVerdict? LineVerdict { get; init; }

    /// <summary>IncludeUnverified on the number line cut out along its corners; null without corners.</summary>
    public ReadingVerdict? LineRawVerdict { get; init; }

    /// <summary>The cascade step that verified the number ("pass 2", "second look", "turned 180°, pass 1"); empty when none did.</summary>
    public string VerifiedBy { get; init; } = string.Empty;

    /// <summary>The date returned came from the date look.</summary>
    public bool DateLookFoundDate { get; init; }

    /// <summary>How surely the returned date was read: the weakest of its MM/YY digits on the surest line that held it.</summary>
    public float ValidThruCertainty { get; init; }

    /// <summary>Detector runs for the photo, every orientation included.</summary>
    public int Detections { get; init; }

    /// <summary>Pixels the detector was given for the photo, in millions.</summary>
    public double DetectedMegapixels { get; init; }

    /// <summary>Line crops the reader read for the photo, second-look crops included.</summary>
    public int LinesRead { get; init; }

    /// <summary>Lines both readers read digit for digit, and of those the lines where they disputed a digit.</summary>
    public (int Joined, int Disputed) ReaderAgreement { get; init; }

    /// <summary>Wall time of the photo's detections, line reads, second looks and turned reads (ms; the last two overlap the first two).</summary>
    public (double Detect, double Read, double SecondLook, double Turned) StepMilliseconds { get; init; }

    /// <summary>The upright read's line with the most digits: how many, and their mean probability (0 when none).</summary>
    public (int Digits, double MeanProbability) UprightDigitLine { get; init; }

    /// <summary>The process's working set right after the photo (and its true line) was read, in MB.</summary>
    public double WorkingSetAfterMb { get; init; }

    /// <summary>The process's peak working set so far, right after the photo, in MB: where it rises, this photo raised it.</summary>
    public double PeakWorkingSetAfterMb { get; init; }

    /// <summary>A number was returned in default mode (right or wrong): the photo was read, not abstained on.</summary>
    public bool Answered => Verdict is ReadingVerdict.Exact or ReadingVerdict.Wrong;
}

/// <summary>
/// Reads labelled photos one at a time through the Local provider set to IncludeUnverified, and derives the
/// default-mode answer from the same call: the provider runs the same cascade either way and differs only in
/// returning an unverified reading (flagged <c>Unverified</c>) where default mode throws NoCardFound, so one call
/// gives both answers at the cost of one.
/// </summary>
internal sealed class PhotoRunner
{
    private const string UnverifiedWarning = "Unverified";

    private readonly LocalProvider _provider;
    private CascadeLines? _lines;

    public PhotoRunner(LocalProvider provider)
    {
        _provider = provider;
        _provider.LinesRead = lines => _lines = lines;
    }

    public async Task<PhotoOutcome> ReadAsync(LabelledPhoto photo, bool readLine, CancellationToken cancellationToken)
    {
        var bytes = photo.Load();
        _lines = null;
        var photoAnswer = await AnswerAsync(bytes, photo.Name, cancellationToken).ConfigureAwait(false);
        var lines = _lines is { } seen && seen.Source == photo.Name ? seen : null;
        var (fileWidth, fileHeight) = PixelSize(bytes);
        var (found, shares) = LineCoverage.Judge(photo.Quad, lines, fileWidth, fileHeight);
        bool? holds = found == LineFound.Unknown || !photo.HasFullNumber ? null
            : Enumerable.Range(0, shares.Length).Any(i => shares[i] >= LineCoverage.Overlaps && Digits(lines!.Readings[i].Text).Contains(photo.Number, StringComparison.Ordinal));

        PhotoAnswer? lineAnswer = null;
        if (readLine && photo.Quad is { } quad)
        {
            byte[]? crop = null;
            try
            {
                crop = NumberLineCrop.Cut(bytes, quad);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                Console.WriteLine($"  {photo.Name}: no line crop ({e.GetType().Name})");
            }

            if (crop != null)
            {
                lineAnswer = await AnswerAsync(crop, photo.Name + "#line", cancellationToken).ConfigureAwait(false);
            }
        }

        var date = photoAnswer.Verified ? photoAnswer.Thru : string.Empty;
        var process = Process.GetCurrentProcess();
        return new PhotoOutcome
        {
            Photo = photo,
            Verdict = photoAnswer.Judge(photo, raw: false),
            RawVerdict = photoAnswer.Judge(photo, raw: true),
            Expiry = JudgeExpiry(photo, date),
            RawExpiry = JudgeExpiry(photo, photoAnswer.Thru),
            DateWithoutPrintedDate = !photo.HasRealExpiry && date.Length > 0,
            Milliseconds = photoAnswer.Milliseconds,
            CpuMilliseconds = photoAnswer.CpuMilliseconds,
            ErrorKind = photoAnswer.ErrorKind,
            LineFound = found,
            FoundLineHoldsNumber = holds,
            LineVerdict = lineAnswer?.Judge(photo, raw: false),
            LineRawVerdict = lineAnswer?.Judge(photo, raw: true),
            VerifiedBy = lines?.VerifiedBy ?? string.Empty,
            DateLookFoundDate = lines?.DateLookFoundDate ?? false,
            ValidThruCertainty = lines?.ValidThruCertainty ?? 0,
            Detections = lines?.Work.Detections ?? 0,
            DetectedMegapixels = (lines?.Work.DetectedPixels ?? 0) / 1e6,
            LinesRead = lines?.Work.LinesRead ?? 0,
            ReaderAgreement = lines is null ? default : (lines.Work.LinesJoined, lines.Work.LinesDisputed),
            StepMilliseconds = lines is null ? default : (lines.Work.DetectMilliseconds, lines.Work.ReadMilliseconds, lines.Work.SecondLookMilliseconds, lines.Work.TurnedMilliseconds),
            UprightDigitLine = lines is null ? default : DigitLine(lines.Readings),
            WorkingSetAfterMb = process.WorkingSet64 / 1048576.0,
            PeakWorkingSetAfterMb = process.PeakWorkingSet64 / 1048576.0,
        };
    }

    /// <summary>Right, wrong or missing against the printed date; dates are compared as month and two-digit year.</summary>
    public static ExpiryVerdict JudgeExpiry(LabelledPhoto photo, string returnedThru)
    {
        if (LabelledPhoto.ExpiryMonthYear(photo.Expiry) is not { } printed)
        {
            return ExpiryVerdict.NotScored;
        }

        if (returnedThru.Length == 0)
        {
            return ExpiryVerdict.Missing;
        }

        return LabelledPhoto.ExpiryMonthYear(returnedThru) == printed ? ExpiryVerdict.Right : ExpiryVerdict.Wrong;
    }

    private static (int Digits, double MeanProbability) DigitLine(IReadOnlyList<RecognizedText> readings)
    {
        var best = (Digits: 0, MeanProbability: 0.0);
        foreach (var reading in readings)
        {
            var probabilities = Enumerable.Range(0, reading.Text.Length).Where(i => char.IsAsciiDigit(reading.Text[i])).Select(i => (double)reading.Probabilities[i]).ToList();
            var line = (probabilities.Count, probabilities.Count == 0 ? 0 : probabilities.Average());
            if (line.Count > best.Digits || (line.Count == best.Digits && line.Item2 > best.MeanProbability))
            {
                best = line;
            }
        }

        return best;
    }

    private static string Digits(string text) => new(text.Where(char.IsAsciiDigit).ToArray());

    private static (int Width, int Height) PixelSize(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var codec = SKCodec.Create(stream);
        return codec is null ? (0, 0) : (codec.Info.Width, codec.Info.Height);
    }

    private async Task<PhotoAnswer> AnswerAsync(byte[] bytes, string name, CancellationToken cancellationToken)
    {
        var log = new RecognitionLog(name);
        var input = RecognitionInput.FromBytes(bytes, name);

        // CPU time as well as wall time: on a machine shared with other work, wall time measures the neighbours too.
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        PhotoAnswer Timed(PhotoAnswer answer)
        {
            clock.Stop();
            process.Refresh();
            return answer with { Milliseconds = clock.Elapsed.TotalMilliseconds, CpuMilliseconds = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds };
        }

        try
        {
            var image = await _provider.PrepareImageAsync(bytes, log, cancellationToken).ConfigureAwait(false);
            var result = await _provider.RecognizeAsync(new ProviderRequest(input, image, 0, log), cancellationToken).ConfigureAwait(false);
            var verified = !result.Warnings.Contains(UnverifiedWarning, StringComparison.Ordinal);
            return Timed(new PhotoAnswer(result.CardNumber, verified, result.ValidThru, string.Empty));
        }
        catch (BankcardOcrException e)
        {
            return Timed(new PhotoAnswer(string.Empty, false, string.Empty, e.Kind.ToString()));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A crash on one photo is a finding, not the end of the run.
            return Timed(new PhotoAnswer(string.Empty, false, string.Empty, e.GetType().Name) { Crashed = true });
        }
    }
}

/// <summary>One call's answer: the number (verified or not), the date, or the error kind.</summary>
internal sealed record PhotoAnswer(string Number, bool Verified, string Thru, string ErrorKind)
{
    public bool Crashed { get; init; }

    public double Milliseconds { get; init; }

    public double CpuMilliseconds { get; init; }

    public ReadingVerdict Judge(LabelledPhoto photo, bool raw)
    {
        if (Crashed || (ErrorKind.Length > 0 && ErrorKind != nameof(BankcardOcrErrorKind.NoCardFound)))
        {
            return ReadingVerdict.Failed;
        }

        var returned = raw || Verified ? Number : string.Empty;
        if (returned.Length == 0)
        {
            return ReadingVerdict.Abstained;
        }

        // Default mode owes a specimen or an unreadable number nothing: any number returned for one is wrong.
        var truth = raw ? (photo.HasFullNumber ? photo.Number : null) : (photo.Scoring == Scoring.Exact ? photo.Number : null);
        return returned == truth ? ReadingVerdict.Exact : ReadingVerdict.Wrong;
    }
}
