using System;
using System.Collections.Generic;
using System.Linq;
using BankcardOcr.Imaging;
using BankcardOcr.Providers.Local;
using Xunit;

namespace BankcardOcr.Core.Tests.Providers.Local;

/// <summary>
/// A detection map larger than <see cref="PpOcrTextDetector.MaximumPixelsPerRun"/> is run in overlapping strips and
/// joined: no run exceeds the bound, and the joined map is the one a single run would give wherever the network's
/// answer depends only on the position (which the fake run below makes exact).
/// </summary>
public sealed class DetectionStripsTests
{
    [Theory]
    [InlineData(1280, 960)] // the enlarging pass on a 4:3 photo
    [InlineData(1280, 1280)] // on a square one
    [InlineData(1280, 736)]
    [InlineData(4096, 960)] // more than two
    public void StripsStayWithinTheBoundOverlapAndShareTheMapWithoutGapOrDoubling(int length, int breadth)
    {
        var strips = PpOcrTextDetector.Strips(length, breadth);

        Assert.True(strips.Count > 1);
        Assert.All(strips, s => Assert.True(s.Size * breadth <= PpOcrTextDetector.MaximumPixelsPerRun, $"{s.Size} × {breadth}"));
        Assert.All(strips, s => Assert.Equal(0, s.Start % 32));
        Assert.All(strips, s => Assert.Equal(0, s.Size % 32));
        Assert.Equal(0, strips[0].Start);
        Assert.Equal(length, strips[^1].Start + strips[^1].Size);
        for (var i = 1; i < strips.Count; i++)
        {
            Assert.True(strips[i - 1].Start + strips[i - 1].Size - strips[i].Start >= PpOcrTextDetector.StripOverlap);
            Assert.Equal(strips[i - 1].KeepTo, strips[i].KeepFrom);
        }

        Assert.Equal(0, strips[0].KeepFrom);
        Assert.Equal(length, strips[^1].KeepTo);

        // Every strip keeps only pixels it saw with at least half the overlap around them (except at the map's edges).
        Assert.All(strips, s => Assert.True(
            (s.KeepFrom == 0 || s.KeepFrom - s.Start >= PpOcrTextDetector.StripOverlap / 2)
            && (s.KeepTo == length || s.Start + s.Size - s.KeepTo >= PpOcrTextDetector.StripOverlap / 2)));
    }

    [Theory]
    [InlineData(960, 720)]
    [InlineData(960, 960)]
    [InlineData(1280, 576)] // the enlarging pass on a 16:9 photo
    [InlineData(1280, 32)]
    public void AMapWithinTheBoundIsOneRun(int length, int breadth)
    {
        Assert.Equal(new[] { (0, length, 0, length) }, PpOcrTextDetector.Strips(length, breadth));
    }

    [Theory]
    [InlineData(480, 360)] // enlarged to 1280 × 960: two strips across
    [InlineData(360, 480)] // 960 × 1280: two strips down
    [InlineData(1000, 1000)]
    [InlineData(800, 500)]
    public void TheJoinedMapIsTheOneOneRunGives(int width, int height)
    {
        var image = new RgbImage(new byte[width * height * 3], width, height);
        var runs = new List<(int Width, int Height)>();

        // A fake network whose answer at a map pixel is a function of that pixel's place in the whole map.
        float[] Run(RgbImage photo, TextBox region, int w, int h, float unitX, float unitY)
        {
            runs.Add((w, h));
            var map = new float[w * h];
            var left = (int)Math.Round(region.Left / unitX);
            var top = (int)Math.Round(region.Top / unitY);
            for (var y = 0; y < h; y++)
            {
                for (var x = 0; x < w; x++)
                {
                    map[y * w + x] = Value(left + x, top + y);
                }
            }

            return map;
        }

        var whole = PpOcrTextDetector.Detect(image, 1280, (p, r, w, h) => Run(p, r, w, h, (float)width / WholeWidth(), (float)height / WholeHeight()));

        int WholeWidth() => (int)Math.Round(width * (1280f / Math.Max(width, height)) / 32) * 32;
        int WholeHeight() => (int)Math.Round(height * (1280f / Math.Max(width, height)) / 32) * 32;
        Assert.Equal(WholeWidth(), whole.Width);
        Assert.Equal(WholeHeight(), whole.Height);
        Assert.All(runs, r => Assert.True(r.Width * r.Height <= PpOcrTextDetector.MaximumPixelsPerRun));
        var expected = Enumerable.Range(0, whole.Width * whole.Height).Select(i => Value(i % whole.Width, i / whole.Width)).ToArray();
        Assert.True(expected.SequenceEqual(whole.Probabilities), "the joined map differs from one run's");
    }

    private static float Value(int x, int y) => x * 10_000 + y;
}
