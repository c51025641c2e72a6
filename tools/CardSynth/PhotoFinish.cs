using System;
using System.Runtime.InteropServices;
using SkiaSharp;

namespace BankcardOcr.CardSynth
{
    /// <summary>
    /// What the camera and the sharing do to a photo once the scene is drawn: defocus, sensor noise, JPEG compression,
    /// and a resize between two compressions (a photo saved, shrunk by a messenger or a web page, saved again). Card
    /// photos (<see cref="CardScene"/>) and the digit model's training lines (tools/DigitLines) both finish here.
    /// </summary>
    internal static class PhotoFinish
    {
        /// <summary>A blurred copy of <paramref name="source"/>, or null when <paramref name="sigma"/> is too small to show.</summary>
        public static SKBitmap? Blur(SKBitmap source, float sigma)
        {
            if (sigma < 0.05f)
            {
                return null;
            }

            var copy = new SKBitmap(source.Info);
            using var canvas = new SKCanvas(copy);
            using var paint = new SKPaint { ImageFilter = SKImageFilter.CreateBlur(sigma, sigma, SKShaderTileMode.Clamp) };
            canvas.DrawBitmap(source, 0, 0, SKSamplingOptions.Default, paint);
            return copy;
        }

        public static void AddNoise(SKBitmap bitmap, CardRandom rng, double sigma)
        {
            if (sigma < 0.5)
            {
                return;
            }

            // Normal deviates from a table indexed by random bits: a log and a cosine per channel and pixel cost more
            // than the rest of the card together.
            var table = new float[4096];
            for (var i = 0; i < table.Length; i++)
            {
                table[i] = (float)(rng.Gaussian() * sigma);
            }

            var bytes = new byte[bitmap.ByteCount];
            Marshal.Copy(bitmap.GetPixels(), bytes, 0, bytes.Length);
            for (var i = 0; i < bytes.Length; i += 4)
            {
                // Mostly luminance noise with a little chroma, as from a phone sensor.
                var bits = rng.NextUInt64();
                var common = table[bits & 4095];
                for (var c = 0; c < 3; c++)
                {
                    var v = bytes[i + c] + common + (0.3f * table[(bits >> (12 * (c + 1))) & 4095]);
                    bytes[i + c] = (byte)(v < 0 ? 0 : v > 255 ? 255 : v);
                }
            }

            Marshal.Copy(bytes, 0, bitmap.GetPixels(), bytes.Length);
        }

        public static byte[] Encode(SKBitmap bitmap, int quality, SKEncodedImageFormat format = SKEncodedImageFormat.Jpeg)
        {
            using var data = bitmap.Encode(format, quality);
            return data.ToArray();
        }

        /// <summary>
        /// <paramref name="bitmap"/> resized to <paramref name="width"/> × <paramref name="height"/>; mipmaps average it
        /// down as a camera's or an image library's scaler would, instead of skipping detail.
        /// </summary>
        public static SKBitmap Resize(SKBitmap bitmap, int width, int height) =>
            bitmap.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));

        /// <summary>A JPEG decoded, resized by <paramref name="factor"/> (none when 1) and compressed again.</summary>
        public static byte[] Reencode(byte[] jpeg, float factor, int quality)
        {
            using var decoded = SKBitmap.Decode(jpeg);
            if (Math.Abs(factor - 1) < 1e-3)
            {
                return Encode(decoded, quality);
            }

            using var resized = Resize(decoded, Math.Max(8, (int)Math.Round(decoded.Width * factor)), Math.Max(8, (int)Math.Round(decoded.Height * factor)));
            return Encode(resized, quality);
        }
    }
}
