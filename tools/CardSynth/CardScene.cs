using System;
using System.Linq;
using SkiaSharp;

namespace BankcardOcr.CardSynth
{
    /// <summary>
    /// Puts a rendered card face into a photo: a table behind it, a shadow, rotation and perspective, glare, uneven
    /// light, defocus, sensor noise and JPEG compression, each stronger on the hard level; the worn level's photo is then
    /// shrunk and compressed as a shared phone photo is.
    /// </summary>
    internal static class CardScene
    {
        public const int Width = 1280;
        public const int Height = 960;

        /// <summary>The worn level's photos are shrunk to between these long sides (pixels).</summary>
        public const int MinSharedSide = 300;

        /// <summary>See <see cref="MinSharedSide"/>.</summary>
        public const int MaxSharedSide = 900;

        /// <summary>
        /// The encoded photo of <paramref name="face"/> lying in a scene; <paramref name="numberQuad"/> receives the
        /// corners of <paramref name="numberLine"/> (face pixels) as they land in the photo, clockwise from top-left,
        /// and <paramref name="size"/> the photo's size (<see cref="Width"/> × <see cref="Height"/> but on the worn level).
        /// The photo is turned clockwise by <paramref name="quarterTurns"/> quarters last, as a scanner stores a card fed sideways.
        /// </summary>
        public static byte[] Compose(CardRandom rng, SKBitmap face, CardLevel level, double scale, bool png, SKRect numberLine, out SKPoint[] numberQuad, out SKSizeI size, int quarterTurns = 0)
        {
            // The worn level's scene is a hard one with more perspective; what a phone and the sharing do to it afterwards differs.
            var hard = level != CardLevel.Clean;
            using var scene = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
            using (var canvas = new SKCanvas(scene))
            {
                DrawTable(canvas, rng, hard);

                var angle = (hard ? rng.Range(-12, 12) : rng.Range(-3, 3)) * Math.PI / 180;
                // A phone held over a card on a desk tilts it more than the hard level's frame does.
                var tilt = level == CardLevel.Worn ? rng.Range(0, 0.12) : hard ? rng.Range(0, 0.08) : rng.Range(0, 0.02);
                var quad = PlaceCard(rng, face.Width, face.Height, (float)scale, angle, tilt);

                DrawShadow(canvas, rng, quad);
                canvas.Save();
                var toPhoto = Homography.FromRect(face.Width, face.Height, quad);
                numberQuad = new[]
                {
                    toPhoto.MapPoint(numberLine.Left, numberLine.Top), toPhoto.MapPoint(numberLine.Right, numberLine.Top),
                    toPhoto.MapPoint(numberLine.Right, numberLine.Bottom), toPhoto.MapPoint(numberLine.Left, numberLine.Bottom),
                };
                canvas.SetMatrix(toPhoto);
                using (var paint = new SKPaint { IsAntialias = true })
                using (var image = SKImage.FromBitmap(face))
                {
                    canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), paint);
                    if (hard || rng.Chance(0.2))
                    {
                        DrawGlare(canvas, rng, face.Width, face.Height, hard);
                    }
                }

                canvas.Restore();
                if (hard && rng.Chance(0.6))
                {
                    DrawUnevenLight(canvas, rng);
                }

                using var blurred = PhotoFinish.Blur(scene, hard ? rng.Range(0.4, 2.0) : rng.Range(0, 0.6));
                if (blurred != null)
                {
                    canvas.Clear();
                    canvas.DrawBitmap(blurred, 0, 0, SKSamplingOptions.Default, null);
                }

                canvas.Flush();
            }

            var format = png ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg;
            if (level == CardLevel.Worn)
            {
                using var upright = Turn(scene, quarterTurns, numberQuad);
                return Share(rng, upright ?? scene, format, numberQuad, out size);
            }

