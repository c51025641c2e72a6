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
