using System;
using System.Linq;
using BankcardOcr.CardSynth;
using BankcardOcr.Imaging;
using SkiaSharp;

namespace BankcardOcr.DigitLines
{
    /// <summary>
    /// Photographs the part of a card face around its number as a phone or a web page would show it: small (digits
    /// 8–56 pixels tall), turned, in perspective, lit unevenly, with glare, blur and sensor noise, then JPEG-compressed,
    /// sometimes twice with a resize between (a photo saved, shrunk and shared), sometimes enlarged afterwards. Only
    /// the region around the line is rendered: the detector's boxes never reach further.
    /// </summary>
    internal static class LinePhoto
    {
        /// <summary>
        /// The photo, decoded as the recognizer decodes it, and the map from a rectangle on the face (pixels) to its
        /// frame in the photo (perspective keeps a part of the line from being a proportional slice of the whole).
        /// </summary>
        public static (RgbImage Image, Func<SKRect, LineFrame> FrameOf) Shoot(CardRandom rng, SKBitmap face, SKRect numberLine, CardLevel level, bool faint, out string tags)
        {
            var hard = level == CardLevel.Hard;
            // Faint digits (untipped, worn, pale) are illegible when small, and a label no one can read teaches guessing.
            var digitHeight = Math.Max(PickDigitHeight(rng), faint ? rng.Range(14, 20) : 0);
            var scale = digitHeight / numberLine.Height;
            var angle = (rng.Chance(0.85) ? rng.Gaussian() * 4 : rng.Range(-25, 25)) * Math.PI / 180;
            var tilt = rng.Range(0, hard ? 0.07 : 0.02);

            // The card's corners in photo pixels around the origin, then shifted so the line's neighbourhood is the canvas.
            var w = face.Width * scale;
            var h = face.Height * scale;
            var corners = new[] { new SKPoint(0, 0), new SKPoint(w, 0), new SKPoint(w, h), new SKPoint(0, h) };
            float cos = (float)Math.Cos(angle), sin = (float)Math.Sin(angle);
            for (var i = 0; i < 4; i++)
            {
                var p = corners[i];
                corners[i] = new SKPoint((p.X * cos) - (p.Y * sin) + (rng.Range(-tilt, tilt) * w), (p.X * sin) + (p.Y * cos) + (rng.Range(-tilt, tilt) * w));
            }

            var toPhoto = Homography.FromRect(face.Width, face.Height, corners);
            var quad = new[]
            {
                toPhoto.MapPoint(numberLine.Left, numberLine.Top), toPhoto.MapPoint(numberLine.Right, numberLine.Top),
                toPhoto.MapPoint(numberLine.Right, numberLine.Bottom), toPhoto.MapPoint(numberLine.Left, numberLine.Bottom),
            };
            float minX = float.MaxValue, minY = float.MaxValue, maxX = float.MinValue, maxY = float.MinValue;
            foreach (var p in quad)
            {
                minX = Math.Min(minX, p.X);
                maxX = Math.Max(maxX, p.X);
                minY = Math.Min(minY, p.Y);
                maxY = Math.Max(maxY, p.Y);
            }

            var marginX = (1.6f + rng.Range(0, 1)) * digitHeight;
            var marginY = (1.8f + rng.Range(0, 1)) * digitHeight;
            var left = (float)Math.Floor(minX - marginX);
            var top = (float)Math.Floor(minY - marginY);
            var width = (int)Math.Ceiling(maxX + marginX - left);
            var height = (int)Math.Ceiling(maxY + marginY - top);
            var shift = SKMatrix.CreateTranslation(-left, -top);
            toPhoto = SKMatrix.Concat(shift, toPhoto);
            for (var i = 0; i < 4; i++)
            {
                quad[i] = shift.MapPoint(quad[i]);
            }

            var effects = new System.Collections.Generic.List<string>();
            using var scene = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
            using (var canvas = new SKCanvas(scene))
            {
                var table = CardBackground.RandomColor(rng);
                canvas.Clear(table);
                canvas.SetMatrix(toPhoto);
                using (var image = SKImage.FromBitmap(face))
                {
                    // Mipmaps average the face down as a camera's pixels would, instead of skipping detail.
                    canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), null);
                }

                canvas.ResetMatrix();
                if (rng.Chance(hard ? 0.35 : 0.1))
                {
                    effects.Add("glare");
                    DrawGlare(canvas, rng, quad, digitHeight);
                }

                if (rng.Chance(hard ? 0.5 : 0.15))
                {
                    effects.Add("light");
                    DrawUnevenLight(canvas, rng, width, height);
                }
            }

