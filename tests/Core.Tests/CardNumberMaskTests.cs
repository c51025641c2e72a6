using BankcardOcr.Cards;

namespace BankcardOcr.Core.Tests;

public class CardNumberMaskTests
{
    [Theory]
    [InlineData("6228480402564890515", "622848*********0515")]
    [InlineData("6228480402560515", "622848******0515")]
    [InlineData("12345678901", "123456*8901")]
    [InlineData("1234567890", "**********")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void MaskKeepsFirstSixAndLastFour(string? number, string expected) =>
        Assert.Equal(expected, CardNumberMask.Mask(number));

    [Theory]
    [InlineData("card 6228480402564890515 rejected", "card 622848*********0515 rejected")]
    [InlineData("card 6228 4804 0256 4890 515!", "card 622848*********0515!")]
    [InlineData("error 15 at 2026-11-23, request 12345", "error 15 at 2026-11-23, request 12345")]
    [InlineData("two: 4111111111111111,5500000000000004", "two: 411111******1111,550000******0004")]
    public void MaskInTextHidesEveryCardLengthDigitRun(string text, string expected) =>
        Assert.Equal(expected, CardNumberMask.MaskInText(text));

    [Theory]
    [InlineData("card \uFF16\uFF12\uFF12\uFF18\uFF14\uFF18\uFF10\uFF14\uFF10\uFF12\uFF15\uFF16\uFF14\uFF18\uFF19\uFF10\uFF10\uFF11\uFF18 refused", "card 622848*********0018 refused")]
    [InlineData("\u0666\u0662\u0662\u0668\u200F \u0664\u0668\u0660\u0664 \u2013 \u0660\u0662\u0665\u0666 \u0664\u0668\u0669\u0660 \u0660\u0661\u0668", "622848*********0018")]
    [InlineData("\U0001D7D4\U0001D7D0\U0001D7D0\U0001D7D6\U0001D7D2\U0001D7D6\U0001D7CE\U0001D7D2\U0001D7CE\U0001D7D0\U0001D7D3\U0001D7D4", "622848**0256")]
    public void MaskInTextHidesRunsOfEveryScript(string text, string expected) =>
        Assert.Equal(expected, CardNumberMask.MaskInText(text));

    [Theory]
    [InlineData("\uFF16\uFF12\uFF12\uFF18\uFF14\uFF18\uFF10\uFF14\uFF10\uFF12\uFF15\uFF16\uFF14\uFF18\uFF19\uFF10O\uFF11\uFF18", "\uFF16\uFF12\uFF12\uFF18\uFF14\uFF18*********\uFF10O\uFF11\uFF18")]
    [InlineData("\U0001D7D4\U0001D7D0\U0001D7D0\U0001D7D6\U0001D7D2\U0001D7D6\U0001D7CE\U0001D7D2\U0001D7CE\U0001D7D0\U0001D7D3\U0001D7D4x", "\U0001D7D4\U0001D7D0\U0001D7D0\U0001D7D6\U0001D7D2\U0001D7D6***\U0001D7D0\U0001D7D3\U0001D7D4x")]
    public void MaskInputCountsDigitsOfEveryScriptAndKeepsSurrogatePairsWhole(string input, string expected) =>
        Assert.Equal(expected, CardNumberMask.MaskInput(input));

    [Theory]
    [InlineData("6228-4804-0256-4890-01O", "6228-48**-****-***0-01O")]
    [InlineData("62284804O25648900", "622848*******8900")]
    [InlineData("abc", "abc")]
    public void MaskInputHidesTheMiddleOfAMisreadNumber(string input, string expected) =>
        Assert.Equal(expected, CardNumberMask.MaskInput(input));
}
