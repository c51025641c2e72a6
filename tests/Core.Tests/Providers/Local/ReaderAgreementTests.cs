using System.Linq;
using BankcardOcr.Providers.Local;
using Xunit;

namespace BankcardOcr.Core.Tests.Providers.Local;

public sealed class ReaderAgreementTests
{
    [Fact]
    public void DigitsBothReadersReadTakeTheSurerProbability()
    {
        var first = Reading("4111 1111", 0.6f, 0.9f, 0.97f, 0.3f, 1f, 0.97f, 0.97f, 0.97f, 0.97f);
        var second = Reading("41111111", 0.9f, 0.5f, 0.99f, 0.8f, 0.9f, 0.9f, 0.9f, 0.9f);

        var joined = ReaderAgreement.Join(first, second, out var wasJoined, out var disputed);

        Assert.True(wasJoined);
        Assert.Equal(0, disputed);
        Assert.Equal("4111 1111", joined.Text);
        Assert.Equal(new[] { 0.9f, 0.9f, 0.99f, 0.8f, 1f, 0.97f, 0.97f, 0.97f, 0.97f }, joined.Probabilities);
    }

    [Fact]
    public void ADisputedDigitIsTheSurerReadersWithOnlyItsMargin()
    {
        var first = Reading("1234 5678", 0.7f, 0.9f, 0.9f, 0.9f, 1f, 0.4f, 0.9f, 0.9f, 0.9f);
        var second = Reading("7234 5078", 0.95f, 0.9f, 0.9f, 0.9f, 1f, 0.9f, 0.3f, 0.9f, 0.9f);

        var joined = ReaderAgreement.Join(first, second, out _, out var disputed);

        Assert.Equal(2, disputed);
        Assert.Equal("7234 5678", joined.Text);
        Assert.Equal(0.25f, joined.Probabilities[0], 5);
        Assert.Equal(0.6f, joined.Probabilities[6], 5);
    }

    [Theory]
    [InlineData("4111 1111 1111 1111", "411111111111111")]
    [InlineData("12/29", "1229")]
    [InlineData("0123 4567", "")]
    public void LinesWhoseDigitsCannotBePairedKeepTheFirstReading(string first, string second)
    {
        var mine = Reading(first, first.Select(_ => 0.8f).ToArray());

        var joined = ReaderAgreement.Join(mine, Reading(second, second.Select(_ => 0.99f).ToArray()), out var wasJoined, out var disputed);

        Assert.Same(mine, joined);
        Assert.False(wasJoined);
        Assert.Equal(0, disputed);
    }

    private static RecognizedText Reading(string text, params float[] probabilities) => new RecognizedText(text, probabilities);
}
