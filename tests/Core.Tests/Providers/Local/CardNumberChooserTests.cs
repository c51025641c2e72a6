using System.Linq;
using BankcardOcr.Providers.Local;
using Xunit;

namespace BankcardOcr.Core.Tests.Providers.Local;

public sealed class CardNumberChooserTests
{
    private static RecognizedText Line(string text, float p = 0.98f) => new RecognizedText(text, text.Select(_ => p).ToArray());

    [Fact]
    public void AWholeLineThatPassesLuhnAndItsBinLengthIsChosen()
    {
        var number = CardNumbers.WithValidCheckDigit("622848", 19);
        var chosen = CardNumberChooser.Choose(CardNumberChooser.Candidates(new[] { Line(Grouped(number)) }));
        Assert.Equal(number, chosen?.Digits);
    }

    [Fact]
    public void AStrayGroupOnTheNumbersLineIsLeftOutByTakingARunOfGroups()
    {
        var number = CardNumbers.WithValidCheckDigit("622848", 19);
        var chosen = CardNumberChooser.Choose(CardNumberChooser.Candidates(new[] { Line("10 " + Grouped(number)) }));
        Assert.Equal(number, chosen?.Digits);
    }

    [Fact]
    public void ALuhnFailingReadingIsNotChosenButIsTheBestUnverifiedAndSaysWhy()
    {
        var candidates = CardNumberChooser.Candidates(new[] { Line("4000 1234 5678 9010") });
        Assert.Null(CardNumberChooser.Choose(candidates));
        var best = CardNumberChooser.BestUnverified(candidates);
        Assert.Equal("4000123456789010", best?.Digits);
        Assert.Equal("16 digits, Luhn fails", best!.Describe());
    }

    [Fact]
    public void ASpecimenNumberWithAStrayGroupAfterItIsReportedWithoutTheGroup()
    {
        // Whole line: 17 digits, a length no Visa uses; the run of its first four groups is the specimen's number.
        var candidates = CardNumberChooser.Candidates(new[] { Line("4000 1234 5678 9010 7", 0.99f) });
        Assert.Null(CardNumberChooser.Choose(candidates));
        Assert.Equal("4000123456789010", CardNumberChooser.BestUnverified(candidates)?.Digits);
    }

    [Fact]
    public void ALuhnValidNumberWhoseLengthNoIssuerUsesIsNotChosen()
    {
        // 622848 is issued with 19 digits; a 17-digit reading (two digits lost) that happens to pass Luhn is refused.
        var misread = CardNumbers.WithValidCheckDigit("622848", 17);
        var candidates = CardNumberChooser.Candidates(new[] { Line(misread) });
        Assert.True(candidates.Single().IsLuhnValid);
        Assert.Null(CardNumberChooser.Choose(candidates));
        Assert.Equal("17 digits, no issuer uses that prefix with that length", candidates.Single().Describe());
    }

    [Theory]
    [InlineData("629912", 16)] // UnionPay's range at a length it issues, a prefix the BIN table does not list
    [InlineData("7012", 16)] // no network and no BIN-table row
    [InlineData("629912", 19)]
    public void ASurelyReadWholeLineFromAnUnlistedIssuerIsChosen(string prefix, int length)
    {
        var number = CardNumbers.WithValidCheckDigit(prefix, length);
        var candidates = CardNumberChooser.Candidates(new[] { Line(Grouped(number), CardNumberChooser.UnknownIssuerMinimumDigitProbability + 0.02f) });
        Assert.True(candidates.Single(c => c.WholeLine).IssuerUnknown);
        Assert.False(candidates.Single(c => c.WholeLine).MatchesIssuer);
        Assert.Equal(number, CardNumberChooser.Choose(candidates)?.Digits);
    }

    [Fact]
    public void AnUnlistedIssuersNumberWithOneDigitUnderTheStricterGateIsNotChosenAndSaysWhy()
    {
        var number = CardNumbers.WithValidCheckDigit("629912", 16);
        var probabilities = Enumerable.Repeat(0.99f, 16).ToArray();
        probabilities[9] = CardNumberChooser.UnknownIssuerMinimumDigitProbability - 0.05f;
        Assert.True(probabilities[9] > CardNumberChooser.MinimumDigitProbability, "the digit would pass a listed issuer's gate");
        var candidates = CardNumberChooser.Candidates(new[] { new RecognizedText(number, probabilities) });
        Assert.Null(CardNumberChooser.Choose(candidates));
        Assert.Equal("16 digits, no issuer list knows that prefix, and not every digit is sure", candidates.Single().Describe());
    }

