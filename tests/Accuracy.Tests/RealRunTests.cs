using BankcardOcr.CardSynth;
using BankcardOcr.Providers.Local;

namespace BankcardOcr.Accuracy.Tests;

/// <summary>The real-photo run reads labels as written, judges both modes from one call, and prints no digit.</summary>
public sealed class RealRunTests
{
    // A made-up Luhn-valid test number: the report must never show it, nor any other label's digits.
    private const string Number = "6222020200112233445";

    private static LabelledPhoto Photo(Scoring scoring, string number = Number, string expiry = "", IReadOnlyList<CardPoint>? quad = null, string name = "p.jpg") => new()
    {
        Name = name,
        Set = "real",
        Scoring = scoring,
        Print = "embossed",
        Number = number,
        Expiry = expiry,
        Quad = quad,
        Load = Array.Empty<byte>,
    };

    [Fact]
    public void CornersMarkedFromAnyCornerEitherWayRoundComeBackTopLeftFirst()
    {
        var tl = new CardPoint(10, 100);
        var tr = new CardPoint(410, 110);
        var br = new CardPoint(408, 140);
        var bl = new CardPoint(9, 130);
        var expected = new[] { tl, tr, br, bl };

        Assert.Equal(expected, RealPhotoSet.TopLeftFirst(new[] { tl, bl, br, tr }));
        Assert.Equal(expected, RealPhotoSet.TopLeftFirst(new[] { br, bl, tl, tr }));
        Assert.Equal(expected, RealPhotoSet.TopLeftFirst(new[] { tr, br, bl, tl }));
    }

