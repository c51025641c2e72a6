using System;
using SkiaSharp;

namespace BankcardOcr.CardSynth
{
    /// <summary>Card and table backgrounds: gradients, line and circle patterns, and blurred colour blobs that pass for photographs.</summary>
    internal static class CardBackground
    {
        /// <summary>Fills the area and returns its mean luminance (0..1), from which the ink colour is chosen.</summary>
        public static double Draw(SKCanvas canvas, CardRandom rng, CardLevel level, int width, int height)
        {
            var a = RandomColor(rng);
            var b = rng.Chance(0.5) ? Shade(a, rng.Range(-0.35, 0.35)) : RandomColor(rng);
            var angle = rng.Range(0, Math.PI);
            var dx = (float)Math.Cos(angle) * width;
            var dy = (float)Math.Sin(angle) * height;
            using (var paint = new SKPaint
            {
                Shader = SKShader.CreateLinearGradient(new SKPoint((width - dx) / 2, (height - dy) / 2), new SKPoint((width + dx) / 2, (height + dy) / 2), new[] { a, b }, SKShaderTileMode.Clamp),
            })
            {
                canvas.DrawRect(0, 0, width, height, paint);
            }

            var busy = level != CardLevel.Clean ? rng.Next(4) : rng.Next(3);
            switch (busy)
            {
                case 1:
                    DrawWaves(canvas, rng, width, height, (byte)(level != CardLevel.Clean ? 60 : 25));
                    break;
                case 2:
                    DrawCircles(canvas, rng, width, height, (byte)(level != CardLevel.Clean ? 90 : 30));
                    break;
                case 3:
                    DrawBlobs(canvas, rng, width, height);
                    break;
            }

            return (Luminance(a) + Luminance(b)) / 2;
        }

        public static SKColor RandomColor(CardRandom rng) =>
            new SKColor((byte)rng.Next(256), (byte)rng.Next(256), (byte)rng.Next(256));

        public static SKColor Shade(SKColor c, double amount)
        {
            byte Adjust(byte v) => (byte)Math.Max(0, Math.Min(255, v + (amount * 255)));
            return new SKColor(Adjust(c.Red), Adjust(c.Green), Adjust(c.Blue));
        }

        public static double Luminance(SKColor c) => ((0.299 * c.Red) + (0.587 * c.Green) + (0.114 * c.Blue)) / 255.0;

        private static void DrawWaves(SKCanvas canvas, CardRandom rng, int width, int height, byte alpha)
        {
            using var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = rng.Range(1, 4), Color = RandomColor(rng).WithAlpha(alpha) };
            var count = rng.Next(6, 20);
            var amplitude = rng.Range(5, height / 6.0);
            var period = rng.Range(width / 6.0, width);
            for (var i = 0; i < count; i++)
            {
                using var builder = new SKPathBuilder();
                var y0 = i * height / (float)count;
                builder.MoveTo(0, y0);
                for (var x = 0; x <= width; x += 8)
                {
                    builder.LineTo(x, y0 + (amplitude * (float)Math.Sin((x / period * 2 * Math.PI) + i)));
                }

                using var path = builder.Detach();
                canvas.DrawPath(path, paint);
            }
        }

        private static void DrawCircles(SKCanvas canvas, CardRandom rng, int width, int height, byte alpha)
        {
            using var paint = new SKPaint { IsAntialias = true };
            var count = rng.Next(3, 12);
            for (var i = 0; i < count; i++)
            {
                paint.Color = RandomColor(rng).WithAlpha(alpha);
                paint.Style = rng.Chance(0.5) ? SKPaintStyle.Fill : SKPaintStyle.Stroke;
                paint.StrokeWidth = rng.Range(2, 10);
                canvas.DrawCircle(rng.Range(0, width), rng.Range(0, height), rng.Range(width / 12.0, width / 2.0), paint);
            }
        }

        private static void DrawBlobs(SKCanvas canvas, CardRandom rng, int width, int height)
        {
            // Soft colour blobs at several sizes stand in for a photograph printed on the card or a cluttered table.
            using var paint = new SKPaint { IsAntialias = true };
            var count = rng.Next(15, 40);
            for (var i = 0; i < count; i++)
            {
                var radius = rng.Range(width / 40.0, width / 5.0);
                paint.Color = RandomColor(rng).WithAlpha((byte)rng.Next(60, 200));
                paint.ImageFilter = SKImageFilter.CreateBlur(radius / 3, radius / 3);
                canvas.DrawCircle(rng.Range(0, width), rng.Range(0, height), radius, paint);
                paint.ImageFilter = null;
            }
        }
    }
}
