using SkiaSharp;

namespace BankcardOcr.CardSynth.Tests;

/// <summary>The photos: same seed same bytes, decodable at the declared size, and described exactly as generated.</summary>
public sealed class CardImageTests
{
    [Theory]
    [InlineData(CardLevel.Hard)]
    [InlineData(CardLevel.Worn)]
    public void SameSeedLevelAndIndexGiveTheSameBytes(CardLevel level)
    {
        var first = new CardGenerator(42).Generate(level, 3);
        var second = new CardGenerator(42).Generate(level, 3);
        Assert.Equal(first.Number, second.Number);
        Assert.Equal(first.Image, second.Image);
        Assert.Equal(first.Damage, second.Damage);
        Assert.Equal(first.NumberQuad, second.NumberQuad);
    }

    [Fact]
    public void ACardDoesNotDependOnTheCardsGeneratedBeforeIt()
    {
        var generator = new CardGenerator(43);
        generator.Generate(CardLevel.Clean, 0);
        generator.Generate(CardLevel.Clean, 1);
        var afterOthers = generator.Generate(CardLevel.Clean, 2);
        var alone = new CardGenerator(43).Generate(CardLevel.Clean, 2);
        Assert.Equal(alone.Image, afterOthers.Image);
    }

    [Fact]
    public void DifferentSeedsOrIndicesGiveDifferentCards()
    {
        var a = new CardGenerator(44).Generate(CardLevel.Clean, 0);
        var b = new CardGenerator(45).Generate(CardLevel.Clean, 0);
        var c = new CardGenerator(44).Generate(CardLevel.Clean, 1);
        Assert.NotEqual(a.Number, b.Number);
        Assert.NotEqual(a.Image, b.Image);
        Assert.NotEqual(a.Image, c.Image);
    }

    [Theory]
    [InlineData(CardLevel.Hard)]
    [InlineData(CardLevel.Worn)]
    public void DescribeGivesTheSameTruthAsGenerate(CardLevel level)
    {
        var generated = new CardGenerator(46).Generate(level, 7);
        var described = new CardGenerator(46).Describe(level, 7);
        Assert.Equal(generated.Number, described.Number);
        Assert.Equal(generated.PrintedNumber, described.PrintedNumber);
        Assert.Equal(generated.Expiry, described.Expiry);
        Assert.Equal(generated.Style, described.Style);
        Assert.Equal(generated.Seed, described.Seed);
        Assert.Equal(generated.Damage, described.Damage);
        Assert.Empty(described.Image);
    }

    [Theory]
    [InlineData(CardLevel.Clean, PrintStyle.Flat)]
    [InlineData(CardLevel.Clean, PrintStyle.Embossed)]
    [InlineData(CardLevel.Hard, PrintStyle.Flat)]
    [InlineData(CardLevel.Hard, PrintStyle.Embossed)]
    [InlineData(CardLevel.Worn, PrintStyle.Flat)]
    [InlineData(CardLevel.Worn, PrintStyle.Embossed)]
    public void JpegDecodesAtTheDeclaredSize(CardLevel level, PrintStyle style)
    {
        var card = new CardGenerator(47).Generate(level, 0, style);
        Assert.Equal(style, card.Style);
        Assert.Equal("jpeg", card.Format);
        Assert.Equal(new byte[] { 0xFF, 0xD8, 0xFF }, card.Image.Take(3));
        using var bitmap = SKBitmap.Decode(card.Image);
        Assert.Equal(card.Width, bitmap.Width);
        Assert.Equal(card.Height, bitmap.Height);
        Assert.EndsWith(".jpg", card.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public void PngIsAvailableForArtefactFreeImages()
    {
        var card = new CardGenerator(48).Generate(CardLevel.Clean, 0, png: true);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, card.Image.Take(4));
        Assert.EndsWith(".png", card.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public void TheNumberLineIsDrawnOnTheCard()
    {
        // A renderer that silently drew no text (a font that failed to load, a line clipped away) would leave every
        // label unreadable. Digits make many strong left-right contrast changes in the rows they cross; the card's
        // gradient, chip and logo make few.
        var card = new CardGenerator(50).Generate(CardLevel.Clean, 0, PrintStyle.Flat);
        using var bitmap = SKBitmap.Decode(card.Image);
        var pixels = bitmap.Pixels;
        var busiestRow = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            var edges = 0;
            for (var x = 1; x < bitmap.Width; x++)
            {
                SKColor a = pixels[(y * bitmap.Width) + x - 1], b = pixels[(y * bitmap.Width) + x];
                if (Math.Abs(a.Red + a.Green + a.Blue - b.Red - b.Green - b.Blue) > 150)
                {
                    edges++;
                }
            }

            busiestRow = Math.Max(busiestRow, edges);
        }

        // 16 to 19 digits of OCR-B cross a row through their middle with at least two strokes each: 4 edges per digit.
        Assert.True(busiestRow >= 60, $"the busiest row has only {busiestRow} strong edges");
    }

    [Fact]
    public void NegativeIndexIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CardGenerator(1).Describe(CardLevel.Clean, -1));
    }
}

/// <summary>The number line's position in the photo, and the straightened crop cut from it.</summary>
public sealed class NumberLineTests
{
    [Theory]
    [InlineData(CardLevel.Clean)]
    [InlineData(CardLevel.Hard)]
    [InlineData(CardLevel.Worn)]
    public void NumberQuadLiesInsideThePhotoAndIsWiderThanTall(CardLevel level)
    {
        var card = new CardGenerator(60).Generate(level, 1);
        Assert.Equal(4, card.NumberQuad.Count);
        Assert.All(card.NumberQuad, p =>
        {
            Assert.InRange(p.X, 0, card.Width);
            Assert.InRange(p.Y, 0, card.Height);
        });
        var width = Math.Abs(card.NumberQuad[1].X - card.NumberQuad[0].X);
        var height = Math.Abs(card.NumberQuad[3].Y - card.NumberQuad[0].Y);
        // 15 to 19 digits in groups: the line is many times as wide as a digit is tall.
        Assert.True(width > 8 * height, $"line {width:0} × {height:0}");
    }

    [Fact]
    public void CropIsAStraightenedPngOfTheLineWithItsMargin()
    {
        var card = new CardGenerator(61).Generate(CardLevel.Hard, 2);
        var crop = NumberLineCrop.Cut(card, margin: 0.5);
        using var bitmap = SkiaSharp.SKBitmap.Decode(crop);
        var q = card.NumberQuad;
        var lineHeight = Math.Sqrt(Math.Pow(q[3].X - q[0].X, 2) + Math.Pow(q[3].Y - q[0].Y, 2));
        Assert.InRange(bitmap.Height, (2 * lineHeight) - 2, (2 * lineHeight) + 2);
        Assert.True(bitmap.Width > 8 * lineHeight);
    }

    [Fact]
    public void ADescribedCardCannotBeCropped()
    {
        var card = new CardGenerator(62).Describe(CardLevel.Clean, 0);
        Assert.Throws<ArgumentException>(() => NumberLineCrop.Cut(card));
    }
}
