using SkiaSharp;

namespace BankcardOcr.CardSynth.Tests;

/// <summary>Cards that print what the caller asks (tests' numbers, specimens, blank cards) and photos turned in quarters.</summary>
public sealed class CardPrintTests
{
    [Theory]
    [InlineData(CardLevel.Clean, 0)]
    [InlineData(CardLevel.Hard, 5)]
    public void APrintThatAsksNothingIsTheSeedsCardByteForByte(CardLevel level, int index)
    {
        var seeded = new CardGenerator(70).Generate(level, index);
        var printed = new CardGenerator(70).Print(level, index, new CardPrint());

        Assert.Equal(seeded.Image, printed.Image);
        Assert.Equal((seeded.Number, seeded.PrintedNumber, seeded.Expiry, seeded.ValidThru), (printed.Number, printed.PrintedNumber, printed.Expiry, printed.ValidThru));
        Assert.Equal(seeded.NumberQuad, printed.NumberQuad);
    }

    [Fact]
    public void TheGivenNumberGroupsAndExpiryAreWhatTheCardSays()
    {
        // A specimen card's number: the generator prints it as given, Luhn or not.
        var print = new CardPrint { Number = "4000123456789010", Grouping = new[] { 4, 4, 4, 4 }, Expiry = "09/26" };

        var card = new CardGenerator(71).Print(CardLevel.Clean, 2, print);
        var seeded = new CardGenerator(71).Describe(CardLevel.Clean, 2);

        Assert.Equal("4000123456789010", card.Number);
        Assert.Equal("4000 1234 5678 9010", card.PrintedNumber);
        Assert.Equal(("09/26", "09/2026"), (card.Expiry, card.ValidThru));
        Assert.Equal((seeded.Style, seeded.Origin, seeded.Seed), (card.Style, card.Origin, card.Seed));
        Assert.NotEqual(new CardGenerator(71).Generate(CardLevel.Clean, 2).Image, card.Image);
    }

    [Fact]
    public void WithoutGroupingTheNumberIsPrintedInFours()
    {
        var card = new CardGenerator(72).Print(CardLevel.Clean, 0, new CardPrint { Number = "6228480402564890018" });

        Assert.Equal("6228 4804 0256 4890 018", card.PrintedNumber);
    }

    [Fact]
    public void ABlankCardHasNoNumberAndNoExpiry()
    {
        var card = new CardGenerator(73).Print(CardLevel.Clean, 1, CardPrint.Blank);

        Assert.Equal((string.Empty, string.Empty, string.Empty, string.Empty), (card.Number, card.PrintedNumber, card.Expiry, card.ValidThru));
        using var bitmap = SKBitmap.Decode(card.Image);
        Assert.Equal((card.Width, card.Height), (bitmap.Width, bitmap.Height));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void AQuarterTurnMovesEveryPixelAndTheNumberLineClockwise(int turns)
    {
        var print = new CardPrint { Number = "6228480402564890018", Expiry = "06/31" };
        var upright = new CardGenerator(74).Print(CardLevel.Clean, 3, print, png: true);
        var turned = new CardGenerator(74).Print(CardLevel.Clean, 3, new CardPrint { Number = print.Number, Expiry = print.Expiry, QuarterTurns = turns }, png: true);

        using var before = SKBitmap.Decode(upright.Image);
        using var after = SKBitmap.Decode(turned.Image);
        Assert.Equal((turned.Width, turned.Height), (after.Width, after.Height));
        Assert.Equal(turns % 2 == 1 ? (before.Height, before.Width) : (before.Width, before.Height), (after.Width, after.Height));
        for (var y = 0; y < before.Height; y += 37)
        {
            for (var x = 0; x < before.Width; x += 41)
            {
                var (tx, ty) = Turn(x, y, before.Width, before.Height, turns, pixel: true);
                Assert.Equal(before.GetPixel(x, y), after.GetPixel((int)tx, (int)ty));
            }
        }

        for (var i = 0; i < 4; i++)
        {
            var (tx, ty) = Turn(upright.NumberQuad[i].X, upright.NumberQuad[i].Y, before.Width, before.Height, turns, pixel: false);
            Assert.Equal(tx, turned.NumberQuad[i].X, 0.01);
            Assert.Equal(ty, turned.NumberQuad[i].Y, 0.01);
        }
    }

    [Fact]
    public void GroupsThatDoNotAddUpToTheNumberAreRefused()
    {
        var print = new CardPrint { Number = "4111111111111111", Grouping = new[] { 4, 4, 4 } };

        Assert.Throws<ArgumentException>(() => new CardGenerator(75).Print(CardLevel.Clean, 0, print));
    }

    /// <summary>Where a point lands after <paramref name="turns"/> clockwise quarter turns: (x, y) goes to (height − y, x) each time.</summary>
    private static (float X, float Y) Turn(float x, float y, float width, float height, int turns, bool pixel)
    {
        // A pixel's index turns about its centre, so one is taken off where a continuous coordinate takes none.
        var edge = pixel ? 1 : 0;
        for (var i = 0; i < turns; i++)
        {
            (x, y, width, height) = (height - edge - y, x, height, width);
        }

        return (x, y);
    }
}
