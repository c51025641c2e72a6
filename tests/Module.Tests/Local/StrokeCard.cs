using System;
using System.Collections.Generic;
using System.Text;

namespace BankcardOcr.Module.Tests.Local;

/// <summary>
/// Renders a minimal card photo for the offline recognizer's tests: a coloured card on a plain background with a
/// number line and an expiry date drawn in anti-aliased strokes (a simple sans face, no font file needed), written as
/// a 24-bit BMP. Deterministic from its arguments, so a failing test can be reproduced exactly. The richer synthetic
/// generator for accuracy work lives elsewhere; this one only has to be legible.
/// </summary>
internal static class StrokeCard
{
    // Each glyph as polylines in a unit box (x right, y down); curves are sampled arcs.
    private static readonly Dictionary<char, List<(double X, double Y)[]>> Glyphs = BuildGlyphs();

    /// <summary>
    /// A BMP of a card showing <paramref name="text"/> (digits, spaces, '/') and <paramref name="date"/>, turned
    /// clockwise by <paramref name="quarterTurns"/> quarters as a scanner fed the card sideways or upside down would store it.
    /// </summary>
    public static byte[] Render(string text, string date, int seed, int width = 1000, int height = 680, int quarterTurns = 0)
    {
        var random = new Random(seed);
        var pixels = new byte[width * height * 3];
        Fill(pixels, width, 0, 0, width, height, (byte)(150 + random.Next(60)), (byte)(140 + random.Next(60)), (byte)(120 + random.Next(60)));
        int cardW = (int)(width * 0.86), cardH = (int)(cardW / 1.586);
        int cardX = (width - cardW) / 2 + random.Next(-10, 10), cardY = (height - cardH) / 2 + random.Next(-10, 10);
        var dark = random.Next(2) == 0;
        var (br, bg, bb) = dark ? ((byte)(20 + random.Next(60)), (byte)(40 + random.Next(60)), (byte)(90 + random.Next(80))) : ((byte)(215 + random.Next(30)), (byte)(215 + random.Next(30)), (byte)(205 + random.Next(30)));
        Fill(pixels, width, cardX, cardY, cardX + cardW, cardY + cardH, br, bg, bb);
        byte ink = dark ? (byte)235 : (byte)25;

        // Chip, then the number at ISO/IEC 7811 proportions: digits ~ 0.07 of the card height tall... printed larger here.
        Fill(pixels, width, cardX + cardW / 10, cardY + cardH * 3 / 10, cardX + cardW / 10 + cardW / 8, cardY + cardH * 3 / 10 + cardH / 6, 200, 170, 80);
        var digitH = cardH * 0.085;
        var pitch = digitH * 0.72;
        var x = cardX + cardW * 0.08;
        var y = cardY + cardH * 0.58;
        foreach (var c in text)
        {
            Draw(pixels, width, height, c, x, y, digitH, ink);
            x += c == ' ' ? pitch * 0.8 : pitch;
        }

        var dateH = digitH * 0.6;
        x = cardX + cardW * 0.5;
        y = cardY + cardH * 0.78;
        foreach (var c in date)
        {
            Draw(pixels, width, height, c, x, y, dateH, ink);
            x += dateH * 0.72;
        }

        for (var turn = 0; turn < (quarterTurns % 4 + 4) % 4; turn++)
        {
            (pixels, width, height) = (TurnClockwise(pixels, width, height), height, width);
        }

        return Bmp(pixels, width, height);
    }

