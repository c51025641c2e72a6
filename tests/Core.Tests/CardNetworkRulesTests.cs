using BankcardOcr.Cards;

namespace BankcardOcr.Core.Tests;

public class CardNetworkRulesTests
{
    // Each pair straddles the edge of a range: the last prefix outside and the first inside, or the reverse.
    [Theory]
    [InlineData("4", 16, CardNetwork.Visa)]
    [InlineData("3999", 16, CardNetwork.DinersClub)]
    [InlineData("50", 16, CardNetwork.Unknown)]
    [InlineData("51", 16, CardNetwork.Mastercard)]
    [InlineData("55", 16, CardNetwork.Mastercard)]
    [InlineData("56", 16, CardNetwork.Unknown)]
    [InlineData("2220", 16, CardNetwork.Unknown)]
    [InlineData("2221", 16, CardNetwork.Mastercard)]
    [InlineData("2720", 16, CardNetwork.Mastercard)]
    [InlineData("2721", 16, CardNetwork.Unknown)]
    [InlineData("33", 15, CardNetwork.Unknown)]
    [InlineData("34", 15, CardNetwork.Amex)]
    [InlineData("35", 15, CardNetwork.Unknown)]
    [InlineData("37", 15, CardNetwork.Amex)]
    [InlineData("3527", 16, CardNetwork.Unknown)]
    [InlineData("3528", 16, CardNetwork.JCB)]
    [InlineData("3589", 16, CardNetwork.JCB)]
    [InlineData("3590", 16, CardNetwork.Unknown)]
    [InlineData("299", 14, CardNetwork.Unknown)]
    [InlineData("300", 14, CardNetwork.DinersClub)]
    [InlineData("305", 14, CardNetwork.DinersClub)]
    [InlineData("306", 14, CardNetwork.Unknown)]
    [InlineData("3094", 14, CardNetwork.Unknown)]
    [InlineData("3095", 14, CardNetwork.DinersClub)]
    [InlineData("3096", 14, CardNetwork.Unknown)]
    [InlineData("36", 14, CardNetwork.DinersClub)]
    [InlineData("38", 16, CardNetwork.DinersClub)]
    [InlineData("6010", 16, CardNetwork.Unknown)]
    [InlineData("6011", 16, CardNetwork.Discover)]
    [InlineData("6012", 16, CardNetwork.Unknown)]
    [InlineData("643", 16, CardNetwork.Unknown)]
    [InlineData("644", 16, CardNetwork.Discover)]
    [InlineData("649", 16, CardNetwork.Discover)]
    [InlineData("650", 16, CardNetwork.Discover)]
    [InlineData("66", 16, CardNetwork.Unknown)]
    [InlineData("61", 16, CardNetwork.Unknown)]
    [InlineData("62", 16, CardNetwork.UnionPay)]
    [InlineData("622125", 19, CardNetwork.UnionPay)]
    [InlineData("622126", 19, CardNetwork.UnionPay)]
    [InlineData("622925", 19, CardNetwork.UnionPay)]
    [InlineData("622926", 19, CardNetwork.UnionPay)]
    [InlineData("63", 16, CardNetwork.Unknown)]
    [InlineData("80", 16, CardNetwork.Unknown)]
    [InlineData("81", 16, CardNetwork.UnionPay)]
    [InlineData("82", 16, CardNetwork.Unknown)]
    public void NetworkIsToldByPrefixRanges(string prefix, int length, CardNetwork expected) =>
        Assert.Equal(expected, CardNetworkRules.Identify(CardNumbers.WithValidCheckDigit(prefix, length)));

    [Theory]
    [InlineData("622125", "")]
    [InlineData("622126", "Discover")]
    [InlineData("622848", "Discover")]
    [InlineData("622925", "Discover")]
    [InlineData("622926", "")]
    [InlineData("621700", "")]
    public void UnionPayDiscoverCoBrandRangeIs622126To622925(string prefix, string expected)
    {
        var coBrand = CardNetworkRules.CoBrandedNetwork(CardNumbers.WithValidCheckDigit(prefix, 19));
        Assert.Equal(expected, coBrand == CardNetwork.Unknown ? "" : coBrand.ToString());
    }

    [Theory]
    [InlineData(CardNetwork.Visa, 13, true)]
    [InlineData(CardNetwork.Visa, 14, false)]
    [InlineData(CardNetwork.Visa, 16, true)]
    [InlineData(CardNetwork.Visa, 19, true)]
    [InlineData(CardNetwork.Mastercard, 16, true)]
    [InlineData(CardNetwork.Mastercard, 15, false)]
    [InlineData(CardNetwork.Amex, 15, true)]
    [InlineData(CardNetwork.Amex, 16, false)]
    [InlineData(CardNetwork.JCB, 15, false)]
    [InlineData(CardNetwork.JCB, 19, true)]
    [InlineData(CardNetwork.DinersClub, 13, false)]
    [InlineData(CardNetwork.DinersClub, 14, true)]
    [InlineData(CardNetwork.UnionPay, 15, false)]
    [InlineData(CardNetwork.UnionPay, 16, true)]
    [InlineData(CardNetwork.UnionPay, 19, true)]
    [InlineData(CardNetwork.Discover, 16, true)]
    [InlineData(CardNetwork.Unknown, 12, true)]
    [InlineData(CardNetwork.Unknown, 20, false)]
    public void LengthsFollowEachNetwork(CardNetwork network, int length, bool expected) =>
        Assert.Equal(expected, CardNetworkRules.IsValidLength(network, length));
}
