using BankcardOcr.CardSynth;

namespace BankcardOcr.Accuracy.Tests;

/// <summary>The harness judges each answer against the truth, and the report's tallies, bins and percentiles follow from those judgements.</summary>
public sealed class HarnessTests
{
    private static readonly CardGenerator Generator = new CardGenerator(99);

    private static SyntheticCard Card(int index, CardLevel level = CardLevel.Clean) => Generator.Describe(level, index);

    [Fact]
    public async Task EachAnswerIsJudgedAgainstTheCardsOwnNumber()
    {
        var cards = Enumerable.Range(0, 5).Select(i => Card(i)).ToList();
        var answers = new Dictionary<string, Func<BankcardRecognitionResult>>
        {
            [cards[0].FileName] = () => new BankcardRecognitionResult { CardNumber = cards[0].Number, Confidence = 0.97, ValidThru = cards[0].ValidThru },
            [cards[1].FileName] = () => new BankcardRecognitionResult { CardNumber = CardNumbers.CheckDigitOff(cards[1].Number), Confidence = 0.9 },
            [cards[2].FileName] = () => throw new BankcardOcrException(BankcardOcrErrorKind.NoCardFound, "read 18 digits, Luhn fails", "Scripted"),
            [cards[3].FileName] = () => throw new BankcardOcrException(BankcardOcrErrorKind.ProviderError, "model missing", "Scripted"),
            [cards[4].FileName] = () => throw new InvalidOperationException("bug"),
        };
        var underTest = new ProviderUnderTest(new ScriptedProvider(answers));

        var readings = new List<CardReading>();
        foreach (var card in cards)
        {
            readings.Add(await underTest.ReadAsync(card, CancellationToken.None));
        }

        Assert.Equal(
            new[] { ReadingVerdict.Exact, ReadingVerdict.Wrong, ReadingVerdict.Abstained, ReadingVerdict.Failed, ReadingVerdict.Failed },
            readings.Select(r => r.Verdict));
        Assert.True(readings[0].ExpiryRight);
        Assert.False(readings[1].ExpiryRight);
        Assert.StartsWith("NoCardFound", readings[2].Error, StringComparison.Ordinal);
        Assert.Equal(new AccuracyReport.Rates(5, 1, 1, 1, 2), AccuracyReport.Tally(readings));
    }

    [Fact]
    public void AnEmptyNumberIsAnAbstentionNotAWrongNumber()
    {
        Assert.Equal(ReadingVerdict.Abstained, CardReading.Judge("6222021234567890123", string.Empty));
        Assert.Equal(ReadingVerdict.Wrong, CardReading.Judge("6222021234567890123", "6222021234567890124"));
        Assert.Equal(ReadingVerdict.Exact, CardReading.Judge("6222021234567890123", "6222021234567890123"));
    }

    [Fact]
    public void ReliabilityTableCountsOnlyReturnedNumbersInTheirConfidenceBin()
    {
        var card = Card(0);
        CardReading Read(ReadingVerdict verdict, double? confidence) =>
            new CardReading(card, verdict, verdict == ReadingVerdict.Abstained ? string.Empty : "1", confidence, string.Empty, 10, string.Empty);
        var readings = new[]
        {
            Read(ReadingVerdict.Exact, 0.96), Read(ReadingVerdict.Exact, 0.97), Read(ReadingVerdict.Wrong, 0.955), Read(ReadingVerdict.Exact, 0.98),
            Read(ReadingVerdict.Exact, 1.0),
            Read(ReadingVerdict.Abstained, null),
        };

        var bins = AccuracyReport.Reliability(readings);
        var high = bins.Single(b => b.From == 0.95);
        Assert.Equal(4, high.Count);
        Assert.Equal(0.75, high.Observed, 6);
        Assert.Equal((0.96 + 0.97 + 0.955 + 0.98) / 4, high.MeanConfidence, 6);
        Assert.Equal(1, bins.Single(b => b.From == 0.99).Count); // a confidence of exactly 1 lands in the top bin
        Assert.Equal(5, bins.Sum(b => b.Count));
    }

    [Fact]
    public void CalibrationErrorIsTheWeightedGapBetweenConfidenceAndAccuracy()
    {
        var bins = new[]
        {
            new AccuracyReport.ReliabilityBin(0.9, 0.95, 10, 0.92, 0.82),
            new AccuracyReport.ReliabilityBin(0.95, 0.99, 30, 0.97, 0.97),
        };
        Assert.Equal(10 * 0.10 / 40, AccuracyReport.CalibrationError(bins), 6);
    }

    [Fact]
    public void PercentilesUseTheNearestRank()
    {
        var values = Enumerable.Range(1, 100).Select(v => (double)v).Reverse();
        Assert.Equal(50, AccuracyReport.Percentile(values, 50));
        Assert.Equal(95, AccuracyReport.Percentile(values, 95));
        Assert.Equal(7, AccuracyReport.Percentile(new[] { 7.0 }, 95));
        Assert.True(double.IsNaN(AccuracyReport.Percentile(Array.Empty<double>(), 50)));
    }

    [Fact]
    public void OneWrongNumberInFiftyFailsTheWrongNumberGoal()
    {
        var readings = Enumerable.Range(0, 50)
            .Select(i => Card(i))
            .Select((c, i) => new CardReading(c, i == 0 ? ReadingVerdict.Wrong : ReadingVerdict.Exact, c.Number, 0.99, string.Empty, 100, string.Empty))
            .ToList();

        var markdown = new AccuracyReport(readings).ToMarkdown("test");
        Assert.Contains("| Clean | 50 | 98.0 % | 2.0 % | 0.0 % | 0 |", markdown, StringComparison.Ordinal);
        Assert.Contains("**not met**", markdown, StringComparison.Ordinal);
        Assert.Contains("median 100 ms", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void AllExactQuickAnswersMeetTheGoals()
    {
        var readings = Enumerable.Range(0, 20).Select(i => Card(i, CardLevel.Hard))
            .Select(c => new CardReading(c, ReadingVerdict.Exact, c.Number, 0.99, string.Empty, 150, string.Empty)).ToList();
        var markdown = new AccuracyReport(readings).ToMarkdown("test");
        Assert.DoesNotContain("not met", markdown, StringComparison.Ordinal);
    }
}

/// <summary>The conditions the report breaks results down by are measured from the card's own geometry.</summary>
public sealed class ConditionTests
{
    [Fact]
    public void CleanCardsHaveNearlyLevelLinesWithDigitsOfPrintedSize()
    {
        // Clean cards lean at most 3° (plus up to 2 % corner jitter) and fill 70–90 % of a 1280-px frame, so
        // 2.6–4.4 mm digits land at about 20–70 px.
        var card = new CardGenerator(5).Generate(CardLevel.Clean, 0);
        var reading = new CardReading(card, ReadingVerdict.Exact, card.Number, 0.99, string.Empty, 1, string.Empty);
        Assert.InRange(reading.LineTilt, 0, 5);
        Assert.InRange(reading.DigitHeight, 20, 70);
    }

    [Fact]
    public void ADescribedCardHasNoGeometryToMeasure()
    {
        var card = new CardGenerator(5).Describe(CardLevel.Hard, 0);
        var reading = new CardReading(card, ReadingVerdict.Abstained, string.Empty, null, string.Empty, 1, string.Empty);
        Assert.Equal(0, reading.LineTilt);
        Assert.Equal(0, reading.DigitHeight);
    }
}
