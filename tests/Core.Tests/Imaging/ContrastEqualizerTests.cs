using BankcardOcr.Imaging;

namespace BankcardOcr.Core.Tests.Imaging;

public class ContrastEqualizerTests
{
    [Fact]
    public void ANarrowRangeOfLevelsIsStretched()
    {
        // A low-contrast photo: every level between 100 and 139, evenly, in every tile.
        var image = Filled(160, 96, (x, y) => (byte)(100 + (x % 40)));

        var equalized = ContrastEqualizer.Equalize(image, 4, 2.5f);

        var before = Level(image, 39, 50) - Level(image, 0, 50);
        var after = Level(equalized, 39, 50) - Level(equalized, 0, 50);
        Assert.True(after >= 2.5 * before, $"contrast {before} became {after}");
    }

    [Fact]
    public void TheClipLimitsHowFarContrastIsStretched()
    {
        // Two levels 12 apart (faint strokes on a plain card): a full equalisation would push them to the ends of the
        // range; clipped at 2.5 times a bin's mean count, their distance grows only a little.
        var image = Filled(160, 96, (x, y) => x % 16 < 4 ? (byte)132 : (byte)120);

        var equalized = ContrastEqualizer.Equalize(image, 8, 2.5f);

        var after = Level(equalized, 1, 40) - Level(equalized, 8, 40);
        Assert.InRange(after, 13, 30);
    }

    [Fact]
    public void APlainImageStaysPlain()
    {
        var image = Filled(120, 80, (x, y) => 90);

        var equalized = ContrastEqualizer.Equalize(image, 8, 2.5f);

        // The clip keeps a flat area from being stretched: every pixel is mapped alike, none turns into noise.
        Assert.Single(equalized.Pixels.Distinct());
    }

    [Fact]
    public void KeepsTheSizeAndColourAndLeavesTheInputAlone()
    {
        var image = Filled(64, 48, (x, y) => (byte)(40 + x));
        for (var i = 0; i < image.Pixels.Length; i += 3)
        {
            image.Pixels[i + 2] = (byte)(image.Pixels[i] / 2);
        }

        var copy = (byte[])image.Pixels.Clone();

        var equalized = ContrastEqualizer.Equalize(image, 4, 2f);

        Assert.Equal(copy, image.Pixels);
        Assert.Equal((64, 48), (equalized.Width, equalized.Height));
        for (var i = 0; i < equalized.Pixels.Length; i += 3)
        {
            // Red and green are scaled alike and blue stays the darker channel: the hue is kept.
            Assert.Equal(equalized.Pixels[i], equalized.Pixels[i + 1]);
            Assert.True(equalized.Pixels[i + 2] < equalized.Pixels[i]);
        }
    }

    [Fact]
    public void BrighterStaysBrighterWithinATile()
    {
        var image = Filled(32, 32, (x, y) => (byte)(100 + (x / 2)));

        var equalized = ContrastEqualizer.Equalize(image, 1, 3f);

        for (var x = 1; x < 32; x++)
        {
            Assert.True(Level(equalized, x, 10) >= Level(equalized, x - 1, 10), $"column {x} came out darker than column {x - 1}");
        }
    }

    [Theory]
    [InlineData(0, 2f)]
    [InlineData(8, 0.5f)]
    public void RefusesAMeaninglessGridOrClip(int tiles, float clip)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ContrastEqualizer.Equalize(Filled(8, 8, (x, y) => 0), tiles, clip));
    }

    [Fact]
    public void AnImageSmallerThanTheGridIsEqualizedWhole()
    {
        var image = Filled(3, 2, (x, y) => (byte)(x == 0 ? 10 : 200));

        var equalized = ContrastEqualizer.Equalize(image, 8, 2f);

        Assert.Equal((3, 2), (equalized.Width, equalized.Height));
        Assert.True(Level(equalized, 1, 0) > Level(equalized, 0, 0));
    }

    private static RgbImage Filled(int width, int height, Func<int, int, byte> level)
    {
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var v = level(x, y);
                var i = ((y * width) + x) * 3;
                pixels[i] = pixels[i + 1] = pixels[i + 2] = v;
            }
        }

        return new RgbImage(pixels, width, height);
    }

    private static int Level(RgbImage image, int x, int y) => image.Pixels[((y * image.Width) + x) * 3 + 1];
}