            PhotoFinish.AddNoise(scene, rng, hard ? rng.Range(3, 12) : rng.Range(0, 3));
            var quality = hard ? rng.Next(30, 71) : rng.Next(80, 96);
            using var turned = Turn(scene, quarterTurns, numberQuad);
            var photo = turned ?? scene;
            size = new SKSizeI(photo.Width, photo.Height);
            return PhotoFinish.Encode(photo, quality, format);
        }

        /// <summary>
        /// A phone photo as it reaches the recognizer after sharing: shrunk to 300–900 pixels on the long side (median
        /// about 500, as the real photos measured in docs/accuracy.md), sensor noise at that size, JPEG, and in 40 % a
        /// second JPEG after a further shrink. <paramref name="quad"/> is scaled along.
        /// </summary>
        private static byte[] Share(CardRandom rng, SKBitmap photo, SKEncodedImageFormat format, SKPoint[] quad, out SKSizeI size)
        {
            var longSide = (int)Math.Round(Math.Max(MinSharedSide, Math.Min(MaxSharedSide, 500 * Math.Exp(0.3 * rng.Gaussian()))));
            var twice = rng.Chance(0.4);
            // The first save is larger by the shrink between the two.
            var shrink = twice ? rng.Range(0.55, 0.9) : 1.0;
            var firstSide = (int)Math.Round(longSide / shrink);
            var ratio = firstSide / (double)Math.Max(photo.Width, photo.Height);
            using var first = PhotoFinish.Resize(photo, (int)Math.Round(photo.Width * ratio), (int)Math.Round(photo.Height * ratio));
            PhotoFinish.AddNoise(first, rng, rng.Range(2, 9));
            var quality = rng.Next(45, 90);
            byte[] encoded;
            if (twice)
            {
                var once = PhotoFinish.Encode(first, quality);
                using var decoded = SKBitmap.Decode(once);
                ratio = longSide / (double)Math.Max(photo.Width, photo.Height);
                using var second = PhotoFinish.Resize(decoded, (int)Math.Round(photo.Width * ratio), (int)Math.Round(photo.Height * ratio));
                encoded = PhotoFinish.Encode(second, rng.Next(35, 85), format);
                size = new SKSizeI(second.Width, second.Height);
            }
            else
            {
                encoded = PhotoFinish.Encode(first, quality, format);
                size = new SKSizeI(first.Width, first.Height);
            }

            var scale = size.Width / (float)photo.Width;
            for (var i = 0; i < quad.Length; i++)
            {
                quad[i] = new SKPoint(quad[i].X * scale, quad[i].Y * scale);
            }

            return encoded;
        }

        /// <summary>
        /// Composes the photo of <paramref name="face"/> (<see cref="Compose"/>) and puts it on <paramref name="card"/>
        /// with its format, size and number-line corners.
        /// </summary>
        public static void Photograph(SyntheticCard card, CardRandom rng, SKBitmap face, CardLevel level, bool png, SKRect numberLine, int quarterTurns)
        {
            card.Image = Compose(rng, face, level, card.CardScale, png, numberLine, out var quad, out var size, quarterTurns);
            card.NumberQuad = quad.Select(p => new CardPoint(p.X, p.Y)).ToArray();
            card.Format = png ? "png" : "jpeg";
            card.Width = size.Width;
            card.Height = size.Height;
        }

        /// <summary>The card's width over the frame's, before perspective: how small the card sits in the photo.</summary>
        public static double PickScale(CardRandom rng, CardLevel level) => level switch
        {
            CardLevel.Hard => rng.Range(0.38, 0.9),
            // Shared photos of a card are mostly the card, framed or cropped close.
            CardLevel.Worn => rng.Range(0.6, 0.92),
            _ => rng.Range(0.7, 0.9),
        };

        private static SKPoint[] PlaceCard(CardRandom rng, int faceWidth, int faceHeight, double scale, double angle, double tilt)
        {
            var w = (float)(Width * scale);
            var h = w * faceHeight / faceWidth;
            var corners = new[] { new SKPoint(-w / 2, -h / 2), new SKPoint(w / 2, -h / 2), new SKPoint(w / 2, h / 2), new SKPoint(-w / 2, h / 2) };
            var cos = (float)Math.Cos(angle);
            var sin = (float)Math.Sin(angle);
            float minX = float.MaxValue, minY = float.MaxValue, maxX = float.MinValue, maxY = float.MinValue;
            for (var i = 0; i < 4; i++)
            {
                // Perspective as independent corner shifts of up to tilt × card width.
                var jx = rng.Range(-tilt, tilt) * w;
                var jy = rng.Range(-tilt, tilt) * w;
                var p = corners[i];
                corners[i] = new SKPoint((p.X * cos) - (p.Y * sin) + jx, (p.X * sin) + (p.Y * cos) + jy);
                minX = Math.Min(minX, corners[i].X);
                maxX = Math.Max(maxX, corners[i].X);
                minY = Math.Min(minY, corners[i].Y);
                maxY = Math.Max(maxY, corners[i].Y);
            }

            // Keep the whole card in the frame with a small margin, shrinking it if the tilt made it too big.
            var margin = 0.03f * Width;
            var fit = Math.Min(1f, Math.Min((Width - (2 * margin)) / (maxX - minX), (Height - (2 * margin)) / (maxY - minY)));
            var cx = rng.Range(margin - (minX * fit), Width - margin - (maxX * fit));
            var cy = rng.Range(margin - (minY * fit), Height - margin - (maxY * fit));
            for (var i = 0; i < 4; i++)
            {
                corners[i] = new SKPoint(cx + (corners[i].X * fit), cy + (corners[i].Y * fit));
            }

            return corners;
        }

        private static void DrawTable(SKCanvas canvas, CardRandom rng, bool hard)
        {
            if (hard)
            {
                CardBackground.Draw(canvas, rng, CardLevel.Hard, Width, Height);
                return;
            }

            // Clean shots lie on a plain surface: one colour with a gentle falloff.
            var tone = CardBackground.RandomColor(rng);
            using var paint = new SKPaint
            {
                Shader = SKShader.CreateRadialGradient(new SKPoint(Width / 2f, Height / 2f), Width, new[] { tone, CardBackground.Shade(tone, -0.2) }, SKShaderTileMode.Clamp),
            };
            canvas.DrawRect(0, 0, Width, Height, paint);
        }

        private static void DrawShadow(SKCanvas canvas, CardRandom rng, SKPoint[] quad)
        {
            using var path = CardDecor.Polygon(quad);
            var offset = rng.Range(3, 14);
            using var paint = new SKPaint { IsAntialias = true, Color = new SKColor(0, 0, 0, 110), ImageFilter = SKImageFilter.CreateBlur(offset, offset) };
            canvas.Save();
            canvas.Translate(offset, offset);
            canvas.DrawPath(path, paint);
            canvas.Restore();
        }

        private static void DrawGlare(SKCanvas canvas, CardRandom rng, int width, int height, bool hard)
        {
            // A specular patch on the laminate; on hard shots it may sit right on the number line (31–38 mm down).
            var center = new SKPoint(rng.Range(0.15, 0.85) * width, hard && rng.Chance(0.5) ? rng.Range(0.55, 0.7) * height : rng.Range(0, 1) * height);
            var radius = rng.Range(0.12, hard ? 0.45 : 0.25) * width;
            var alpha = (byte)(hard ? rng.Next(90, 230) : rng.Next(30, 80));
            using var paint = new SKPaint
            {
                IsAntialias = true,
                Shader = SKShader.CreateRadialGradient(center, radius, new[] { new SKColor(255, 255, 255, alpha), new SKColor(255, 255, 255, 0) }, SKShaderTileMode.Clamp),
            };
            canvas.Save();
            // An elongated patch, as from a strip light.
            canvas.Scale(1f, rng.Range(0.3, 1.0), center.X, center.Y);
            canvas.DrawCircle(center, radius, paint);
            canvas.Restore();
        }

        private static void DrawUnevenLight(SKCanvas canvas, CardRandom rng)
        {
            var angle = rng.Range(0, 2 * Math.PI);
            var dx = (float)Math.Cos(angle) * Width / 2;
            var dy = (float)Math.Sin(angle) * Height / 2;
            using var paint = new SKPaint
            {
                Shader = SKShader.CreateLinearGradient(
                    new SKPoint((Width / 2f) - dx, (Height / 2f) - dy),
                    new SKPoint((Width / 2f) + dx, (Height / 2f) + dy),
                    new[] { new SKColor(0, 0, 0, 0), new SKColor(0, 0, 0, (byte)rng.Next(60, 150)) },
                    SKShaderTileMode.Clamp),
            };
            canvas.DrawRect(0, 0, Width, Height, paint);
        }

        private static int Quarters(int quarterTurns) => ((quarterTurns % 4) + 4) % 4;

        /// <summary>
        /// The scene turned clockwise by whole quarters (null for none), with <paramref name="quad"/> turned alike. A
        /// quarter turn about the centre maps pixel centres onto pixel centres, so no pixel is resampled.
        /// </summary>
        private static SKBitmap? Turn(SKBitmap scene, int quarterTurns, SKPoint[] quad)
        {
            var turns = Quarters(quarterTurns);
            if (turns == 0)
            {
                return null;
            }

            var sideways = turns % 2 == 1;
            var turned = new SKBitmap(new SKImageInfo(sideways ? scene.Height : scene.Width, sideways ? scene.Width : scene.Height, scene.ColorType, scene.AlphaType));
            var turn = SKMatrix.CreateTranslation(-scene.Width / 2f, -scene.Height / 2f)
                .PostConcat(SKMatrix.CreateRotationDegrees(90 * turns))
                .PostConcat(SKMatrix.CreateTranslation(turned.Width / 2f, turned.Height / 2f));
            using (var canvas = new SKCanvas(turned))
            {
                canvas.SetMatrix(turn);
                canvas.DrawBitmap(scene, 0, 0, SKSamplingOptions.Default, null);
            }

            for (var i = 0; i < quad.Length; i++)
            {
                quad[i] = turn.MapPoint(quad[i]);
            }

            return turned;
        }
    }
}
