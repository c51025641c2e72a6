using BankcardOcr.CardSynth;
using BankcardOcr.Providers.Local;

namespace BankcardOcr.Accuracy;

/// <summary>Whether the cascade found the number line, judged against the line's true corners.</summary>
internal enum LineFound
{
    /// <summary>The corners are not known, or the boxes could not be put in the file's pixels.</summary>
    Unknown,

    /// <summary>One line read covers the number line's centre line: the number was read in one piece.</summary>
    Whole,

    /// <summary>Lines read cover the centre line together but none alone: groups found, not joined.</summary>
    Pieces,

    /// <summary>
    /// Part of the centre line lies in no line read: a digit group or more was never found (a later second look
    /// with crops reaching past the line's ends may still read it).
    /// </summary>
    Missed,
}

/// <summary>
/// How much of the number line's centre line (from the middle of its left edge to the middle of its right edge)
/// lies inside the lines the cascade read. A centre line rather than an overlap of areas, because a box that
/// holds one digit group of four overlaps the line's area by a quarter yet reads a quarter of the number, and a
/// box that swallows the line and the date below overlaps it fully yet reads neither cleanly: a line counts only
/// when its height is within <see cref="HeightRange"/> of the digits'.
/// </summary>
internal static class LineCoverage
{
    /// <summary>Share of the centre line that must be inside one line read (or all of them) for "whole" ("pieces").</summary>
    public const double Covered = 0.9;

    /// <summary>Share of the centre line inside one line for its reading to count as a reading of the number line.</summary>
    public const double Overlaps = 0.5;

    /// <summary>A line read counts if its height across the text is within this factor of the digits' height either way.</summary>
    public const double HeightRange = 2.5;

    // Points along the centre line; its ends are left out, where a tight mark and an unclipped box legitimately differ.
    private const int Samples = 41;
    private const double EndMargin = 0.03;

    /// <summary>The verdict, and the per-line shares (same order as <paramref name="lines"/>) for finding the line's reading.</summary>
    public static (LineFound Found, double[] Shares) Judge(IReadOnlyList<CardPoint>? quad, CascadeLines? lines, int fileWidth, int fileHeight)
    {
        if (quad is null || lines is null || lines.ImageWidth <= 0 || lines.ImageHeight <= 0)
        {
            return (LineFound.Unknown, Array.Empty<double>());
        }

        // The provider read the photo turned upright and shrunk; the corners are in the file's pixels. A photo whose
        // EXIF turned it a quarter cannot be mapped back from the sizes alone.
        if ((fileWidth > fileHeight) != (lines.ImageWidth > lines.ImageHeight) && fileWidth != fileHeight)
        {
            return (LineFound.Unknown, Array.Empty<double>());
        }

        var scaleX = (float)fileWidth / lines.ImageWidth;
        var scaleY = (float)fileHeight / lines.ImageHeight;
        var boxes = lines.Boxes.Select(b => b.Scaled(scaleX, scaleY)).ToList();
        var digitHeight = (RealPhotoSet.Distance(quad[0], quad[3]) + RealPhotoSet.Distance(quad[1], quad[2])) / 2;
        var points = CentreLine(quad);
        var inside = boxes
            .Select(b => b.Height <= HeightRange * digitHeight && b.Height * HeightRange >= digitHeight
                ? points.Select(p => Contains(b, p)).ToArray()
                : new bool[points.Length])
            .ToList();
        var shares = inside.Select(hits => hits.Count(h => h) / (double)points.Length).ToArray();
        var union = Enumerable.Range(0, points.Length).Count(i => inside.Any(hits => hits[i])) / (double)points.Length;
        var found = shares.DefaultIfEmpty(0).Max() >= Covered ? LineFound.Whole : union >= Covered ? LineFound.Pieces : LineFound.Missed;
        return (found, shares);
    }

    /// <summary>Whether the point lies in the box turned about its centre.</summary>
    public static bool Contains(TextBox box, CardPoint p)
    {
        var (cos, sin) = (Math.Cos(box.Angle), Math.Sin(box.Angle));
        var dx = p.X - box.CenterX;
        var dy = p.Y - box.CenterY;
        var along = (dx * cos) + (dy * sin);
        var across = (-dx * sin) + (dy * cos);
        return Math.Abs(along) <= box.Width / 2 && Math.Abs(across) <= box.Height / 2;
    }

    private static CardPoint[] CentreLine(IReadOnlyList<CardPoint> q)
    {
        var left = new CardPoint((q[0].X + q[3].X) / 2, (q[0].Y + q[3].Y) / 2);
        var right = new CardPoint((q[1].X + q[2].X) / 2, (q[1].Y + q[2].Y) / 2);
        return Enumerable.Range(0, Samples)
            .Select(i => EndMargin + ((1 - (2 * EndMargin)) * i / (Samples - 1)))
            .Select(t => new CardPoint((float)(left.X + ((right.X - left.X) * t)), (float)(left.Y + ((right.Y - left.Y) * t))))
            .ToArray();
    }
}
