using System.Linq;
using BankcardOcr.Providers.Local;
using Xunit;

namespace BankcardOcr.Core.Tests.Providers.Local;

public sealed class DateVoteTests
{
    [Fact]
    public void ADateAStrictMajorityOfTheReadingsGiveIsTheVote()
    {
        var vote = DateVote.Fuse(new[] { Reading("/31"), Reading("08/31"), Reading("08/31"), Reading("08 31"), Reading("08/31") });

        Assert.NotNull(vote);
        Assert.Equal("08/31", vote!.Text);
        Assert.All(vote.Probabilities, p => Assert.Equal(0.6f, p, 3));
        Assert.Equal("08/2031", ExpiryDate.Find(new[] { vote }).Thru);
    }

    [Theory]
    [InlineData("08/31", "08/31", "0831", "0831", "0831")] // two of five
    [InlineData("08/31", "08/31", "08/37", "08/37", "0831")] // two against two
    [InlineData("08/31", "08/31", "0831", "0831")] // half is no majority
    public void WithoutAStrictMajorityThereIsNoDate(params string[] texts)
    {
        Assert.Null(DateVote.Fuse(texts.Select(Reading).ToArray()));
    }

    [Theory]
    [InlineData(0, "08/31")]
    [InlineData(3, "08/31")]
    [InlineData(4, null)]
    public void AVoteCanAskForMoreThanAMajority(int fewest, string? expected)
    {
        var readings = new[] { Reading("/31"), Reading("08/31"), Reading("08/31"), Reading("08 31"), Reading("08/31") };

        Assert.Equal(expected, DateVote.Fuse(readings, fewest)?.Text);
    }

    [Fact]
    public void ImplausibleDatesCastNoVote()
    {
        // A month 13 and a placeholder are no dates, so the one plausible reading is a minority of five.
        Assert.Null(DateVote.Fuse(new[] { Reading("13/31"), Reading("13/31"), Reading("00/00"), Reading("08/31"), Reading("13/31") }));
    }

    [Fact]
    public void LinesWithASlashAndAboutFourDigitsAreVotedOnFirst()
    {
        var readings = new[]
        {
            Reading("4111 1111 1111 1111"), // the number: too many digits
            Reading("95588"),
            Reading("1"),                   // too few
            Reading("0831"),
            Reading("/31"),
        };

        Assert.Equal(new[] { 4, 3 }, DateVote.Worth(readings, 2).ToArray());
        Assert.Equal(new[] { 4, 3, 1 }, DateVote.Worth(readings, 5).ToArray());
        Assert.Equal(new[] { 3, 1 }, DateVote.Worth(readings, 2, i => i == 4).ToArray());
    }

    private static RecognizedText Reading(string text) => new RecognizedText(text, text.Select(_ => 0.9f).ToArray());
}
