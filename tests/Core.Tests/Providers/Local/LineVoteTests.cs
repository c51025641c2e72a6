using System.Linq;
using BankcardOcr.Providers.Local;
using Xunit;

namespace BankcardOcr.Core.Tests.Providers.Local;

public sealed class LineVoteTests
{
    [Fact]
    public void AStrictMajorityWinsAPositionWithItsOwnMeanCertainty()
    {
        var fused = LineVote.Fuse(new[]
        {
            Reading("1234 5678", third: 0.8f),
            Reading("1234 5678", third: 0.7f),
            Reading("1284 5678", third: 0.9f),
            Reading("1234 5678", third: 0.6f),
            Reading("1284 5678", third: 0.95f),
        });

        Assert.NotNull(fused);
        Assert.Equal("1234 5678", fused!.Text);
        Assert.Equal(0.7f, fused.Probabilities[2], 3);
        Assert.Equal(0.99f, fused.Probabilities[0], 3);
    }

    [Fact]
    public void ASplitPositionComesOutTooWeakForTheCardRules()
    {
        var fused = LineVote.Fuse(new[]
        {
            Reading("1234 5678", third: 0.9f),
            Reading("1284 5678", third: 0.9f),
            Reading("1234 5678", third: 0.9f),
            Reading("1284 5678", third: 0.9f),
            Reading("1254 5678", third: 0.9f),
        });

        Assert.NotNull(fused);
        Assert.True(fused!.Probabilities[2] < CardNumberChooser.MinimumDigitProbability, $"a 2–2–1 split scored {fused.Probabilities[2]}");
    }

    [Fact]
    public void ReadingsThatDisagreeOnTheDigitCountDoNotVote()
    {
        var fused = LineVote.Fuse(new[]
        {
            Reading("1234 5678", third: 0.9f),
            Reading("1234 5678", third: 0.9f),
            Reading("1234 56789", third: 0.9f),
            Reading("123 5678", third: 0.9f),
        });

        Assert.Null(fused);
    }

    [Fact]
    public void TheMostCertainAgreeingReadingGivesTheGroupSpaces()
    {
        var fused = LineVote.Fuse(new[]
        {
            Reading("12345678", third: 0.6f),
            Reading("1234 5678", third: 0.95f),
            Reading("12345678", third: 0.6f),
            Reading("99", third: 0.99f),
        });

        Assert.Equal("1234 5678", fused!.Text);
    }

    [Fact]
    public void CropsKeepTheLinesCentreAndTurn()
    {
        var line = TextBox.Around(300, 200, 400, 40, 0.9f, 0.1f);
        var crops = LineVote.CropsAround(line, LineVote.Crops).ToList();
        Assert.Equal(LineVote.Crops.Length, crops.Count);
        Assert.All(crops, c => Assert.Equal((300f, 200f, 0.1f), (c.CenterX, c.CenterY, c.Angle)));
        Assert.Contains(crops, c => c.Height > line.Height);
        Assert.Contains(crops, c => c.Height < line.Height);
        Assert.All(LineVote.CropsAround(line, LineVote.WideCrops), c => Assert.True(c.Width >= 1.5f * line.Width));
    }

    [Fact]
    public void OnlyLinesWithAboutACardNumbersDigitsGetASecondLook()
    {
        Assert.True(LineVote.IsWorthAnotherLook(Reading("6222 0212 3456 7890", third: 0.9f)));
        Assert.True(LineVote.IsWorthAnotherLook(Reading("0212 3456 7890", third: 0.9f)));
        Assert.False(LineVote.IsWorthAnotherLook(Reading("12/28", third: 0.9f)));
        Assert.False(LineVote.IsWorthAnotherLook(Reading("1234 5678 1234 5678 1234 56", third: 0.9f)));
    }

    /// <summary>A reading whose characters are all 0.99 certain but the third, which is <paramref name="third"/>.</summary>
    private static RecognizedText Reading(string text, float third) =>
        new RecognizedText(text, text.Select((c, i) => i == 2 ? third : 0.99f).ToArray());
}
