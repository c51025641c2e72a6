using System;
using SkiaSharp;

namespace BankcardOcr.CardSynth
{
    /// <summary>The shapes around the number: a logo-ish emblem with the bank's name, the chip, the network's mark, small print.</summary>
    internal static class CardDecor
    {
        private const float Mm = CardFace.PxPerMm;

        public static void DrawBankLogo(SKCanvas canvas, CardRandom rng, string bankCode, bool darkInk)
        {
            var x = rng.Range(5, 9) * Mm;
            var y = rng.Range(4, 7) * Mm;
            var size = rng.Range(6, 9) * Mm;
            using var paint = new SKPaint { IsAntialias = true, Color = CardBackground.RandomColor(rng) };
            switch (rng.Next(3))
            {
                case 0:
                    canvas.DrawCircle(x + (size / 2), y + (size / 2), size / 2, paint);
                    paint.Color = SKColors.White;
                    canvas.DrawCircle(x + (size / 2), y + (size / 2), size / 4, paint);
                    break;
                case 1:
                    canvas.DrawRoundRect(x, y, size, size, size / 5, size / 5, paint);
                    paint.Color = SKColors.White;
                    canvas.DrawRect(x + (size * 0.2f), y + (size * 0.45f), size * 0.6f, size * 0.1f, paint);
                    break;
                default:
                    using (var diamond = Polygon(new SKPoint(x + (size / 2), y), new SKPoint(x + size, y + (size / 2)), new SKPoint(x + (size / 2), y + size), new SKPoint(x, y + (size / 2))))
                    {
                        canvas.DrawPath(diamond, paint);
                    }

                    break;
            }

            using var font = CardFonts.ForDigitHeight(rng.Range(3.0, 4.5) * Mm, embolden: true);
            paint.Color = darkInk ? new SKColor(25, 25, 30) : SKColors.White;
            canvas.DrawText(bankCode + (rng.Chance(0.5) ? " BANK" : string.Empty), x + size + (2 * Mm), y + (size * 0.72f), SKTextAlign.Left, font, paint);
        }

        public static void DrawChip(SKCanvas canvas, CardRandom rng)
        {
            // Contact position per ISO/IEC 7816-2: roughly 10–22 mm from the left, 19–29 mm from the top.
            var x = rng.Range(9, 12) * Mm;
            var y = rng.Range(15, 18) * Mm;
            var w = 11.5f * Mm;
            var h = 9f * Mm;
            using var paint = new SKPaint
            {
                IsAntialias = true,
                Shader = SKShader.CreateLinearGradient(new SKPoint(x, y), new SKPoint(x + w, y + h), new[] { new SKColor(238, 214, 140), new SKColor(176, 140, 60) }, SKShaderTileMode.Clamp),
            };
            canvas.DrawRoundRect(x, y, w, h, 1.5f * Mm, 1.5f * Mm, paint);
            paint.Shader = null;
            paint.Style = SKPaintStyle.Stroke;
            paint.StrokeWidth = 1.2f;
            paint.Color = new SKColor(120, 95, 40);
            canvas.DrawLine(x, y + (h / 3), x + w, y + (h / 3), paint);
            canvas.DrawLine(x, y + (2 * h / 3), x + w, y + (2 * h / 3), paint);
            canvas.DrawLine(x + (w / 2), y, x + (w / 2), y + h, paint);
        }

        /// <summary>Draws the network's mark in the bottom-right corner, kept below <paramref name="topLimit"/> (the number line).</summary>
        public static void DrawNetworkMark(SKCanvas canvas, CardRandom rng, string network, float topLimit)
        {
            var right = (CardFace.WidthMm - rng.Range(4, 7)) * Mm;
            var bottom = (CardFace.HeightMm - rng.Range(3.5, 6)) * Mm;
            // The marks below are 12 mm tall at most; shrink them where the number line sits low.
            var room = bottom - topLimit;
            var shrink = Math.Min(1f, room / (12 * Mm));
            canvas.Save();
            canvas.Scale(shrink, shrink, right, bottom);
            DrawMark(canvas, network, right, bottom);
            canvas.Restore();
        }

