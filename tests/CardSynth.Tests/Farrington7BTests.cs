using System;
using BankcardOcr.CardSynth;
using SkiaSharp;
using Xunit;

namespace BankcardOcr.CardSynth.Tests;

public sealed class Farrington7BTests
{
    [Theory]
    [InlineData('0')]
    [InlineData('1')]
    [InlineData('2')]
    [InlineData('3')]
    [InlineData('4')]
    [InlineData('5')]
    [InlineData('6')]
    [InlineData('7')]
    [InlineData('8')]
    [InlineData('9')]
    public void EveryDigitStandsOnTheBaselineAtItsHeightInsideItsCell(char digit)
    {
        using var path = Farrington7B.TextPath(digit.ToString(), 100, 200, 43.3f);
        var bounds = path.Bounds;
        // 2.55 × 4.33 mm glyphs; the traced "8" is 97.6 % as tall as the rest, centred.
        Assert.InRange(bounds.Height, digit == '8' ? 41.5f : 43.0f, 43.6f);
        Assert.InRange(bounds.Bottom, digit == '8' ? 199f : 199.7f, 200.3f);
        Assert.InRange(bounds.Left, 99.7f, 106f);
        Assert.InRange(bounds.Right, 110f, 125.8f);
    }

    [Fact]
    public void SixAndNineAreTheSameOutlineTurnedAndTheRestDiffer()
    {
        using var six = Rasterise("6");
        using var nine = Rasterise("9");
        using var five = Rasterise("5");
        var turned = 0;
        var differs = 0;
        for (var y = 0; y < six.Height; y++)
        {
            for (var x = 0; x < six.Width; x++)
            {
                turned += Math.Abs(six.GetPixel(x, y).Alpha - nine.GetPixel(six.Width - 1 - x, six.Height - 1 - y).Alpha) > 128 ? 1 : 0;
                differs += Math.Abs(six.GetPixel(x, y).Alpha - five.GetPixel(x, y).Alpha) > 128 ? 1 : 0;
            }
        }

        Assert.True(turned < 40, $"{turned} pixels differ between 6 and 9 turned half round");
        Assert.True(differs > 100, $"only {differs} pixels differ between 6 and 5");
    }

    [Fact]
    public void TextIsLaidOutOnTheStandardPitchAndMeasuredAlike()
    {
        using var path = Farrington7B.TextPath("4000 1234", 0, 100, 43.3f);
        Assert.Equal(Farrington7B.Measure("4000 1234", 43.3f), path.Bounds.Right, 0);
        Assert.Equal(8 * 36.3f + 25.5f, Farrington7B.Measure("4000 1234", 43.3f), 1);
        Assert.Throws<ArgumentException>(() => Farrington7B.TextPath("12A4", 0, 100, 43.3f));
    }

    private static SKBitmap Rasterise(string digit)
    {
        var bitmap = new SKBitmap(new SKImageInfo(40, 60, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.Transparent);
        using var path = Farrington7B.TextPath(digit, 7.25f, 51.65f, 43.3f);
        using var paint = new SKPaint { IsAntialias = true, Color = SKColors.Black };
        canvas.DrawPath(path, paint);
        return bitmap;
    }
}