    [Fact]
    public void AnUnlistedIssuersNumberIsNotChosenFromARunOfALinesGroups()
    {
        // The run leaves out a group the detector joined to the line; with nothing but Luhn to check it, a run is not enough.
        var number = CardNumbers.WithValidCheckDigit("7012", 16);
        var candidates = CardNumberChooser.Candidates(new[] { Line("1234 " + Grouped(number), 0.99f) });
        var run = candidates.Single(c => c.Digits == number);
        Assert.True(run.IssuerUnknown && !run.WholeLine);
        Assert.Null(CardNumberChooser.Choose(candidates));
        Assert.Equal("16 digits, no issuer list knows that prefix, and it is only part of its line", run.Describe());
    }

    [Theory]
    [InlineData("622848", 17)] // the BIN table issues 622848 with 19 digits: two digits lost
    [InlineData("4", 17)] // Visa issues 13, 16 and 19 digits
    [InlineData("62", 15)] // UnionPay issues 16-19 digits
    public void ASurelyReadNumberWhoseLengthAKnownPrefixContradictsIsNotChosen(string prefix, int length)
    {
        var number = CardNumbers.WithValidCheckDigit(prefix, length);
        var candidates = CardNumberChooser.Candidates(new[] { Line(number, 0.999f) });
        Assert.False(candidates.Single().IssuerUnknown);
        Assert.Null(CardNumberChooser.Choose(candidates));
    }

    [Fact]
    public void AValidNumberWithOneDigitTheModelBarelyBelievedIsNotChosen()
    {
        var number = CardNumbers.WithValidCheckDigit("4", 16);
        var probabilities = Enumerable.Repeat(0.99f, 16).ToArray();
        probabilities[7] = CardNumberChooser.MinimumDigitProbability - 0.1f;
        var candidates = CardNumberChooser.Candidates(new[] { new RecognizedText(number, probabilities) });
        Assert.True(candidates.Single().PassesChecks);
        Assert.Null(CardNumberChooser.Choose(candidates));
    }

    [Fact]
    public void TheMoreCertainOfTwoVerifiedReadingsWins()
    {
        var weak = CardNumbers.WithValidCheckDigit("4", 16, '1');
        var strong = CardNumbers.WithValidCheckDigit("5", 16, '2');
        var chosen = CardNumberChooser.Choose(CardNumberChooser.Candidates(new[] { Line(weak, 0.8f), Line(strong, 0.97f) }));
        Assert.Equal(strong, chosen?.Digits);
    }

    [Fact]
    public void AWholeLineThatPassesBeatsAMoreCertainRunOfItsGroupsThatAlsoPasses()
    {
        // 19 digits on BIN 622434 whose last 15 (prefix 34, Amex's length) pass Luhn too, as they do whenever the whole
        // number does ("6224" adds 6 + 4 + 2 + 8 = 20 to the Luhn sum); the first group was read weakly.
        string? found = null;
        for (var middle = 0; middle < 100000 && found is null; middle++)
        {
            var candidate = CardNumbers.WithValidCheckDigit("622434" + middle.ToString("00000"), 19, '1');
            if (CardNumbers.ReferenceLuhn(candidate.Substring(4)))
            {
                found = candidate;
            }
        }

        var number = found!;

        var probabilities = Enumerable.Repeat(0.99f, 23).ToArray();
        for (var i = 0; i < 4; i++)
        {
            probabilities[i] = 0.7f;
        }

        var line = new RecognizedText(Grouped(number), probabilities);
        var candidates = CardNumberChooser.Candidates(new[] { line });
        Assert.Contains(candidates, c => c.Digits == number.Substring(4) && c.PassesChecks);
        Assert.Equal(number, CardNumberChooser.Choose(candidates)?.Digits);
    }

    [Fact]
    public void ShortLinesMakeNoCandidates()
    {
        Assert.Empty(CardNumberChooser.Candidates(new[] { Line("08/29"), Line("1234 5678"), Line(string.Empty) }));
    }

    private static string Grouped(string digits) =>
        string.Join(" ", Enumerable.Range(0, (digits.Length + 3) / 4).Select(i => digits.Substring(i * 4, Math.Min(4, digits.Length - i * 4))));
}