        private static void DrawMark(SKCanvas canvas, string network, float right, float bottom)
        {
            using var paint = new SKPaint { IsAntialias = true };
            switch (network)
            {
                case "Mastercard":
                    var r = 5.5f * Mm;
                    paint.Color = new SKColor(235, 0, 27);
                    canvas.DrawCircle(right - (r * 2.6f), bottom - r, r, paint);
                    paint.Color = new SKColor(247, 158, 27, 220);
                    canvas.DrawCircle(right - r, bottom - r, r, paint);
                    break;
                case "Visa":
                    DrawWord(canvas, "VISA", right, bottom, 7f * Mm, new SKColor(26, 31, 113), paint);
                    break;
                case "Amex":
                    paint.Color = new SKColor(0, 111, 207);
                    canvas.DrawRect(right - (16 * Mm), bottom - (10 * Mm), 16 * Mm, 10 * Mm, paint);
                    DrawWord(canvas, "AMEX", right - (1.5f * Mm), bottom - (3 * Mm), 4f * Mm, SKColors.White, paint);
                    break;
                case "JCB":
                    var colors = new[] { new SKColor(0, 92, 170), new SKColor(200, 16, 46), new SKColor(0, 140, 69) };
                    for (var i = 0; i < 3; i++)
                    {
                        paint.Color = colors[i];
                        canvas.DrawRoundRect(right - ((3 - i) * 5.5f * Mm), bottom - (10 * Mm), 5 * Mm, 10 * Mm, 1.2f * Mm, 1.2f * Mm, paint);
                    }

                    break;
                default: // UnionPay: three slanted colour blocks and the word
                    var blockColors = new[] { new SKColor(221, 0, 35), new SKColor(0, 73, 144), new SKColor(0, 135, 125) };
                    for (var i = 0; i < 3; i++)
                    {
                        var left = right - (18 * Mm) + (i * 5.5f * Mm);
                        using var block = Polygon(new SKPoint(left + (1.5f * Mm), bottom - (12 * Mm)), new SKPoint(left + (7 * Mm), bottom - (12 * Mm)), new SKPoint(left + (5.5f * Mm), bottom), new SKPoint(left, bottom));
                        paint.Color = blockColors[i];
                        canvas.DrawPath(block, paint);
                    }

                    DrawWord(canvas, "UnionPay", right - (1 * Mm), bottom - (4 * Mm), 2.2f * Mm, SKColors.White, paint);
                    break;
            }
        }

        public static void DrawSmallPrint(SKCanvas canvas, CardRandom rng, bool darkInk)
        {
            using var font = CardFonts.ForDigitHeight(rng.Range(1.4, 2.2) * Mm);
            using var paint = new SKPaint { IsAntialias = true, Color = darkInk ? new SKColor(40, 40, 40, 200) : new SKColor(240, 240, 240, 200) };
            var hotline = "95" + rng.Next(100, 1000).ToString();
            canvas.DrawText(hotline, rng.Range(55, 70) * Mm, rng.Range(6, 12) * Mm, SKTextAlign.Left, font, paint);
            var code = rng.Next(1000, 10000).ToString() + " " + rng.Next(1000, 10000).ToString();
            canvas.DrawText(code, rng.Range(40, 60) * Mm, rng.Range(13, 16) * Mm, SKTextAlign.Left, font, paint);
        }

        public static SKPath Polygon(params SKPoint[] points)
        {
            using var builder = new SKPathBuilder();
            builder.AddPoly(points, true);
            return builder.Detach();
        }

        private static void DrawWord(SKCanvas canvas, string word, float right, float baseline, float height, SKColor color, SKPaint paint)
        {
            using var font = CardFonts.ForDigitHeight(height, embolden: true);
            font.SkewX = -0.2f;
            paint.Color = color;
            canvas.DrawText(word, right, baseline, SKTextAlign.Right, font, paint);
        }
    }
}
