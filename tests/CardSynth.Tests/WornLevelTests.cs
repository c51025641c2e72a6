using SkiaSharp;

namespace BankcardOcr.CardSynth.Tests;

/// <summary>
/// The worn level (its determinism and number quad are tested with the other levels' in CardImageTests): its photos
/// as small as shared phone photos, its damage drawn on most cards and on none of the other levels', and its number
/// line where the digits are after the shrink.
/// </summary>
public sealed class WornLevelTests
{
    [Fact]
    public void AWornCardIsNotTheHardCardOfTheSameIndex()
    {
        Assert.NotEqual(new CardGenerator(80).Generate(CardLevel.Hard, 4).Image, new CardGenerator(80).Generate(CardLevel.Worn, 4).Image);
    }

    [Fact]
    public void PhotosAreSharedPhoneSizesAndDecodeAtTheDeclaredSize()
    {
        var generator = new CardGenerator(82);
        var longSides = new List<int>();
        for (var i = 0; i < 24; i++)
        {
            var card = generator.Generate(CardLevel.Worn, i);
            using var bitmap = SKBitmap.Decode(card.Image);
            Assert.Equal(card.Width, bitmap.Width);
            Assert.Equal(card.Height, bitmap.Height);
            longSides.Add(Math.Max(card.Width, card.Height));
        }

        Assert.All(longSides, side => Assert.InRange(side, CardScene.MinSharedSide, CardScene.MaxSharedSide));
        longSides.Sort();
        Assert.InRange(longSides[longSides.Count / 2], 400, 620);
    }

    [Fact]
    public void TheNumberQuadFollowsTheShrink()
    {
        // A quad left at the drawing's 1280 × 960 scale would point past the digits of a 500-pixel photo: on an
        // undamaged flat card the digits' strokes make the quad's band much busier than the card's face above it
        // (below it lie the expiry and the holder's name).
        var generator = new CardGenerator(84);
        var index = Enumerable.Range(0, 200).First(i => generator.Describe(CardLevel.Worn, i, PrintStyle.Flat).Damage.Count == 0);
        var card = generator.Generate(CardLevel.Worn, index, PrintStyle.Flat, png: true);
        using var bitmap = SKBitmap.Decode(card.Image);
        var q = card.NumberQuad;
        var top = (int)Math.Min(q[0].Y, q[1].Y);
        var bottom = (int)Math.Ceiling(Math.Max(q[2].Y, q[3].Y));
        var left = (int)Math.Min(q[0].X, q[3].X);
        var right = (int)Math.Ceiling(Math.Max(q[1].X, q[2].X));
        var onLine = Edges(bitmap, left, right, top, bottom);
        var band = bottom - top;
        var above = Edges(bitmap, left, right, top - (2 * band), bottom - (2 * band));
        // 15 to 19 digits of at least two strokes each, on every row of the band.
        Assert.True(onLine > Math.Max(100, 1.5 * above), $"edges on the line {onLine}, above {above}");
    }

    [Fact]
    public void OnlyTheWornLevelDrawsFaceDamageAndMostOfItsCardsCarrySome()
    {
        var generator = new CardGenerator(85);
        var worn = Enumerable.Range(0, 400).Select(i => generator.Describe(CardLevel.Worn, i)).ToList();
        Assert.All(Enumerable.Range(0, 50), i => Assert.Empty(generator.Describe(CardLevel.Hard, i).Damage));
        Assert.All(Enumerable.Range(0, 50), i => Assert.Empty(generator.Describe(CardLevel.Clean, i).Damage));
        Assert.InRange(worn.Count(c => c.Damage.Count > 0) / (double)worn.Count, 0.4, 0.95);
        Assert.Contains(worn, c => c.Damage.Contains("pale"));
        Assert.Contains(worn, c => c.Damage.Any(d => d.StartsWith("art", StringComparison.Ordinal)));
        Assert.Contains(worn, c => c.Damage.Contains("hologram"));
        Assert.InRange(worn.Count(c => c.Style == PrintStyle.Embossed) / (double)worn.Count, 0.59, 0.75);
    }

    private static int Edges(SKBitmap bitmap, int left, int right, int top, int bottom)
    {
        var edges = 0;
        for (var y = Math.Max(0, top); y < Math.Min(bitmap.Height, bottom); y++)
        {
            for (var x = Math.Max(1, left); x < Math.Min(bitmap.Width, right); x++)
            {
                SKColor a = bitmap.GetPixel(x - 1, y), b = bitmap.GetPixel(x, y);
                if (Math.Abs(a.Red + a.Green + a.Blue - b.Red - b.Green - b.Blue) > 90)
                {
                    edges++;
                }
            }
        }

        return edges;
    }
}
