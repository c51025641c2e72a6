using BankcardOcr.Cards;

namespace BankcardOcr.Core.Tests;

public class CardNumberInspectorTests
{
    [Fact]
    public void ChineseDebitCardIsFullyDescribed()
    {
        Assert.True(CardNumberInspector.TryInspect("6228 4804 0256 4890 018", out var info, out _));
        Assert.Equal("6228480402564890018", info.CardNumber);
        Assert.True(info.IsValid);
        Assert.True(info.IsLuhnValid);
        Assert.Equal(19, info.Length);
        Assert.Equal("UnionPay", info.Network);
        Assert.Equal("Discover", info.CoBrandedNetwork);
        Assert.Equal("中国农业银行", info.BankName);
        Assert.Equal("ABC", info.BankAbbreviation);
        Assert.Equal("Debit", info.CardType);
        Assert.Equal("622848", info.Bin);
        Assert.Equal("", info.Reason);
    }

    [Fact]
    public void WrongCheckDigitIsInvalidWithReason()
    {
        var info = CardNumberInspector.Inspect(CardNumbers.WithWrongCheckDigit("4111", 16));
        Assert.False(info.IsValid);
        Assert.False(info.IsLuhnValid);
        Assert.Equal("Visa", info.Network);
        Assert.Contains("Luhn", info.Reason);
    }

    [Fact]
    public void LengthOutsideTheNetworkIsInvalidEvenWithGoodLuhn()
    {
        var info = CardNumberInspector.Inspect(CardNumbers.WithValidCheckDigit("34", 16));
        Assert.True(info.IsLuhnValid);
        Assert.False(info.IsValid);
        Assert.Contains("Amex numbers have 15 digits, not 16", info.Reason);
    }

    [Fact]
    public void UnknownNetworkIsValidOnlyWhenTheBinTableKnowsThePrefix()
    {
        // 103 is an ABC debit prefix for 19-digit cards, outside every network range.
        Assert.True(CardNumberInspector.Inspect(CardNumbers.WithValidCheckDigit("103", 19)).IsValid);
        var stranger = CardNumberInspector.Inspect(CardNumbers.WithValidCheckDigit("700000", 16));
        Assert.False(stranger.IsValid);
        Assert.Equal("Unknown", stranger.Network);
        Assert.Equal("Unknown", stranger.CardType);
    }

    [Fact]
    public void ToStringIsMasked() =>
        Assert.Equal("622848*********0018", CardNumberInspector.Inspect("6228480402564890018").ToString());

    [Fact]
    public void MalformedInputIsNotInspected()
    {
        Assert.False(CardNumberInspector.TryInspect("abc", out _, out var problem));
        Assert.NotEmpty(problem);
    }

    [Fact]
    public void LengthMustMatchTheBinRow()
    {
        // 622848 is listed for 19-digit ABC cards; this 17-digit number passes Luhn but has lost two digits.
        var info = CardNumberInspector.Inspect("62284804025648900");
        Assert.True(info.IsLuhnValid);
        Assert.False(info.IsValid);
        Assert.Contains("19 digits, not 17", info.Reason);
        Assert.True(CardNumberInspector.Inspect("6228480402564890018").IsValid);
    }
}
