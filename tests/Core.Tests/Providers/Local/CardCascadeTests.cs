using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using BankcardOcr.Imaging;
using BankcardOcr.Providers.Local;
using Xunit;

namespace BankcardOcr.Core.Tests.Providers.Local;

/// <summary>
/// The cascade's plan driven by a scripted detector and reader (no models): which passes run in which order, when it
/// stops, the date look, the second look, turned reads, and the best unverified reading.
/// </summary>
public sealed class CardCascadeTests
{
    private static readonly string Visa = CardNumbers.WithValidCheckDigit("411111", 16);
    private static readonly string VisaWrongCheck = CardNumbers.WithWrongCheckDigit("411111", 16);

    private static readonly TextBox NumberLine = new TextBox(100, 300, 700, 340, 0.9f);
    private static readonly TextBox DateLine = new TextBox(400, 360, 500, 380, 0.9f);

    [Fact]
    public void StopsAtTheFirstPassThatVerifiesANumberAndReadsNothingMore()
    {
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { NumberLine, DateLine });
        var reader = new ScriptedReader(box => box.Equals(NumberLine) ? Grouped(Visa) : "12/29");

        var outcome = Cascade(detector, reader).Read(Photo(800, 500), CancellationToken.None);

        Assert.Equal(Visa, outcome.Chosen!.Digits);
        Assert.Equal("12/2029", outcome.ValidThru);
        Assert.Equal(new[] { 640 }, detector.Scales);
        Assert.Equal(2, reader.LinesRead);
        Assert.Equal("pass 1", outcome.VerifiedBy);
        Assert.False(outcome.DateLookFoundDate);
    }

    [Fact]
    public void PassesRunInOrderAndAMapIsReusedForAPermissivePassAtTheSameScale()
    {
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox>());
        var reader = new ScriptedReader(box => string.Empty);

        var photo = Photo(1280, 800);

        var outcome = Cascade(detector, reader, new RecognizerTuning { ReadsTurned = false }).Read(photo, CancellationToken.None);

        Assert.Null(outcome.Chosen);
        Assert.Equal(new[] { 640, 960, 1280, 960 }, detector.Scales);
        Assert.Equal(new[] { "640/0.3/0.6", "960/0.3/0.6", "960/0.1/0.3", "1280/0.1/0.3", "960/0.3/0.6" }, detector.Requests.Select(r => r.Pass).ToArray());
        Assert.Equal(new[] { true, true, true, false }, detector.Images.Select(i => ReferenceEquals(i, photo)));
    }

    [Fact]
    public void ASmallPhotoRunsNoDetectionOrBoxingTwiceAtTheSameScaleAndThresholds()
    {
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox>());
        var cascade = Cascade(detector, new ScriptedReader(box => string.Empty), new RecognizerTuning { ReadsTurned = false });

        var photo = Photo(583, 367);

        cascade.Read(photo, CancellationToken.None);

        // 640 and 960 both shrink to the photo's own 583; the permissive 960 pass reuses that map; 1280 enlarges; the
        // equalising pass detects at 583 again, but on the equalised copy.
        Assert.Equal(new[] { 583, 1280, 583 }, detector.Scales);
        Assert.Equal(new[] { "583/0.3/0.6", "583/0.1/0.3", "1280/0.1/0.3", "583/0.3/0.6" }, detector.Requests.Select(r => r.Pass).ToArray());
        Assert.Equal(new[] { true, true, false }, detector.Images.Select(i => ReferenceEquals(i, photo)));
    }

    [Fact]
    public void ALineFoundAgainByALaterPassIsNotReadAgain()
    {
        // The number line is visible from the first pass, but only the permissive pass finds the date.
        var detector = new ScriptedDetector((turn, scale, threshold) =>
            threshold < 0.3f ? new List<TextBox> { NumberLine, DateLine } : new List<TextBox> { NumberLine });
        var reader = new ScriptedReader(box => box.Equals(NumberLine) ? "4111 1111" : "12/29");

        var outcome = Cascade(detector, reader, new RecognizerTuning { ReadsTurned = false, SecondLookLines = 0 }).Read(Photo(1280, 800), CancellationToken.None);

        Assert.Null(outcome.Chosen);
        Assert.Equal(1, reader.Reads(NumberLine));
        Assert.Equal(1, reader.Reads(DateLine));
    }

    [Fact]
    public void AQuickPassThatVerifiesTheNumberButReadsNoDateLooksForTheDateAt960()
    {
        var detector = new ScriptedDetector((turn, scale, threshold) =>
            scale >= 960 ? new List<TextBox> { NumberLine, DateLine } : new List<TextBox> { NumberLine });
        var reader = new ScriptedReader(box => box.Equals(NumberLine) ? Grouped(Visa) : "08/31");

        var outcome = Cascade(detector, reader).Read(Photo(1280, 800), CancellationToken.None);

        Assert.Equal(Visa, outcome.Chosen!.Digits);
        Assert.Equal("08/2031", outcome.ValidThru);
        Assert.Equal(new[] { 640, 960 }, detector.Scales);
        Assert.Equal(1, reader.Reads(NumberLine));
        Assert.Contains("date look 960", outcome.Trace, StringComparison.Ordinal);
        Assert.True(outcome.DateLookFoundDate);
    }

    [Fact]
    public void ASmallPhotoVerifiedAtItsOwnSizeRunsNoDateLookAtThatSameSize()
    {
        // 640 and 960 both shrink to the photo's 600: a date look would repeat the first pass's detection and boxes.
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { NumberLine });
        var reader = new ScriptedReader(box => Grouped(Visa));

        var outcome = Cascade(detector, reader).Read(Photo(600, 400), CancellationToken.None);

        Assert.Equal(Visa, outcome.Chosen!.Digits);
        Assert.Equal(new[] { 600 }, detector.Scales);
        Assert.DoesNotContain("date look", outcome.Trace, StringComparison.Ordinal);
    }

    [Fact]
    public void APhotoBetweenTheQuickAndTheDateScaleLooksForTheDateAtItsOwnSize()
    {
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { NumberLine });
        var reader = new ScriptedReader(box => Grouped(Visa));

        Cascade(detector, reader).Read(Photo(800, 500), CancellationToken.None);

        Assert.Equal(new[] { 640, 800 }, detector.Scales);
    }

    [Fact]
    public void AVerifiedNumberWithItsDateNeedsNoDateLook()
    {
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { NumberLine, DateLine });
        var reader = new ScriptedReader(box => box.Equals(NumberLine) ? Grouped(Visa) : "08/31");

        Cascade(detector, reader).Read(Photo(1280, 800), CancellationToken.None);

        Assert.Equal(new[] { 640 }, detector.Scales);
    }

    [Fact]
    public void AVerifiedNumberWhoseDateLineLostItsSlashTakesTheDateAMajorityOfCropsRead()
    {
        // A 600-px photo: no date look (its scale is the pass's), so the date line is voted on from re-read crops.
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { NumberLine, DateLine });
        var reader = new ScriptedReader(box => box.Equals(NumberLine) ? Grouped(Visa) : box.Equals(DateLine) ? "0831" : "08/31");

        var outcome = Cascade(detector, reader).Read(Photo(600, 400), CancellationToken.None);

        Assert.Equal(Visa, outcome.Chosen!.Digits);
        Assert.Equal("08/2031", outcome.ValidThru);
        Assert.Contains("date vote: 1 lines, a date", outcome.Trace, StringComparison.Ordinal);
        Assert.Equal(2 + LineVote.Crops.Length, reader.LinesRead);
    }

    [Theory]
    [InlineData("0831", "0831", true)] // the card-digit model holds the date on the line itself
    [InlineData("0836", "08131", true)] // on the voted crops, which it reads only for such a vote
    [InlineData("0836", "08736", false)] // nowhere: another year
    public void ADateOnlyThreeOfFiveReadingsGiveStandsOnlyWithTheSecondReadersBacking(string secondOnLine, string secondOnCrops, bool stands)
    {
        // The box and the wider crop lose the slash; the other three crops read the date: three of five.
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { NumberLine, DateLine });
        var reader = new ScriptedReader(box =>
            box.Equals(NumberLine) ? Grouped(Visa) : Math.Abs(box.Height - DateLine.Height) > 0.5f ? "08/31" : "0831");
        var second = new ScriptedReader(box => box.Equals(NumberLine) ? Visa : box.Equals(DateLine) ? secondOnLine : secondOnCrops);

        var outcome = new CardCascade(detector, reader, new RecognizerTuning(), second).Read(Photo(600, 400), CancellationToken.None);
        var readBySecond = second.LinesRead;
        var unguarded = new CardCascade(detector, reader, new RecognizerTuning { SureDateDigitProbability = 0 }, second).Read(Photo(600, 400), CancellationToken.None);

        Assert.Equal(Visa, outcome.Chosen!.Digits);
        Assert.Equal(stands ? "08/2031" : string.Empty, outcome.ValidThru);
        Assert.Contains($"date vote: 1 lines, {(stands ? "a date" : "no date")}", outcome.Trace, StringComparison.Ordinal);
        Assert.Equal(secondOnLine == "0831" ? 2 : 2 + LineVote.Crops.Length, readBySecond);
        Assert.Equal("08/2031", unguarded.ValidThru);
    }

    [Fact]
    public void ADateOnlyAMinorityOfTheCropsReadIsNotReturned()
    {
        // Only the two taller crops read the date; the box and the other two lose the slash.
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { NumberLine, DateLine });
        var reader = new ScriptedReader(box =>
            box.Equals(NumberLine) ? Grouped(Visa) : box.Height > DateLine.Height * 1.1f ? "08/31" : "0831");

        var outcome = Cascade(detector, reader).Read(Photo(600, 400), CancellationToken.None);

        Assert.Equal(Visa, outcome.Chosen!.Digits);
        Assert.Equal(string.Empty, outcome.ValidThru);
        Assert.Contains("date vote: 1 lines, no date", outcome.Trace, StringComparison.Ordinal);
    }

    [Fact]
    public void ADateReadWithTheNumberStandsWhenMostCropsReadItAgain()
    {
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { NumberLine, DateLine });
        var reader = new ScriptedReader(box =>
            box.Equals(NumberLine) ? Grouped(Visa) : box.Height > DateLine.Height * 1.2f ? "0831" : "08/31");

        var outcome = Cascade(detector, reader, new RecognizerTuning { ChecksDate = true }).Read(Photo(600, 400), CancellationToken.None);

        Assert.Equal("08/2031", outcome.ValidThru);
        Assert.False(outcome.DateDoubted);
        Assert.Contains("date check: confirmed", outcome.Trace, StringComparison.Ordinal);
        Assert.Equal(2 + LineVote.Crops.Length, reader.LinesRead);
    }

    [Fact]
    public void ADateTheCropsDoNotConfirmIsDroppedWithTheValidFromOfTheSameCard()
    {
        // Read 08/31 (and a valid-from) in the box; two crops read 06/31, two lose the slash: no date has a majority.
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { NumberLine, DateLine });
        var reader = new ScriptedReader(box =>
            box.Equals(NumberLine) ? Grouped(Visa) : box.Equals(DateLine) ? "01/21 08/31" : box.Height > DateLine.Height * 1.1f ? "06/31" : "0831");

        var outcome = Cascade(detector, reader, new RecognizerTuning { ChecksDate = true }).Read(Photo(600, 400), CancellationToken.None);

        Assert.Equal(Visa, outcome.Chosen!.Digits);
        Assert.True(outcome.DateDoubted);
        Assert.Equal(string.Empty, outcome.ValidThru);
        Assert.Equal(string.Empty, outcome.ValidFrom);
        Assert.Contains("date check: no majority", outcome.Trace, StringComparison.Ordinal);
    }

    [Fact]
    public void ADateMostCropsReadOtherwiseIsReplacedByTheirs()
    {
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { NumberLine, DateLine });
        var reader = new ScriptedReader(box => box.Equals(NumberLine) ? Grouped(Visa) : box.Equals(DateLine) ? "08/31" : "06/31");

        var outcome = Cascade(detector, reader, new RecognizerTuning { ChecksDate = true }).Read(Photo(600, 400), CancellationToken.None);

        Assert.Equal("06/2031", outcome.ValidThru);
        Assert.Contains("date check: another date", outcome.Trace, StringComparison.Ordinal);
    }

    [Fact]
    public void NoDateCheckWhenItIsTurnedOffOrTheNumberIsNotVerified()
    {
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { NumberLine, DateLine });
        var off = new ScriptedReader(box => box.Equals(NumberLine) ? Grouped(Visa) : box.Equals(DateLine) ? "08/31" : "06/31");
        var unverified = new ScriptedReader(box => box.Equals(NumberLine) ? Grouped(VisaWrongCheck) : box.Equals(DateLine) ? "08/31" : "06/31");

        var kept = Cascade(detector, off, new RecognizerTuning { ChecksDate = false }).Read(Photo(600, 400), CancellationToken.None);
        var abstained = Cascade(detector, unverified, new RecognizerTuning { ChecksDate = true, ReadsTurned = false, SecondLookLines = 0 }).Read(Photo(600, 400), CancellationToken.None);

        Assert.Equal("08/2031", kept.ValidThru);
        Assert.Equal(2, off.LinesRead);
        Assert.DoesNotContain("date check", abstained.Trace, StringComparison.Ordinal);
        Assert.Equal("08/2031", abstained.ValidThru);
    }

    [Fact]
    public void NoDateVoteWhenTheNumberIsNotVerifiedOrTheVoteIsTurnedOff()
    {
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { NumberLine, DateLine });
        var unverified = new ScriptedReader(box => box.Equals(NumberLine) ? Grouped(VisaWrongCheck) : box.Equals(DateLine) ? "0831" : "08/31");
        var off = new ScriptedReader(box => box.Equals(NumberLine) ? Grouped(Visa) : box.Equals(DateLine) ? "0831" : "08/31");

        var abstained = Cascade(detector, unverified, new RecognizerTuning { ReadsTurned = false, SecondLookLines = 0 }).Read(Photo(600, 400), CancellationToken.None);
        var verified = Cascade(detector, off, new RecognizerTuning { DateVoteLines = 0 }).Read(Photo(600, 400), CancellationToken.None);

        Assert.DoesNotContain("date vote", abstained.Trace, StringComparison.Ordinal);
        Assert.Equal(string.Empty, abstained.ValidThru);
        Assert.DoesNotContain("date vote", verified.Trace, StringComparison.Ordinal);
        Assert.Equal(string.Empty, verified.ValidThru);
        Assert.Equal(2, off.LinesRead);
    }

    [Fact]
    public void WhenEveryPassAbstainsTheLikeliestLinesGetASecondLookThatCanVerifyTheNumber()
    {
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { NumberLine });

        // The detected box reads one digit weakly; the re-read crops (any other box) read it clearly.
        var reader = new ScriptedReader(
            box => Grouped(Visa),
            box => box.Equals(NumberLine) ? WeakAt(Grouped(Visa), 6) : null);

        var outcome = Cascade(detector, reader, new RecognizerTuning { ReadsTurned = false }).Read(Photo(1280, 800), CancellationToken.None);

        Assert.Equal(Visa, outcome.Chosen!.Digits);
        Assert.Contains("second look: 1 lines", outcome.Trace, StringComparison.Ordinal);
        Assert.StartsWith("second look (line 1 ", outcome.VerifiedBy, StringComparison.Ordinal);
        Assert.Equal(1 + LineVote.Crops.Length + LineVote.WideCrops.Length, reader.LinesRead);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(0)]
    public void ADateOnACardOnlyTheSecondLookVerifiedStandsOnlyWhenMostCropsReadItAgain(int agreement)
    {
        // The number line's box reads a digit weakly and its crops read it clearly; the date line's box reads 08/31,
        // two of its crops 06/31 and two lose the slash: no date has a majority.
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { NumberLine, DateLine });
        var reader = new ScriptedReader(
            box => box.CenterY < 350 ? Grouped(Visa) : box.Equals(DateLine) ? "08/31" : box.Height > DateLine.Height * 1.1f ? "06/31" : "0831",
            box => box.Equals(NumberLine) ? WeakAt(Grouped(Visa), 6) : null);

        var outcome = Cascade(detector, reader, new RecognizerTuning { ReadsTurned = false, SecondLookDateAgreement = agreement })
            .Read(Photo(1280, 800), CancellationToken.None);
        var checks = agreement > 0;

        Assert.Equal(Visa, outcome.Chosen!.Digits);
        Assert.StartsWith("second look (line 1 ", outcome.VerifiedBy, StringComparison.Ordinal);
        Assert.Equal(checks ? string.Empty : "08/2031", outcome.ValidThru);
        Assert.Equal(checks, outcome.DateDoubted);
        Assert.Equal(checks, outcome.Trace.Contains("date check: no majority", StringComparison.Ordinal));
    }

    [Fact]
    public void ASecondLookNeverRunsWhenAPassVerifiedTheNumber()
    {
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { NumberLine, DateLine });
        var reader = new ScriptedReader(box => box.Equals(NumberLine) ? Grouped(Visa) : "08/31");

        var outcome = Cascade(detector, reader).Read(Photo(1280, 800), CancellationToken.None);

        Assert.DoesNotContain("second look", outcome.Trace, StringComparison.Ordinal);
    }

    [Fact]
    public void APhotoWhoseTextRunsUpTheFrameIsReadTurnedBothWaysUntilOneVerifies()
    {
        // Upright: only tall boxes. Turned 270°: the number reads.
        var tall = new TextBox(300, 100, 340, 700, 0.9f);
        var detector = new ScriptedDetector((turn, scale, threshold) => turn == 270 ? new List<TextBox> { NumberLine } : new List<TextBox> { tall, tall });
        var reader = new ScriptedReader(box => Grouped(Visa));

        var outcome = Cascade(detector, reader, new RecognizerTuning { SecondLookLines = 0 }).Read(Photo(800, 500), CancellationToken.None);

        Assert.Equal(Visa, outcome.Chosen!.Digits);
        Assert.Equal(270, outcome.Turn);
        Assert.Equal("turned 270°, pass 1", outcome.VerifiedBy);
        Assert.Equal(new[] { 0, 90, 270 }, detector.Requests.Select(r => r.Turn).Distinct().ToArray());
    }

    [Theory]
    [InlineData(0.9f, false)] // the upright reading was surer: an upright card whose turned digits verified by chance
    [InlineData(0.99f, true)] // the turned reading was surer: an upside-down card
    public void ANumberVerifiedTurnedReplacesTheUprightOutcomeOnlyWhenItIsReadMoreSurely(float turnedCertainty, bool replaces)
    {
        var turnedLine = new TextBox(100, 160, 700, 200, 0.9f);
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { turn == 180 ? turnedLine : NumberLine });
        var reader = new ScriptedReader(
            box => Grouped(VisaWrongCheck),
            box => box.Equals(turnedLine) ? Certain(Grouped(Visa), turnedCertainty) : null);

        var outcome = Cascade(detector, reader, new RecognizerTuning { SecondLookLines = 0 }).Read(Photo(800, 500), CancellationToken.None);
        var without = Cascade(detector, reader, new RecognizerTuning { SecondLookLines = 0, TurnedReadMustBeSurer = false }).Read(Photo(800, 500), CancellationToken.None);

        Assert.Contains("turned 180°", outcome.Trace, StringComparison.Ordinal);
        Assert.Equal(replaces ? Visa : null, outcome.Chosen?.Digits);
        Assert.Equal(replaces ? 180 : 0, outcome.Turn);
        Assert.Equal(replaces ? null : VisaWrongCheck, outcome.BestUnverified?.Digits);
        Assert.Equal(Visa, without.Chosen?.Digits);
    }

    [Fact]
    public void AFlatPhotoWithNothingVerifiedIsReadHalfRoundOnlyAndKeepsTheUprightOutcome()
    {
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { NumberLine });
        var reader = new ScriptedReader(box => Grouped(VisaWrongCheck));

        var outcome = Cascade(detector, reader, new RecognizerTuning { SecondLookLines = 0 }).Read(Photo(800, 500), CancellationToken.None);

        Assert.Null(outcome.Chosen);
        Assert.Equal(string.Empty, outcome.VerifiedBy);
        Assert.Equal(0, outcome.Turn);
        Assert.Equal(new[] { 0, 180 }, detector.Requests.Select(r => r.Turn).Distinct().ToArray());
        Assert.Equal(VisaWrongCheck, outcome.BestUnverified!.Digits);
    }

    [Fact]
    public void AnUnverifiedReadingIsNeverChosenButIsTheBestUnverified()
    {
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { NumberLine });
        var reader = new ScriptedReader(box => Grouped(VisaWrongCheck));

        var outcome = Cascade(detector, reader, new RecognizerTuning { ReadsTurned = false, SecondLookLines = 0 }).Read(Photo(800, 500), CancellationToken.None);

        Assert.Null(outcome.Chosen);
        Assert.Equal(VisaWrongCheck, outcome.BestUnverified!.Digits);
        Assert.Equal(16, outcome.LongestDigitRun);
    }

    [Theory]
    [InlineData("1234 567", "1234567")]
    [InlineData("1234 5678 9012 3456 7890", "12345678901234567890")]
    [InlineData("4111 1111 1111 1112 9999", "4111111111111112")] // a run an issuer uses beats the stray group
    [InlineData("CARD 12345", "12345")]
    public void WithNoCardNumbersLengthTheLongestLineOfDigitsIsTheBestUnverifiedReading(string line, string expected)
    {
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { NumberLine, DateLine });
        var reader = new ScriptedReader(box => box.Equals(NumberLine) ? line : "12/29");

        var outcome = Cascade(detector, reader, new RecognizerTuning { ReadsTurned = false }).Read(Photo(800, 500), CancellationToken.None);

        Assert.Null(outcome.Chosen);
        Assert.Equal(expected, outcome.BestUnverified!.Digits);
        Assert.Equal("12/2029", outcome.ValidThru);
    }

    [Fact]
    public void ADateAloneIsNoUnverifiedReading()
    {
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { DateLine });
        var reader = new ScriptedReader(box => "12/29");

        var outcome = Cascade(detector, reader, new RecognizerTuning { ReadsTurned = false }).Read(Photo(800, 500), CancellationToken.None);

        Assert.Null(outcome.BestUnverified);
    }

    [Fact]
    public void LinesTooLowOrTooNarrowForDigitsAreNeverRead()
    {
        var tiny = new TextBox(100, 100, 200, 105, 0.9f);
        var square = new TextBox(300, 100, 340, 140, 0.9f);
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { tiny, square });
        var reader = new ScriptedReader(box => "1234");

        Cascade(detector, reader, new RecognizerTuning { ReadsTurned = false }).Read(Photo(1280, 800), CancellationToken.None);

        Assert.Equal(0, reader.LinesRead);
    }

    [Fact]
    public void AtMostTheConfiguredNumberOfLinesIsReadPerPassLargestFirst()
    {
        var boxes = Enumerable.Range(0, 10).Select(i => new TextBox(10, 10 + i * 70, 400 + i * 10, 50 + i * 70, 0.9f)).ToList();
        var detector = new ScriptedDetector((turn, scale, threshold) => boxes);
        var reader = new ScriptedReader(box => "12");

        Cascade(detector, reader, new RecognizerTuning { ReadsTurned = false, MaximumLinesPerPass = 3, Passes = new[] { new DetectionPass(1280, 0.3f, 0.6f) } })
            .Read(Photo(1280, 800), CancellationToken.None);

        Assert.Equal(3, reader.LinesRead);
        Assert.Equal(1, reader.Reads(boxes[9]));
        Assert.Equal(0, reader.Reads(boxes[0]));
    }

    [Fact]
    public void CancellationStopsTheCascadeBeforeTheNextPass()
    {
        using var cancel = new CancellationTokenSource();
        var detector = new ScriptedDetector((turn, scale, threshold) =>
        {
            cancel.Cancel();
            return new List<TextBox>();
        });

        Assert.Throws<OperationCanceledException>(() => Cascade(detector, new ScriptedReader(box => string.Empty)).Read(Photo(1280, 800), cancel.Token));
        Assert.Single(detector.Scales);
    }

    [Fact]
    public void AnAbstainingPhotoCostsEveryPassUprightAndTheFirstTurnedEachWithASecondLook()
    {
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { NumberLine });
        var reader = new ScriptedReader(box => Grouped(VisaWrongCheck));
        var tuning = new RecognizerTuning();

        var outcome = Cascade(detector, reader, tuning).Read(Photo(1280, 800), CancellationToken.None);

        // Upright four detections (640, 960, 1280, 960 equalised), half round the first pass's (640); the line once
        // plus its second-look crops in each orientation.
        Assert.Equal(new[] { (0, "640/0.3/0.6"), (0, "960/0.3/0.6"), (0, "960/0.1/0.3"), (0, "1280/0.1/0.3"), (0, "960/0.3/0.6"), (180, "640/0.3/0.6") }, detector.Requests);
        Assert.Equal(2 * (1 + LineVote.Crops.Length + LineVote.WideCrops.Length), reader.LinesRead);
        Assert.Equal(5, outcome.Work.Detections);
        Assert.Equal(reader.LinesRead, outcome.Work.LinesRead);
        Assert.Equal(2 * 640L * 400 + 2 * 960L * 600 + 1280L * 800, outcome.Work.DetectedPixels);
    }

    [Fact]
    public void ANumberTheSecondReaderDisputesIsNotVerifiedThoughTheFirstReadingPassesEveryCheck()
    {
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { NumberLine });
        var reader = new ScriptedReader(box => Grouped(Visa));
        var disputed = Visa.Substring(0, 6) + (char)('0' + (Visa[6] - '0' + 5) % 10) + Visa.Substring(7);
        var second = new ScriptedReader(box => Grouped(disputed), box => Certain(Grouped(disputed), 0.9f));

        var alone = Cascade(detector, reader, new RecognizerTuning { ReadsTurned = false }).Read(Photo(1280, 800), CancellationToken.None);
        var outcome = new CardCascade(detector, reader, new RecognizerTuning { ReadsTurned = false }, second).Read(Photo(1280, 800), CancellationToken.None);

        Assert.Equal(Visa, alone.Chosen!.Digits);
        Assert.Null(outcome.Chosen);
        Assert.True(outcome.Work.LinesDisputed > 0);
        Assert.Equal(reader.LinesRead - alone.Work.LinesRead, second.LinesRead);
    }

    [Fact]
    public void ADigitTheFirstReaderDoubtsIsVerifiedWhenTheSecondReaderReadsItSurely()
    {
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { NumberLine });
        var reader = new ScriptedReader(box => string.Empty, box => WeakAt(Grouped(Visa), 7));
        var second = new ScriptedReader(box => Visa);

        var alone = Cascade(detector, reader, new RecognizerTuning { ReadsTurned = false, SecondLookLines = 0 }).Read(Photo(1280, 800), CancellationToken.None);
        var outcome = new CardCascade(detector, reader, new RecognizerTuning { ReadsTurned = false, SecondLookLines = 0 }, second)
            .Read(Photo(1280, 800), CancellationToken.None);

        Assert.Null(alone.Chosen);
        Assert.Equal(Visa, outcome.Chosen!.Digits);
        Assert.Equal("pass 1", outcome.VerifiedBy);
        Assert.Equal(0.97f, outcome.Chosen.MinProbability);
        Assert.Equal(1, outcome.Work.LinesJoined);
        Assert.Equal(0, outcome.Work.LinesDisputed);
    }

    [Fact]
    public void ASecondReadingWithAnotherDigitCountLeavesTheFirstReadersVerdictAndDatesAreTheFirstReaders()
    {
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { NumberLine, DateLine });
        var reader = new ScriptedReader(box => box.Equals(NumberLine) ? Grouped(Visa) : "12/29");
        var second = new ScriptedReader(box => box.Equals(NumberLine) ? Visa.Substring(1) : "1 1 2 9");

        var outcome = new CardCascade(detector, reader, new RecognizerTuning(), second).Read(Photo(800, 500), CancellationToken.None);

        Assert.Equal(Visa, outcome.Chosen!.Digits);
        Assert.Equal("12/2029", outcome.ValidThru);
        Assert.Equal(0, outcome.Work.LinesJoined);
        Assert.Equal(2, second.LinesRead);
    }

    [Fact]
    public void AnUnsureDateTheSecondReaderReadsOtherwiseIsNotReturnedNorVotedOn()
    {
        // The first reader is unsure of the year's last digit on the box; the card-digit model reads another year there.
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { NumberLine, DateLine });
        var unsure = new ScriptedReader(box => box.Equals(NumberLine) ? Grouped(Visa) : "0831", box => box.Equals(DateLine) ? WeakAt("08/31", 4) : null);
        var voted = new ScriptedReader(box => box.Equals(NumberLine) ? Grouped(Visa) : "08/31", box => box.Equals(DateLine) ? WeakAt("08/31", 4) : null);
        var second = new ScriptedReader(box => box.Equals(NumberLine) ? Visa : "08736");

        var dropped = new CardCascade(detector, unsure, new RecognizerTuning(), second).Read(Photo(600, 400), CancellationToken.None);
        var kept = new CardCascade(detector, unsure, new RecognizerTuning { SureDateDigitProbability = 0 }, second).Read(Photo(600, 400), CancellationToken.None);
        var revoted = new CardCascade(detector, voted, new RecognizerTuning(), second).Read(Photo(600, 400), CancellationToken.None);

        Assert.Equal(Visa, dropped.Chosen!.Digits);
        Assert.Equal(string.Empty, dropped.ValidThru);
        Assert.Equal("08/31", dropped.Readings.Single(r => r.Text.Contains('/')).Text);
        Assert.Equal("08/2031", kept.ValidThru);
        // Re-read crops would read the date again with the reader that was unsure of it: no vote on that line.
        Assert.Equal(string.Empty, revoted.ValidThru);
        Assert.DoesNotContain("date vote", revoted.Trace, StringComparison.Ordinal);
        Assert.Equal(2, voted.LinesRead);
    }

    [Fact]
    public void AnUnsureDateTheSecondReaderBacksIsReturnedWithoutAVote()
    {
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { NumberLine, DateLine });
        var reader = new ScriptedReader(box => box.Equals(NumberLine) ? Grouped(Visa) : "0831", box => box.Equals(DateLine) ? WeakAt("08/31", 4) : null);
        var second = new ScriptedReader(box => box.Equals(NumberLine) ? Visa : "08131");

        var outcome = new CardCascade(detector, reader, new RecognizerTuning(), second).Read(Photo(600, 400), CancellationToken.None);

        Assert.Equal("08/2031", outcome.ValidThru);
        Assert.DoesNotContain("date vote", outcome.Trace, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.97f, 0.9f, true)]
    [InlineData(0.85f, 0.9f, false)]
    [InlineData(0.97f, 2f, false)]
    public void ANumberOnlyTheSecondReaderReadsWholeIsVerifiedWhenEveryDigitIsSureEnough(float certainty, float minimum, bool verified)
    {
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { NumberLine });
        var reader = new ScriptedReader(box => Grouped(Visa.Substring(0, 7) + Visa.Substring(8)));
        var second = new ScriptedReader(box => Grouped(Visa), box => Certain(Grouped(Visa), certainty));
        var tuning = new RecognizerTuning { ReadsTurned = false, SecondLookLines = 0, LoneReadingMinimumDigitProbability = minimum };

        var outcome = new CardCascade(detector, reader, tuning, second).Read(Photo(1280, 800), CancellationToken.None);

        Assert.Equal(0, outcome.Work.LinesJoined);
        Assert.Equal(verified ? Visa : null, outcome.Chosen?.Digits);
        Assert.Equal(verified ? "pass 1" : string.Empty, outcome.VerifiedBy);
    }

    [Fact]
    public void ANumberOnlyTheSecondReaderReadsIsNotVerifiedWithAPrefixNoIssuerListKnows()
    {
        // 15 digits under 1999…: no BIN-table row, no network range; read surely enough for an unlisted issuer's gate.
        var unlisted = CardNumbers.WithValidCheckDigit("199999", 15);
        Assert.True(CardNumberChooser.IssuerUnknown(unlisted));
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { NumberLine });
        var reader = new ScriptedReader(box => Grouped(unlisted.Substring(1)));
        var second = new ScriptedReader(box => Grouped(unlisted), box => Certain(Grouped(unlisted), 0.99f));
        var tuning = new RecognizerTuning { ReadsTurned = false, SecondLookLines = 0 };

        var outcome = new CardCascade(detector, reader, tuning, second).Read(Photo(1280, 800), CancellationToken.None);
        var both = new CardCascade(detector, second, tuning, second).Read(Photo(1280, 800), CancellationToken.None);

        Assert.Null(outcome.Chosen);
        Assert.Equal(unlisted, both.Chosen!.Digits);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheSecondLookFusesTheSecondReadersOwnReadingsOfALineTheFirstReaderReadsADigitShort(bool loneVotes)
    {
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { NumberLine });
        var reader = new ScriptedReader(box => Grouped(Visa.Substring(0, 7) + Visa.Substring(8)));
        var second = new ScriptedReader(box => Grouped(Visa), box => box.Equals(NumberLine) ? WeakAt(Grouped(Visa), 7) : null);
        var tuning = new RecognizerTuning { ReadsTurned = false, LoneVotes = loneVotes, Passes = new[] { new DetectionPass(640, 0.3f, 0.6f) } };

        var outcome = new CardCascade(detector, reader, tuning, second).Read(Photo(1280, 800), CancellationToken.None);

        Assert.Equal(0, outcome.Work.LinesJoined);
        Assert.Equal(loneVotes ? Visa : null, outcome.Chosen?.Digits);
        Assert.Equal(loneVotes ? "second look (line 1 near, one reader)" : string.Empty, outcome.VerifiedBy);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ATurnedReadCountsTheSecondReadersLoneReadingsOnlyWhenTuningAllowsIt(bool turnedLoneReadings)
    {
        // Upright, neither reader reads a number; turned by half, only the card-digit model reads one whole, surely:
        // upside-down digits the model (trained on upright faces only) turned into a valid-looking number.
        var turnedLine = new TextBox(100, 160, 700, 200, 0.9f);
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { turn == 180 ? turnedLine : NumberLine });
        var reader = new ScriptedReader(box => box.Equals(turnedLine) ? Grouped(Visa.Substring(0, 7) + Visa.Substring(8)) : "1234 5678");
        var second = new ScriptedReader(box => "1234 5678", box => box.Equals(turnedLine) ? Certain(Grouped(Visa), 0.99f) : null);
        var tuning = new RecognizerTuning { SecondLookLines = 0, TurnedLoneReadings = turnedLoneReadings, Passes = new[] { new DetectionPass(640, 0.3f, 0.6f) } };

        var outcome = new CardCascade(detector, reader, tuning, second).Read(Photo(800, 500), CancellationToken.None);

        Assert.Contains("turned 180°", outcome.Trace, StringComparison.Ordinal);
        Assert.Equal(turnedLoneReadings ? Visa : null, outcome.Chosen?.Digits);
        Assert.Equal(turnedLoneReadings ? "turned 180°, pass 1" : string.Empty, outcome.VerifiedBy);
    }

    [Fact]
    public void ALoneSecondReadingIsNeverKeptAsAnUnverifiedCandidateNorFromPartOfItsLine()
    {
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { NumberLine });
        var reader = new ScriptedReader(box => "12345678");
        var second = new ScriptedReader(box => string.Empty, box => Certain(Grouped(Visa) + " 1234", 0.99f));
        var tuning = new RecognizerTuning { ReadsTurned = false, SecondLookLines = 0, LoneReadingMinimumDigitProbability = 0.5f };

        var outcome = new CardCascade(detector, reader, tuning, second).Read(Photo(1280, 800), CancellationToken.None);

        Assert.Null(outcome.Chosen);
        Assert.Empty(outcome.Candidates);
    }

    [Fact]
    public void TheSecondLooksCropsAreJudgedByBothReadersToo()
    {
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { NumberLine });
        var reader = new ScriptedReader(box => string.Empty, box => WeakAt(Grouped(Visa), 2));
        var second = new ScriptedReader(box => Grouped(Visa));

        var outcome = new CardCascade(detector, reader, new RecognizerTuning { ReadsTurned = false, Passes = new[] { new DetectionPass(640, 0.3f, 0.6f) } }, second)
            .Read(Photo(1280, 800), CancellationToken.None);

        Assert.Equal(Visa, outcome.Chosen!.Digits);
        Assert.Equal(reader.LinesRead, second.LinesRead);
        Assert.Equal(reader.LinesRead, outcome.Work.LinesJoined);
    }

    [Theory]
    [InlineData(22f, true)]
    [InlineData(0f, false)]
    public void ALineMissingAGroupIsReadAgainReachingPastItsEndsAndVerifiedWhenBothReadersReadTheNumberThere(float reach, bool reads)
    {
        // The detector boxed the first three groups only; a crop keeping the box's left end and reaching past its
        // right end shows all four, and both readers read them there.
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { NumberLine });
        string Reading(TextBox box) => Grouped(ReachesPastTheRightEnd(box) ? Visa : Visa.Substring(0, 12));
        var reader = new ScriptedReader(Reading);
        var second = new ScriptedReader(Reading);
        var tuning = new RecognizerTuning { ReadsTurned = false, SecondLookReach = reach, Passes = new[] { new DetectionPass(640, 0.3f, 0.6f) } };

        var outcome = new CardCascade(detector, reader, tuning, second).Read(Photo(1280, 800), CancellationToken.None);

        Assert.Equal(reads ? Visa : null, outcome.Chosen?.Digits);
        Assert.Equal(reads ? "second look (line 1 reach)" : string.Empty, outcome.VerifiedBy);
        Assert.Equal(1 + LineVote.Crops.Length + LineVote.WideCrops.Length + (reads ? 2 : 0), reader.LinesRead);
        Assert.Equal(reader.LinesRead, second.LinesRead);
    }

    [Fact]
    public void AReachingCropIsJudgedByBothReadersLikeAnyLine()
    {
        // In the reaching crop the first reader reads the whole number; the second reads as many digits but surely
        // disputes one of them, so the digit falls under the card rules' gate as on a pass's line.
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { NumberLine });
        var reader = new ScriptedReader(box => Grouped(ReachesPastTheRightEnd(box) ? Visa : Visa.Substring(0, 12)));
        var second = new ScriptedReader(box => Grouped(ReachesPastTheRightEnd(box) ? VisaWrongCheck : Visa.Substring(0, 12)));
        var tuning = new RecognizerTuning { ReadsTurned = false, Passes = new[] { new DetectionPass(640, 0.3f, 0.6f) } };

        var outcome = new CardCascade(detector, reader, tuning, second).Read(Photo(1280, 800), CancellationToken.None);

        Assert.Null(outcome.Chosen);
        Assert.Contains("2 reaching", outcome.Trace, StringComparison.Ordinal);
        Assert.True(outcome.Work.LinesDisputed > 0);
    }

    [Fact]
    public void AReachingCropGivesNoNumberWithAPrefixNoIssuerListKnowsThoughAPassLineWould()
    {
        // Both readers read an unlisted issuer's number surely in the reaching crop: enough for a pass's whole line,
        // not for a crop that reads past the detected text.
        var unlisted = CardNumbers.WithValidCheckDigit("199999", 16);
        Assert.True(CardNumberChooser.IssuerUnknown(unlisted));
        RecognizedText Reading(TextBox box) => Certain(Grouped(ReachesPastTheRightEnd(box) ? unlisted : unlisted.Substring(0, 12)), 0.99f);
        var tuning = new RecognizerTuning { ReadsTurned = false, Passes = new[] { new DetectionPass(640, 0.3f, 0.6f) } };
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { NumberLine });
        var reader = new ScriptedReader(box => string.Empty, Reading);

        var outcome = new CardCascade(detector, reader, tuning, new ScriptedReader(box => string.Empty, Reading)).Read(Photo(1280, 800), CancellationToken.None);
        var whole = new CardCascade(detector, new ScriptedReader(box => string.Empty, box => Certain(Grouped(unlisted), 0.99f)), tuning)
            .Read(Photo(1280, 800), CancellationToken.None);

        Assert.Contains("2 reaching", outcome.Trace, StringComparison.Ordinal);
        Assert.Null(outcome.Chosen);
        Assert.DoesNotContain(outcome.Candidates, c => c.Digits == unlisted);
        Assert.Equal(unlisted, whole.Chosen!.Digits);
    }

    [Fact]
    public void ALineWithACardNumbersDigitsGetsNoReachingCrops()
    {
        var detector = new ScriptedDetector((turn, scale, threshold) => new List<TextBox> { NumberLine });
        var reader = new ScriptedReader(box => Grouped(VisaWrongCheck));
        var tuning = new RecognizerTuning { ReadsTurned = false, Passes = new[] { new DetectionPass(640, 0.3f, 0.6f) } };

        var outcome = new CardCascade(detector, reader, tuning, new ScriptedReader(box => Grouped(VisaWrongCheck))).Read(Photo(1280, 800), CancellationToken.None);

        Assert.Null(outcome.Chosen);
        Assert.Equal(1 + LineVote.Crops.Length + LineVote.WideCrops.Length, reader.LinesRead);
        Assert.Contains("0 reaching", outcome.Trace, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEqualisingPassShowsTheDetectorAnEqualisedCopyAndReadsWhatItFindsFromThePhoto()
    {
        // A photo of little contrast (40 levels from darkest to brightest): its line is visible to the detector only once
        // the contrast is equalised.
        var photo = Faint(800, 500);
        var detector = new ContrastSeekingDetector(NumberLine);
        var reader = new ScriptedReader(box => box.Equals(NumberLine) ? Grouped(Visa) : string.Empty);
        var tuning = new RecognizerTuning
        {
            ReadsTurned = false,
            Passes = new[] { new DetectionPass(640, 0.3f, 0.6f), new DetectionPass(640, 0.3f, 0.6f, equalizes: true) },
        };

        var outcome = new CardCascade(detector, reader, tuning).Read(photo, CancellationToken.None);

        Assert.Equal(Visa, outcome.Chosen!.Digits);
        Assert.Equal("pass 2", outcome.VerifiedBy);
        // The plain pass, the equalising pass, then the date look (at 960, with the plain photo again).
        Assert.Equal(3, detector.Contrasts.Count);
        Assert.Equal(39, detector.Contrasts[0]);
        Assert.True(detector.Contrasts[1] > 100, $"the equalised copy's contrast is {detector.Contrasts[1]}");
        Assert.Equal(39, detector.Contrasts[2]);
        Assert.All(reader.Images, image => Assert.Same(photo, image));
        Assert.Contains("640/0.3/0.6 equalised", outcome.Trace, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEqualisingPassIsNotTheSamePassAsAPlainOneAtItsScale()
    {
        var plain = new DetectionPass(960, 0.3f, 0.6f);
        var equalising = new DetectionPass(960, 0.3f, 0.6f, equalizes: true);
        var cascade = Cascade(new ContrastSeekingDetector(NumberLine), new ScriptedReader(box => string.Empty), new RecognizerTuning { Passes = new[] { plain, equalising } });

        Assert.NotEqual(plain, equalising);
        Assert.Equal(new[] { plain.For(583), equalising.For(583) }, cascade.PassesFor(583));
        Assert.True(equalising.For(583).Equalizes);
    }

    /// <summary>Whether <paramref name="box"/> keeps the number line's left end and reaches well past its right end.</summary>
    private static bool ReachesPastTheRightEnd(TextBox box) => Math.Abs(box.Left - NumberLine.Left) < 0.5f && box.Width > 1.2f * NumberLine.Width;

    private static CardCascade Cascade(ITextDetector detector, ILineReader reader, RecognizerTuning? tuning = null) =>
        new CardCascade(detector, reader, tuning ?? new RecognizerTuning());

    private static string Grouped(string digits) =>
        string.Join(" ", Enumerable.Range(0, (digits.Length + 3) / 4).Select(i => digits.Substring(i * 4, Math.Min(4, digits.Length - i * 4))));

    private static RecognizedText WeakAt(string text, int position)
    {
        var probabilities = text.Select(_ => 0.97f).ToArray();
        probabilities[position] = 0.2f;
        return new RecognizedText(text, probabilities);
    }

    private static RecognizedText Certain(string text, float probability) =>
        new RecognizedText(text, text.Select(c => c == ' ' ? 1f : probability).ToArray());

    /// <summary>A grey photo of little contrast: levels 100 to 139 in diagonal bands.</summary>
    private static RgbImage Faint(int width, int height)
    {
        var pixels = new byte[width * height * 3];
        for (var i = 0; i < width * height; i++)
        {
            pixels[i * 3] = pixels[(i * 3) + 1] = pixels[(i * 3) + 2] = (byte)(100 + (((i % width) + (i / width)) % 40));
        }

        return new RgbImage(pixels, width, height);
    }

    /// <summary>A blank photo with a red mark in its top-left corner, so the detector can tell how it was turned.</summary>
    private static RgbImage Photo(int width, int height)
    {
        var pixels = new byte[width * height * 3];
        pixels[0] = 255;
        return new RgbImage(pixels, width, height);
    }

    /// <summary>Boxes from a script keyed by the photo's turn, the scale and the pixel threshold; records what was asked.</summary>
    private sealed class ScriptedDetector : ITextDetector
    {
        private readonly Func<int, int, float, List<TextBox>> _script;

        public ScriptedDetector(Func<int, int, float, List<TextBox>> script) => _script = script;

        public string Name => "scripted";

        public List<int> Scales { get; } = new List<int>();

        /// <summary>The image of every detection, in order.</summary>
        public List<RgbImage> Images { get; } = new List<RgbImage>();

        public List<(int Turn, string Pass)> Requests { get; } = new List<(int, string)>();

        public ITextMap Detect(RgbImage image, int longSide)
        {
            Scales.Add(longSide);
            Images.Add(image);
            return new Map(this, TurnOf(image), longSide);
        }

        /// <summary>Where the red mark went: top-left upright, top-right after 90° clockwise, bottom-right after 180°, bottom-left after 270°.</summary>
        private static int TurnOf(RgbImage image)
        {
            bool Red(int x, int y) => image.Pixels[(y * image.Width + x) * 3] == 255;
            if (Red(0, 0))
            {
                return 0;
            }

            if (Red(image.Width - 1, 0))
            {
                return 90;
            }

            return Red(image.Width - 1, image.Height - 1) ? 180 : 270;
        }

        private sealed class Map : ITextMap
        {
            private readonly ScriptedDetector _owner;
            private readonly int _turn;
            private readonly int _scale;

            public Map(ScriptedDetector owner, int turn, int scale)
            {
                _owner = owner;
                _turn = turn;
                _scale = scale;
            }

            public List<TextBox> Boxes(float threshold, float boxThreshold)
            {
                _owner.Requests.Add((_turn, $"{_scale}/{threshold}/{boxThreshold}"));
                return new List<TextBox>(_owner._script(_turn, _scale, threshold));
            }
        }
    }

    /// <summary>Finds its line only in an image of high contrast; records each image's contrast (green levels, brightest less darkest).</summary>
    private sealed class ContrastSeekingDetector : ITextDetector
    {
        private readonly TextBox _line;

        public ContrastSeekingDetector(TextBox line) => _line = line;

        public string Name => "contrast-seeking";

        public List<int> Contrasts { get; } = new List<int>();

        public ITextMap Detect(RgbImage image, int longSide)
        {
            var green = Enumerable.Range(0, image.Width * image.Height).Select(i => image.Pixels[(i * 3) + 1]).ToList();
            var contrast = green.Max() - green.Min();
            Contrasts.Add(contrast);
            return new Found(contrast > 100 ? new List<TextBox> { _line } : new List<TextBox>());
        }

        private sealed class Found : ITextMap
        {
            private readonly List<TextBox> _boxes;

            public Found(List<TextBox> boxes) => _boxes = boxes;

            public List<TextBox> Boxes(float threshold, float boxThreshold) => new List<TextBox>(_boxes);
        }
    }

    /// <summary>Text from a script per box (digits read with 0.97 unless the script gives probabilities); counts reads.</summary>
    private sealed class ScriptedReader : ILineReader
    {
        private readonly Func<TextBox, string> _text;
        private readonly Func<TextBox, RecognizedText?>? _exact;
        private readonly List<TextBox> _read = new List<TextBox>();

        public ScriptedReader(Func<TextBox, string> text, Func<TextBox, RecognizedText?>? exact = null)
        {
            _text = text;
            _exact = exact;
        }

        public string Name => "scripted";

        public int LinesRead => _read.Count;

        public List<RgbImage> Images { get; } = new List<RgbImage>();

        public int Reads(TextBox box) => _read.Count(b => b.Equals(box));

        public IReadOnlyList<RecognizedText> Read(RgbImage image, IReadOnlyList<TextBox> lines)
        {
            _read.AddRange(lines);
            Images.Add(image);
            return lines.Select(box => _exact?.Invoke(box) ?? Plain(_text(box))).ToList();
        }

        private static RecognizedText Plain(string text) => new RecognizedText(text, text.Select(c => c == ' ' ? 1f : 0.97f).ToArray());
    }
}