    [Fact]
    public void LabelsWithQuotedNotesAreReadFieldByField()
    {
        var folder = Directory.CreateTempSubdirectory("accuracy-labels-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "labels.csv"),
                "file,card_number,expiry,kind,print,scored,notes\n" +
                "a.png,6222 0202 0011 2233 445,12/27,photo,embossed,exact,\"held in hand, \"\"blurry\"\"; ok\"\n" +
                "b.jpg,62258888?888,,specimen,flat,none,\"two\nlines\"\n");
            File.WriteAllText(Path.Combine(folder, "quads.csv"), "file,x1,y1,x2,y2,x3,y3,x4,y4\na.png,32,111,32,126,273,127,272,110\n");

            var photos = RealPhotoSet.Load(folder);

            Assert.Equal(2, photos.Count);
            Assert.Equal((Scoring.Exact, Number, "12/27", "embossed"), (photos[0].Scoring, photos[0].Number, photos[0].Expiry, photos[0].Print));
            Assert.Equal(new[] { new CardPoint(32, 111), new CardPoint(272, 110), new CardPoint(273, 127), new CardPoint(32, 126) }, photos[0].Quad);
            Assert.Equal((Scoring.None, "flat", false), (photos[1].Scoring, photos[1].Print, photos[1].HasFullNumber));
            Assert.Null(photos[1].Quad);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void DefaultModeIsTheUnverifiedCallWithoutItsUnverifiedReading()
    {
        var card = Photo(Scoring.Exact);
        var specimen = Photo(Scoring.Raw);
        var unreadable = Photo(Scoring.None, "62258888?888");

        var verified = new PhotoAnswer(Number, Verified: true, string.Empty, string.Empty);
        var unverified = new PhotoAnswer(Number, Verified: false, string.Empty, string.Empty);
        var none = new PhotoAnswer(string.Empty, false, string.Empty, "NoCardFound");

        Assert.Equal((ReadingVerdict.Exact, ReadingVerdict.Exact), (verified.Judge(card, raw: false), verified.Judge(card, raw: true)));
        Assert.Equal((ReadingVerdict.Abstained, ReadingVerdict.Exact), (unverified.Judge(card, raw: false), unverified.Judge(card, raw: true)));
        Assert.Equal(ReadingVerdict.Wrong, (verified with { Number = "6222020200112233446" }).Judge(card, raw: false));

        // A specimen's printed digits returned as a verified number are a wrong answer; unverified they are its raw reading.
        Assert.Equal((ReadingVerdict.Wrong, ReadingVerdict.Exact), (verified.Judge(specimen, raw: false), verified.Judge(specimen, raw: true)));
        Assert.Equal((ReadingVerdict.Abstained, ReadingVerdict.Exact), (unverified.Judge(specimen, raw: false), unverified.Judge(specimen, raw: true)));
        Assert.Equal(ReadingVerdict.Wrong, verified.Judge(unreadable, raw: false));

        Assert.Equal(ReadingVerdict.Abstained, none.Judge(card, raw: true));
        Assert.Equal(ReadingVerdict.Failed, (none with { ErrorKind = "UnsupportedImageFormat" }).Judge(card, raw: false));
    }

    [Fact]
    public void PrintedDatesAreComparedByMonthAndYearAndPlaceholdersAreNotScored()
    {
        Assert.Equal(ExpiryVerdict.Right, PhotoRunner.JudgeExpiry(Photo(Scoring.Exact, expiry: "12/27"), "12/2027"));
        Assert.Equal(ExpiryVerdict.Wrong, PhotoRunner.JudgeExpiry(Photo(Scoring.Exact, expiry: "12/27"), "12/2021"));
        Assert.Equal(ExpiryVerdict.Missing, PhotoRunner.JudgeExpiry(Photo(Scoring.Exact, expiry: "12/27"), string.Empty));
        Assert.Equal(ExpiryVerdict.NotScored, PhotoRunner.JudgeExpiry(Photo(Scoring.Raw, expiry: "00/00"), "01/2000"));
        Assert.Equal(ExpiryVerdict.NotScored, PhotoRunner.JudgeExpiry(Photo(Scoring.Raw, expiry: "88/88"), string.Empty));
        Assert.Equal(ExpiryVerdict.NotScored, PhotoRunner.JudgeExpiry(Photo(Scoring.Exact), "05/2030"));
    }

    [Fact]
    public void ALineReadInOnePieceIsFoundWholeAndGroupsNotJoinedAreFoundInPieces()
    {
        // A 400 × 30 px line tilted about 1.4°, in a 1000 × 600 file that the provider read at half size.
        var quad = new[] { new CardPoint(100, 300), new CardPoint(500, 310), new CardPoint(500, 340), new CardPoint(100, 330) };
        var angle = (float)Math.Atan2(10, 400);
        var whole = TextBox.Around(150, 160, 212, 18, 0.9f, angle);
        var left = TextBox.Around(100, 158, 110, 18, 0.9f, angle);
        var right = TextBox.Around(205, 161, 104, 18, 0.9f, angle);
        var cardSized = TextBox.Around(150, 160, 240, 150, 0.9f, 0);
        var elsewhere = TextBox.Around(150, 60, 212, 18, 0.9f, 0);
        static CascadeLines Lines(params TextBox[] boxes) =>
            new("p.jpg", 500, 300, boxes, boxes.Select(_ => new RecognizedText(string.Empty, Array.Empty<float>())).ToArray());

        Assert.Equal(LineFound.Whole, LineCoverage.Judge(quad, Lines(elsewhere, whole), 1000, 600).Found);
        Assert.Equal(LineFound.Pieces, LineCoverage.Judge(quad, Lines(left, right), 1000, 600).Found);
        Assert.Equal(LineFound.Missed, LineCoverage.Judge(quad, Lines(left, elsewhere), 1000, 600).Found);
        Assert.Equal(LineFound.Missed, LineCoverage.Judge(quad, Lines(cardSized), 1000, 600).Found);
        Assert.Equal(LineFound.Unknown, LineCoverage.Judge(quad, Lines(whole), 600, 1000).Found); // turned a quarter by EXIF
        Assert.Equal(LineFound.Unknown, LineCoverage.Judge(null, Lines(whole), 1000, 600).Found);
    }

    [Fact]
    public void NothingTheRunPrintsOrWritesHoldsALabelsDigits()
    {
        var quad = new[] { new CardPoint(0, 0), new CardPoint(400, 0), new CardPoint(400, 30), new CardPoint(0, 30) };
        var outcomes = new[] { Scoring.Exact, Scoring.Raw, Scoring.None }
            .Select((scoring, i) => new PhotoOutcome
            {
                Photo = Photo(scoring, expiry: "12/27", quad: quad, name: $"photo{i}.jpg"),
                Verdict = i == 1 ? ReadingVerdict.Wrong : ReadingVerdict.Exact,
                RawVerdict = ReadingVerdict.Exact,
                Expiry = ExpiryVerdict.Right,
                RawExpiry = ExpiryVerdict.Right,
                Milliseconds = 100 * (i + 1),
                CpuMilliseconds = 150,
                LineFound = LineFound.Whole,
                FoundLineHoldsNumber = true,
                LineVerdict = ReadingVerdict.Exact,
                LineRawVerdict = ReadingVerdict.Exact,
            })
            .ToList();

        var report = new PhotoReport(outcomes, 100 * 1024 * 1024, 123 * 1024 * 1024);
        var text = string.Join("\n", report.ToMarkdown("test"), report.Csv, RealRun.PerPhotoCsv(outcomes), string.Join("\n", outcomes.Select(RealRun.Progress)));

        Assert.Contains("| real | all | 3 |", text, StringComparison.Ordinal);
        Assert.Contains("**1**", text, StringComparison.Ordinal);
        foreach (var run in new[] { Number, Number[..6], Number[^4..], "12/27" })
        {
            Assert.DoesNotContain(run, text, StringComparison.Ordinal);
        }
    }
}
