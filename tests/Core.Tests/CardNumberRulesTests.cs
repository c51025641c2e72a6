using BankcardOcr.Cards;

namespace BankcardOcr.Core.Tests;

public class CardNumberRulesTests
{
    [Theory]
    [InlineData("4111111111111111", true)]
    [InlineData("4111111111111112", false)]
    [InlineData("6228480402564890018", true)]
    [InlineData("6228480402564890019", false)]
    [InlineData("79927398713", true)]
    [InlineData("0", true)]
    [InlineData("", false)]
    [InlineData("12a4", false)]
    public void LuhnMatchesKnownAnswers(string digits, bool expected) =>
        Assert.Equal(expected, CardNumberRules.IsLuhnValid(digits));

    [Fact]
    public void LuhnAgreesWithReferenceOnTenThousandRandomNumbers()
    {
        var random = new Random(20261123);
        var disagreements = new List<string>();
        var validSeen = 0;
        for (var i = 0; i < 10_000; i++)
        {
            var length = random.Next(12, 20);
            var chars = new char[length];
            for (var j = 0; j < length; j++)
            {
                chars[j] = (char)('0' + random.Next(10));
            }

            var number = new string(chars);
            var expected = CardNumbers.ReferenceLuhn(number);
            validSeen += expected ? 1 : 0;
            if (CardNumberRules.IsLuhnValid(number) != expected)
            {
                disagreements.Add(number);
            }
        }

        Assert.Empty(disagreements);
        // About one random number in ten passes Luhn; a sample with none would not test the valid side.
        Assert.InRange(validSeen, 700, 1300);
    }

    [Theory]
    [InlineData("6228 4804 0256 4890 018")]
    [InlineData("6228-4804-0256-4890-018")]
    [InlineData(" 6228480402564890018 ")]
    public void SpacesAndDashesAreAccepted(string input)
    {
        Assert.True(CardNumberRules.TryNormalize(input, out var digits, out var problem), problem);
        Assert.Equal("6228480402564890018", digits);
    }

    [Theory]
    [InlineData("\uFF16\uFF12\uFF12\uFF18\uFF14\uFF18\uFF10\uFF14\uFF10\uFF12\uFF15\uFF16\uFF14\uFF18\uFF19\uFF10\uFF10\uFF11\uFF18")] // full-width
    [InlineData("\u0666\u0662\u0662\u0668\u0664\u0668\u0660\u0664\u0660\u0662\u0665\u0666\u0664\u0668\u0669\u0660\u0660\u0661\u0668")] // Arabic-Indic
    [InlineData("\u096C\u0968\u0968\u096E \u096A\u096E\u0966\u096A \u0966\u0968\u096B\u096C \u096A\u096E\u096F\u0966 \u0966\u0967\u096E")] // Devanagari
    [InlineData("\U0001D7D4\U0001D7D0\U0001D7D0\U0001D7D6\U0001D7D2\U0001D7D6\U0001D7CE\U0001D7D2\U0001D7CE\U0001D7D0\U0001D7D3\U0001D7D4\U0001D7D2\U0001D7D6\U0001D7D7\U0001D7CE\U0001D7CE\U0001D7CF\U0001D7D6")] // mathematical bold, beyond the BMP
    [InlineData("\uFF16\uFF12\uFF12\uFF18\u3000\u0664\u0668\u0660\u0664\uFF0D0256\u00A04890\u2013\u200F018")] // mixed scripts and separators
    public void DecimalDigitsOfEveryScriptAndSeparatorsOfEveryWidthAreRead(string input)
    {
        Assert.True(CardNumberRules.TryNormalize(input, out var digits, out var problem), problem);
        Assert.Equal("6228480402564890018", digits);
    }

    [Theory]
    [InlineData("\uFF16\uFF12\uFF12\uFF18\uFF14\uFF18\uFF10\uFF14\uFF10\uFF12\uFF15\uFF16\uFF14\uFF18\uFF19\uFF10O\uFF11\uFF18", "'O' at position 17")]
    [InlineData("\U0001D7D4\U0001D7D0x", "'x' at position 3")]
    [InlineData("4111\n1111 1111 1111", "U+000A at position 5")]
    [InlineData("\u00B2411111111111111", "'\u00B2' at position 1")]
    public void AnythingButDigitsAndSeparatorsIsRefusedByPosition(string input, string reasonFragment)
    {
        Assert.False(CardNumberRules.TryNormalize(input, out _, out var problem));
        Assert.Contains(reasonFragment, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ALoneSurrogateIsRefusedByItsCode()
    {
        // Built here: xunit's serialisation of test data turns a lone surrogate into U+FFFD.
        var input = "4111" + (char)0xD800 + "111111111111";

        Assert.False(CardNumberRules.TryNormalize(input, out _, out var problem));
        Assert.Contains("lone surrogate U+D800 at position 5", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("6228480402564890O18", "'O' at position 17")]
    [InlineData("6228.4804.0256.4890", "'.' at position 5")]
    [InlineData("12345678901", "has 11 digits")]
    [InlineData("12345678901234567890", "has 20 digits")]
    [InlineData("622848******0515", "masked")]
    public void MalformedInputIsRefusedWithAReason(string? input, string reasonFragment)
    {
        Assert.False(CardNumberRules.TryNormalize(input, out _, out var problem));
        Assert.Contains(reasonFragment, problem);
    }

    [Fact]
    public void RefusalNeverRepeatsTheDigits()
    {
        CardNumberRules.TryNormalize("6228480402564890018x", out _, out var problem);
        Assert.DoesNotContain("6228480402564890018", problem);
        Assert.DoesNotContain("622848", problem);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(19)]
    public void LengthLimitsAreInclusive(int length) =>
        Assert.True(CardNumberRules.TryNormalize(new string('4', length), out _, out _));
}
