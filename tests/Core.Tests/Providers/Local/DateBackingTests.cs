using System;
using System.Linq;
using BankcardOcr.Providers.Local;
using Xunit;

namespace BankcardOcr.Core.Tests.Providers.Local;

/// <summary>
/// A date read unsurely stands only when the card-digit model's reading of its line holds the same digits
/// (<see cref="ExpiryDate.Backed"/>): dates have no check digit, so a misread year is otherwise returned as read.
/// </summary>
public sealed class DateBackingTests
{
    private const float Sure = 0.8f;

    [Fact]
    public void ADateReadSurelyStandsWithoutTheSecondReader()
    {
        var reading = Reading("08/31", 0.9f);

        var backed = ExpiryDate.Backed(reading, null, Sure);

        Assert.Same(reading, backed);
        Assert.Equal("08/2031", ExpiryDate.Find(new[] { backed }).Thru);
    }

    [Theory]
    [InlineData("0831")]
    [InlineData("08731")] // the slash read as a digit
    [InlineData("46616 08131")] // letters before the date read as digits
    public void AnUnsureDateStandsWhenTheSecondReaderHoldsItsDigits(string second)
    {
        var reading = WeakAt("08/31", 3);

        var backed = ExpiryDate.Backed(reading, Reading(second, 0.99f), Sure);

        Assert.Equal("08/2031", ExpiryDate.Find(new[] { backed }).Thru);
    }

    [Theory]
    [InlineData("0836")] // another year
    [InlineData("08736 1")]
    [InlineData("831")] // a digit short
    [InlineData("108731")] // more than one digit between
    [InlineData("")]
    public void AnUnsureDateTheSecondReaderDoesNotHoldLosesItsSlashAndIsNoDate(string second)
    {
        var reading = WeakAt("VALID THRU 08/31", 14);

        var backed = ExpiryDate.Backed(reading, Reading(second, 0.99f), Sure);

        Assert.Equal("VALID THRU 08 31", backed.Text);
        Assert.Equal(reading.Probabilities, backed.Probabilities);
        Assert.Equal((string.Empty, string.Empty), ExpiryDate.Find(new[] { backed }));
        Assert.Equal((string.Empty, string.Empty), ExpiryDate.Find(new[] { ExpiryDate.Backed(reading, null, Sure) }));
    }

    [Fact]
    public void AnyOfSeveralSecondReadingsBacksADate()
    {
        var reading = WeakAt("08/31", 0);

        Assert.Same(reading, ExpiryDate.BackedByAny(reading, new[] { null, Reading("0836", 0.99f), Reading("08131", 0.9f) }, Sure));
        Assert.Equal("08 31", ExpiryDate.BackedByAny(reading, new[] { Reading("0836", 0.99f), Reading("8831", 0.99f) }, Sure).Text);
        Assert.Equal("08 31", ExpiryDate.BackedByAny(reading, Array.Empty<RecognizedText>(), Sure).Text);
    }

    [Fact]
    public void OnlyTheUnbackedDateOfALineIsDropped()
    {
        // The valid-from is read unsurely and the second reader reads another month there; the expiry is sure.
        var reading = WeakAt("01/21 08/31", 1);

        var backed = ExpiryDate.Backed(reading, Reading("07121 08731", 0.99f), Sure);

        Assert.Equal("01 21 08/31", backed.Text);
        Assert.Equal((string.Empty, "08/2031"), ExpiryDate.Find(new[] { backed }));
    }

    [Fact]
    public void ASureDigitOfZeroKeepsEveryDate()
    {
        var reading = WeakAt("08/31", 0);

        Assert.Same(reading, ExpiryDate.Backed(reading, Reading("0631", 0.99f), 0f));
    }

    [Fact]
    public void ALineWithoutADateIsLeftAsItIs()
    {
        var reading = Reading("6222 0212", 0.3f);

        Assert.Same(reading, ExpiryDate.Backed(reading, null, Sure));
    }

    private static RecognizedText Reading(string text, float probability) =>
        new RecognizedText(text, text.Select(_ => probability).ToArray());

    private static RecognizedText WeakAt(string text, int position)
    {
        var probabilities = text.Select(_ => 0.97f).ToArray();
        probabilities[position] = 0.4f;
        return new RecognizedText(text, probabilities);
    }
}
