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
    public void ReachingCropsKeepOneEndOfTheLineAndReachPastTheOtherToTheGivenCharacterWidths()
    {
        // 12 digits in three groups: 12 digits, 2 gaps and a margin are 15 character widths of 20 pixels.
        var line = new TextBox(100, 50, 400, 80, 0.9f);

        var reaches = LineVote.Reaches(line, Reading("1234 5678 9012", third: 0.99f), 22).ToList();

        Assert.Equal(2, reaches.Count);
        var (left, right) = (reaches[0], reaches[1]);
        Assert.Equal((400f - 440f, 400f, 50f, 80f), (left.Left, left.Right, left.Top, left.Bottom), new NearTuple());
        Assert.Equal((100f, 100f + 440f, 50f, 80f), (right.Left, right.Right, right.Top, right.Bottom), new NearTuple());
    }

    [Fact]
    public void AReachingCropOfATurnedLineKeepsItsEndAlongTheTurn()
    {
        var line = TextBox.Around(300, 200, 300, 30, 0.9f, 0.2f);
        var (cos, sin) = ((float)System.Math.Cos(0.2), (float)System.Math.Sin(0.2));

        var right = LineVote.Reaches(line, Reading("1234 5678 9012", third: 0.99f), 22).Last();

        // The left end's centre (the line's centre less half its width along the turn) does not move.
        Assert.Equal(0.2f, right.Angle);
        Assert.Equal(300 - 150 * cos, right.CenterX - right.Width / 2 * cos, 2);
        Assert.Equal(200 - 150 * sin, right.CenterY - right.Width / 2 * sin, 2);
        Assert.Equal(440f, right.Width, 2);
    }

    [Theory]
    [InlineData("1234 5678 9012 3456 789")]
    [InlineData("1234 5678 9012 3456")]
    [InlineData("VALID THRU")]
    public void NoReachingCropsForALineWithACardNumbersDigitsOrWithoutDigits(string text)
    {
        Assert.Empty(LineVote.Reaches(new TextBox(100, 50, 400, 80, 0.9f), Reading(text, third: 0.99f), 22));
    }

    [Fact]
    public void NoReachingCropsWhenTheReachIsNoLongerThanTheBox()
    {
        Assert.Empty(LineVote.Reaches(new TextBox(100, 50, 400, 80, 0.9f), Reading("1234 5678 9012", third: 0.99f), 0));
        Assert.Empty(LineVote.Reaches(new TextBox(100, 50, 400, 80, 0.9f), Reading("1234 5678 9012", third: 0.99f), 15));
    }

    [Fact]
    public void OnlyLinesWithAboutACardNumbersDigitsGetASecondLook()
    {
        Assert.True(LineVote.IsWorthAnotherLook(Reading("6222 0212 3456 7890", third: 0.9f)));
        Assert.True(LineVote.IsWorthAnotherLook(Reading("0212 3456 7890", third: 0.9f)));
        Assert.False(LineVote.IsWorthAnotherLook(Reading("12/28", third: 0.9f)));
        Assert.False(LineVote.IsWorthAnotherLook(Reading("1234 5678 1234 5678 1234 56", third: 0.9f)));
    }

    /// <summary>Compares box edges to a hundredth of a pixel.</summary>
    private sealed class NearTuple : System.Collections.Generic.IEqualityComparer<(float, float, float, float)>
    {
        public bool Equals((float, float, float, float) x, (float, float, float, float) y) =>
            System.Math.Abs(x.Item1 - y.Item1) < 0.01f && System.Math.Abs(x.Item2 - y.Item2) < 0.01f
            && System.Math.Abs(x.Item3 - y.Item3) < 0.01f && System.Math.Abs(x.Item4 - y.Item4) < 0.01f;

        public int GetHashCode((float, float, float, float) obj) => 0;
    }

    /// <summary>A reading whose characters are all 0.99 certain but the third, which is <paramref name="third"/>.</summary>
    private static RecognizedText Reading(string text, float third) =>
        new RecognizedText(text, text.Select((c, i) => i == 2 ? third : 0.99f).ToArray());
}