    private static byte[] TurnClockwise(byte[] rgb, int width, int height)
    {
        // Pixel (x, y) lands at (height - 1 - y, x) in the turned image, which is height pixels wide.
        var turned = new byte[rgb.Length];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                Array.Copy(rgb, (y * width + x) * 3, turned, ((x * height) + (height - 1 - y)) * 3, 3);
            }
        }

        return turned;
    }

    private static void Draw(byte[] pixels, int width, int height, char c, double left, double top, double size, byte ink)
    {
        if (!Glyphs.TryGetValue(c, out var strokes))
        {
            return;
        }

        var w = size * 0.55;
        var half = size * 0.06;
        foreach (var line in strokes)
        {
            for (var i = 1; i < line.Length; i++)
            {
                Segment(pixels, width, height, left + line[i - 1].X * w, top + line[i - 1].Y * size, left + line[i].X * w, top + line[i].Y * size, half, ink);
            }
        }
    }

    /// <summary>A round-capped thick segment, anti-aliased by distance.</summary>
    private static void Segment(byte[] pixels, int width, int height, double x0, double y0, double x1, double y1, double half, byte ink)
    {
        int minX = Math.Max(0, (int)(Math.Min(x0, x1) - half - 1)), maxX = Math.Min(width - 1, (int)(Math.Max(x0, x1) + half + 1));
        int minY = Math.Max(0, (int)(Math.Min(y0, y1) - half - 1)), maxY = Math.Min(height - 1, (int)(Math.Max(y0, y1) + half + 1));
        double dx = x1 - x0, dy = y1 - y0, len2 = Math.Max(1e-9, dx * dx + dy * dy);
        for (var py = minY; py <= maxY; py++)
        {
            for (var px = minX; px <= maxX; px++)
            {
                var t = Math.Clamp(((px + 0.5 - x0) * dx + (py + 0.5 - y0) * dy) / len2, 0, 1);
                var ex = px + 0.5 - (x0 + t * dx);
                var ey = py + 0.5 - (y0 + t * dy);
                var cover = Math.Clamp(half + 0.5 - Math.Sqrt(ex * ex + ey * ey), 0, 1);
                if (cover <= 0)
                {
                    continue;
                }

                var o = (py * width + px) * 3;
                for (var k = 0; k < 3; k++)
                {
                    pixels[o + k] = (byte)Math.Round(pixels[o + k] + (ink - pixels[o + k]) * cover);
                }
            }
        }
    }

    private static void Fill(byte[] pixels, int width, int x0, int y0, int x1, int y1, byte r, byte g, byte b)
    {
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                var o = (y * width + x) * 3;
                pixels[o] = r;
                pixels[o + 1] = g;
                pixels[o + 2] = b;
            }
        }
    }

    private static byte[] Bmp(byte[] rgb, int width, int height)
    {
        var stride = (width * 3 + 3) & ~3;
        var data = new byte[54 + stride * height];
        Encoding.ASCII.GetBytes("BM").CopyTo(data, 0);
        BitConverter.GetBytes(data.Length).CopyTo(data, 2);
        BitConverter.GetBytes(54).CopyTo(data, 10);
        BitConverter.GetBytes(40).CopyTo(data, 14);
        BitConverter.GetBytes(width).CopyTo(data, 18);
        BitConverter.GetBytes(height).CopyTo(data, 22);
        BitConverter.GetBytes((short)1).CopyTo(data, 26);
        BitConverter.GetBytes((short)24).CopyTo(data, 28);
        for (var y = 0; y < height; y++)
        {
            var row = 54 + (height - 1 - y) * stride;
            for (var x = 0; x < width; x++)
            {
                var from = (y * width + x) * 3;
                data[row + x * 3] = rgb[from + 2];
                data[row + x * 3 + 1] = rgb[from + 1];
                data[row + x * 3 + 2] = rgb[from];
            }
        }

        return data;
    }

    private static (double, double)[] Arc(double cx, double cy, double rx, double ry, double fromDeg, double toDeg)
    {
        var points = new (double, double)[13];
        for (var i = 0; i < points.Length; i++)
        {
            var a = (fromDeg + (toDeg - fromDeg) * i / (points.Length - 1)) * Math.PI / 180;
            points[i] = (cx + rx * Math.Cos(a), cy + ry * Math.Sin(a));
        }

        return points;
    }

    private static Dictionary<char, List<(double X, double Y)[]>> BuildGlyphs()
    {
        // Angles in degrees, y down: 0 = right, 90 = bottom, 180 = left, 270 = top.
        return new Dictionary<char, List<(double, double)[]>>
        {
            ['0'] = new() { Arc(0.5, 0.5, 0.45, 0.5, 0, 360) },
            ['1'] = new() { new[] { (0.2, 0.2), (0.55, 0.0), (0.55, 1.0) } },
            ['2'] = new() { Arc(0.5, 0.27, 0.42, 0.27, 190, 380), new[] { (0.88, 0.36), (0.08, 1.0), (0.95, 1.0) } },
            ['3'] = new() { Arc(0.48, 0.25, 0.38, 0.25, 200, 450), Arc(0.48, 0.73, 0.45, 0.27, 270, 520) },
            ['4'] = new() { new[] { (0.72, 1.0), (0.72, 0.0), (0.05, 0.68), (0.98, 0.68) } },
            ['5'] = new() { new[] { (0.9, 0.0), (0.18, 0.0), (0.12, 0.45) }, Arc(0.5, 0.66, 0.43, 0.34, 220, 500) },
            ['6'] = new() { Arc(0.5, 0.68, 0.42, 0.32, 0, 360), new[] { (0.08, 0.68), (0.2, 0.3), (0.45, 0.05), (0.8, 0.0) } },
            ['7'] = new() { new[] { (0.05, 0.0), (0.95, 0.0), (0.35, 1.0) } },
            ['8'] = new() { Arc(0.5, 0.25, 0.36, 0.25, 0, 360), Arc(0.5, 0.74, 0.44, 0.26, 0, 360) },
            ['9'] = new() { Arc(0.5, 0.32, 0.42, 0.32, 0, 360), new[] { (0.92, 0.32), (0.8, 0.7), (0.55, 0.95), (0.2, 1.0) } },
            ['/'] = new() { new[] { (0.85, -0.05), (0.15, 1.05) } },
        };
    }
}