            var sigma = (hard ? rng.Range(0.2, 1.0) : rng.Range(0, 0.5)) + (rng.Chance(0.15) ? rng.Range(0, 0.08) * digitHeight : 0);
            // Always a copy: noise is added in place.
            using var blurred = PhotoFinish.Blur(scene, sigma) ?? scene.Copy();
            PhotoFinish.AddNoise(blurred, rng, hard ? rng.Range(2, 14) : rng.Range(0, 5));

            var jpeg = PhotoFinish.Encode(blurred, hard ? rng.Next(25, 80) : rng.Next(60, 96));
            var lineScale = 1f;
            if (rng.Chance(hard ? 0.4 : 0.15))
            {
                // Saved again: often shrunk on the way (a messenger, a web page), then compressed once more.
                effects.Add("rejpeg");
                // Never below 8-pixel digits, for the same reason.
                var factor = rng.Chance(0.5) ? Math.Max(rng.Range(0.5, 0.95), Math.Min(1f, 8f / digitHeight)) : 1f;
                jpeg = PhotoFinish.Reencode(jpeg, factor, rng.Next(30, 90));
                lineScale *= factor;
            }

            if (digitHeight * lineScale < 14 && rng.Chance(0.3))
            {
                // A small picture enlarged for display before anyone photographed or saved it.
                effects.Add("enlarged");
                var factor = rng.Range(1.5, 3.0);
                jpeg = PhotoFinish.Reencode(jpeg, factor, rng.Next(70, 95));
                lineScale *= factor;
            }

            var decoded = RgbDecoder.Decode(jpeg) ?? throw new InvalidOperationException("A generated JPEG failed to decode.");
            LineFrame FrameOf(SKRect rect) => LineFrame.FromQuad(new[]
            {
                toPhoto.MapPoint(rect.Left, rect.Top), toPhoto.MapPoint(rect.Right, rect.Top), toPhoto.MapPoint(rect.Right, rect.Bottom), toPhoto.MapPoint(rect.Left, rect.Bottom),
            }.Select(p => new CardPoint(p.X * lineScale, p.Y * lineScale)).ToArray());

            tags = $"h{(int)Math.Round(FrameOf(numberLine).Height)} " + string.Join(" ", effects);
            return (decoded, FrameOf);
        }

        /// <summary>Digit heights as real photos show them: many small (web images, distant cards), some large.</summary>
        private static float PickDigitHeight(CardRandom rng)
        {
            var pick = rng.NextDouble();
            return pick < 0.4 ? rng.Range(8, 16) : pick < 0.8 ? rng.Range(16, 32) : rng.Range(32, 56);
        }

        private static void DrawGlare(SKCanvas canvas, CardRandom rng, SKPoint[] quad, float digitHeight)
        {
            var t = rng.Range(0, 1);
            var centre = new SKPoint(quad[0].X + ((quad[1].X - quad[0].X) * t), quad[0].Y + ((quad[3].Y - quad[0].Y) * rng.Range(-0.5, 1.5)));
            var radius = rng.Range(1, 8) * digitHeight;
            using var paint = new SKPaint
            {
                IsAntialias = true,
                Shader = SKShader.CreateRadialGradient(centre, radius, new[] { new SKColor(255, 255, 255, (byte)rng.Next(50, 180)), new SKColor(255, 255, 255, 0) }, SKShaderTileMode.Clamp),
            };
            canvas.Save();

            // A streak, as from a strip light, at any angle.
            canvas.RotateDegrees(rng.Range(0, 180), centre.X, centre.Y);
            canvas.Scale(1f, rng.Range(0.08, 0.6), centre.X, centre.Y);
            canvas.DrawCircle(centre, radius, paint);
            canvas.Restore();
        }

        private static void DrawUnevenLight(SKCanvas canvas, CardRandom rng, int width, int height)
        {
            var angle = rng.Range(0, 2 * Math.PI);
            var dx = (float)Math.Cos(angle) * width / 2;
            var dy = (float)Math.Sin(angle) * height / 2;
            var dark = new SKColor(0, 0, 0, (byte)rng.Next(60, 170));
            var bright = rng.Chance(0.3) ? new SKColor(255, 255, 255, (byte)rng.Next(30, 100)) : new SKColor(0, 0, 0, 0);
            using var paint = new SKPaint
            {
                Shader = SKShader.CreateLinearGradient(
                    new SKPoint((width / 2f) - dx, (height / 2f) - dy), new SKPoint((width / 2f) + dx, (height / 2f) + dy), new[] { bright, dark }, SKShaderTileMode.Clamp),
            };
            canvas.DrawRect(0, 0, width, height, paint);
        }
    }
}
