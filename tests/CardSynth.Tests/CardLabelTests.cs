using BankcardOcr.Cards;

namespace BankcardOcr.CardSynth.Tests;

/// <summary>The ground truth the generator hands out: numbers a real issuer could have printed, in the groups banks use.</summary>
public sealed class CardLabelTests
{
    private const int Sample = 3000;

    private static IEnumerable<SyntheticCard> Described(ulong seed, CardLevel level, CardOrigin? origin = null)
    {
        var generator = new CardGenerator(seed);
        return Enumerable.Range(0, Sample).Select(i => generator.Describe(level, i, origin: origin));
    }

    [Fact]
    public void EveryNumberPassesLuhn()
    {
        var failing = Described(11, CardLevel.Clean).Concat(Described(11, CardLevel.Hard)).Where(c => !CardNumberRules.IsLuhnValid(c.Number)).ToList();
        Assert.Empty(failing);
    }

    [Fact]
    public void ChineseNumbersSitOnABinPrefixIssuedWithTheirLength()
    {
        foreach (var card in Described(12, CardLevel.Hard, CardOrigin.Chinese))
        {
            var row = BinTable.Lookup(card.Number);
            Assert.NotNull(row);
            Assert.Equal(card.Number.Length, row!.Length);
            Assert.StartsWith(row.Prefix, card.Number, StringComparison.Ordinal);
            Assert.Equal("UnionPay", card.Network);
        }
    }

    [Fact]
    public void InternationalNumbersMatchTheirNetworksPrefixAndLength()
    {
        var seen = new HashSet<string>();
        foreach (var card in Described(13, CardLevel.Clean, CardOrigin.International))
        {
            var network = CardNetworkRules.Identify(card.Number);
            Assert.Equal(card.Network, network.ToString());
            Assert.True(CardNetworkRules.IsValidLength(network, card.Number.Length), $"{card.Network} with {card.Number.Length} digits");
            seen.Add(card.Network);
        }

        Assert.Equal(new[] { "Amex", "JCB", "Mastercard", "Visa" }, seen.OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void LengthsFrom15To19AllOccur()
    {
        var lengths = Described(14, CardLevel.Clean).Select(c => c.Number.Length).Distinct().OrderBy(l => l);
        Assert.Equal(new[] { 15, 16, 17, 18, 19 }, lengths);
    }

    [Fact]
    public void PrintedNumberIsTheNumberInItsGroups()
    {
        foreach (var card in Described(15, CardLevel.Hard))
        {
            Assert.Equal(card.Number, card.PrintedNumber.Replace(" ", string.Empty, StringComparison.Ordinal));
            Assert.Equal(card.Grouping, card.PrintedNumber.Split(' ').Select(g => g.Length));
        }
    }

    [Fact]
    public void AmexIsGrouped4_6_5And16DigitsIn4s()
    {
        foreach (var card in Described(16, CardLevel.Clean))
        {
            if (card.Network == "Amex")
            {
                Assert.Equal(new[] { 4, 6, 5 }, card.Grouping);
            }
            else if (card.Number.Length == 16)
            {
                Assert.Equal(new[] { 4, 4, 4, 4 }, card.Grouping);
            }
        }
    }

    [Fact]
    public void NineteenDigitCardsUseBothTheFoursAndThe6_13Layout()
    {
        var layouts = Described(17, CardLevel.Clean, CardOrigin.Chinese).Where(c => c.Number.Length == 19)
            .Select(c => string.Join("-", c.Grouping)).Distinct().OrderBy(l => l, StringComparer.Ordinal);
        Assert.Equal(new[] { "4-4-4-4-3", "6-13" }, layouts);
    }

    [Fact]
    public void ExpiryIsAValidMonthAndMatchesValidThru()
    {
        foreach (var card in Described(18, CardLevel.Clean))
        {
            Assert.Matches("^(0[1-9]|1[0-2])/[0-9]{2}$", card.Expiry);
            Assert.Equal(card.Expiry[..3] + "20" + card.Expiry[3..], card.ValidThru);
        }
    }

    [Fact]
    public void StylesAndOriginsAreMixedWhenNotChosen()
    {
        var cards = Described(19, CardLevel.Hard).ToList();
        var embossed = cards.Count(c => c.Style == PrintStyle.Embossed) / (double)cards.Count;
        var chinese = cards.Count(c => c.Origin == CardOrigin.Chinese) / (double)cards.Count;
        Assert.InRange(embossed, 0.45, 0.55);
        Assert.InRange(chinese, 0.65, 0.75);
    }

    [Fact]
    public void HardCardsCanSitMuchSmallerInTheFrameThanCleanOnes()
    {
        var clean = Described(20, CardLevel.Clean).Select(c => c.CardScale).ToList();
        var hard = Described(20, CardLevel.Hard).Select(c => c.CardScale).ToList();
        Assert.All(clean, s => Assert.InRange(s, 0.7, 0.9));
        Assert.All(hard, s => Assert.InRange(s, 0.38, 0.9));
        Assert.True(hard.Count(s => s < 0.5) > Sample / 10, "hard cards rarely small");
    }

    [Fact]
    public void CheckDigitAgreesWithCoreLuhnForEveryPayloadDigit()
    {
        // A payload ending in each digit 0-9 exercises the doubling (and the minus-nine) of the check digit's neighbour.
        for (var last = 0; last <= 9; last++)
        {
            var payload = "62284800000000000" + last;
            var number = payload + CardNumberMaker.CheckDigit(payload);
            Assert.True(CardNumberRules.IsLuhnValid(number), number);
            var wrong = payload + ((CardNumberMaker.CheckDigit(payload) + 1) % 10);
            Assert.False(CardNumberRules.IsLuhnValid(wrong), wrong);
        }
    }
}
