using System;
using System.Linq;
using BankcardOcr.Providers.Local;
using Xunit;

namespace BankcardOcr.Core.Tests.Providers.Local;

public sealed class LineAndDateTests
{
    [Fact]
    public void GroupsOnOneCentreLineJoinIntoOneLineAndOtherTextStaysApart()
    {
        var boxes = new[]
        {
            new TextBox(300, 402, 400, 442, 0.9f), // second group, listed first: order comes from x
            new TextBox(100, 400, 200, 440, 0.9f),
            new TextBox(500, 398, 600, 438, 0.9f),
            new TextBox(100, 300, 400, 330, 0.9f), // bank name above
            new TextBox(650, 380, 700, 480, 0.9f), // a logo beside the line, far taller
        };
        var lines = NumberLines.Join(boxes);
        Assert.Equal(3, lines.Count);
        var number = lines.Single(l => l.Width > 400);
        Assert.Equal((100f, 398f, 600f, 442f), (number.Left, number.Top, number.Right, number.Bottom));
    }

    [Fact]
    public void BoxesTooFarApartAreSeparateLines()
    {
        var lines = NumberLines.Join(new[] { new TextBox(0, 0, 100, 40, 1), new TextBox(400, 0, 500, 40, 1) });
        Assert.Equal(2, lines.Count);
    }

    [Fact]
    public void OnlyWideEnoughLinesCanHoldDigits()
    {
        Assert.True(NumberLines.CanHoldDigits(new TextBox(0, 0, 200, 40, 1), 8, 1.8f));
        Assert.False(NumberLines.CanHoldDigits(new TextBox(0, 0, 40, 40, 1), 8, 1.8f));
        Assert.False(NumberLines.CanHoldDigits(new TextBox(0, 0, 60, 6, 1), 8, 1.8f));
    }

    [Fact]
    public void TheLaterOfTwoDatesIsValidThruAndTheEarlierValidFrom()
    {
        var (from, thru) = ExpiryDate.Find(new[] { Text("10 01/22"), Text("6228 4804"), Text("12/27") });
        Assert.Equal(("01/2022", "12/2027"), (from, thru));
    }

    [Fact]
    public void AnExpiryTooFarAheadForAnyCardIsDroppedAndTheNextDateStands()
    {
        var today = new DateTime(2026, 12, 7);

        Assert.Equal((string.Empty, "08/2031"), ExpiryDate.Find(new[] { Text("08/31"), Text("12/99") }, today));
        Assert.Equal((string.Empty, "12/2046"), ExpiryDate.Find(new[] { Text("12/46") }, today));
        Assert.Equal((string.Empty, string.Empty), ExpiryDate.Find(new[] { Text("01/47") }, today));
    }

    [Fact]
    public void AValidFromDateInTheFutureIsDroppedAndTheExpiryKept()
    {
        var today = new DateTime(2026, 12, 7);

        Assert.Equal((string.Empty, "12/2030"), ExpiryDate.Find(new[] { Text("03/28"), Text("12/30") }, today));
        Assert.Equal(("12/2026", "12/2030"), ExpiryDate.Find(new[] { Text("12/26"), Text("12/30") }, today));
    }

    [Fact]
    public void SpecimenPlaceholdersAreNoDate() =>
        Assert.Equal((string.Empty, string.Empty), ExpiryDate.Find(new[] { Text("00/00"), Text("88/88") }));

    [Fact]
    public void NoMonthYearMeansNoDateAndImpossibleMonthsAreIgnored()
    {
        Assert.Equal((string.Empty, string.Empty), ExpiryDate.Find(new[] { Text("13/25 6228/4804"), Text("4000 1234") }));
    }

    [Fact]
    public void ThresholdedBlobsBecomeBoxesGrownByTheUnclipRule()
    {
        // A 40 × 10 map with one 10 × 4 blob at (5, 3) and a 2-pixel speck (noise).
        var map = new float[40 * 10];
        for (var y = 3; y < 7; y++)
        {
            for (var x = 5; x < 15; x++)
            {
                map[y * 40 + x] = 0.9f;
            }
        }

        map[2 * 40 + 30] = map[2 * 40 + 31] = 0.9f;
        var box = Assert.Single(TextBoxFinder.Find(map, 40, 10, 0.3f, 0.6f, 1.5f));
        var grow = 10 * 4 * 1.5f / (2 * (10 + 4));
        Assert.Equal(5 - grow, box.Left, 3);
        Assert.Equal(15 + grow, box.Right, 3);
        Assert.Equal(3 - grow, box.Top, 3);
        Assert.Equal(0.9f, box.Score, 3);
    }

    [Fact]
    public void ATiltedLineGetsABoxTurnedAlongItNotTheLevelBoxAroundIt()
    {
        // A 60 × 6 bar turned by 10°: its level bounding box would be about 16 px tall, squashing the digits.
        const int W = 100, H = 60;
        var map = new float[W * H];
        var angle = 10 * Math.PI / 180;
        for (var y = 0; y < H; y++)
        {
            for (var x = 0; x < W; x++)
            {
                double dx = x + 0.5 - 50, dy = y + 0.5 - 30;
                var u = dx * Math.Cos(angle) + dy * Math.Sin(angle);
                var v = -dx * Math.Sin(angle) + dy * Math.Cos(angle);
                if (Math.Abs(u) <= 30 && Math.Abs(v) <= 3)
                {
                    map[y * W + x] = 0.9f;
                }
            }
        }

        var box = Assert.Single(TextBoxFinder.Find(map, W, H, 0.3f, 0.6f, unclipRatio: 0.0001f));
        Assert.InRange(box.Angle * 180 / Math.PI, 9, 11);
        Assert.InRange(box.Width, 58, 63);
        Assert.InRange(box.Height, 5, 8);
        Assert.InRange(box.CenterX, 49, 51);
        Assert.InRange(box.CenterY, 29, 31);
    }

    [Fact]
    public void GroupsOfATiltedNumberJoinAlongTheirDirection()
    {
        // Three 80 × 20 groups along a line falling 8° to the right: their centres differ in y by more than the
        // level rule's tolerance would allow across the whole line, but not across their own direction.
        var angle = (float)(8 * Math.PI / 180);
        var boxes = Enumerable.Range(0, 3)
            .Select(i => TextBox.Around(100 + i * 100 * MathF.Cos(angle), 200 + i * 100 * MathF.Sin(angle), 80, 20, 0.9f, angle))
            .ToList();
        var line = Assert.Single(NumberLines.Join(boxes));
        Assert.InRange(line.Width, 279, 281);
        Assert.InRange(line.Height, 19, 21);
        Assert.Equal(angle, line.Angle, 3);
    }

    private static RecognizedText Text(string s) => new RecognizedText(s, s.Select(_ => 0.9f).ToArray());
}
