using System;
using BankcardOcr.Imaging;

namespace BankcardOcr.Providers.Local
{
    /// <summary>
    /// Writes a region of an RGB image into a model's input tensor (CHW, BGR channel order as PaddleOCR's OpenCV
    /// pipeline feeds it), resized bilinearly and normalised per channel, in one pass without intermediate images.
    /// </summary>
    internal static class TensorSampler
    {
        /// <summary>Samples <paramref name="region"/> of <paramref name="image"/> into a <paramref name="width"/> × <paramref name="height"/> block.</summary>
        /// <param name="image">The source pixels.</param>
        /// <param name="region">The source rectangle (pixels; clamped to the image).</param>
        /// <param name="tensor">The destination; the block starts at <paramref name="offset"/> and has row stride <paramref name="stride"/>.</param>
        /// <param name="offset">Index of the block's first element of channel 0.</param>
        /// <param name="stride">Elements per tensor row (≥ <paramref name="width"/>; the rest of each row is left untouched).</param>
        /// <param name="planeSize">Elements per channel plane.</param>
        /// <param name="width">Destination width.</param>
        /// <param name="height">Destination height.</param>
        /// <param name="mean">Per BGR channel, subtracted from value/255.</param>
        /// <param name="std">Per BGR channel, divides after the mean.</param>
        public static void Sample(RgbImage image, TextBox region, float[] tensor, int offset, int stride, int planeSize, int width, int height, float[] mean, float[] std)
        {
            if (region.Angle != 0)
            {
                SampleTurned(image, region, tensor, offset, stride, planeSize, width, height, mean, std);
                return;
            }

            var left = Math.Max(0, region.Left);
            var top = Math.Max(0, region.Top);
            var right = Math.Min(image.Width, region.Right);
            var bottom = Math.Min(image.Height, region.Bottom);
            var scaleX = (right - left) / width;
            var scaleY = (bottom - top) / height;
            var pixels = image.Pixels;
            var rowBytes = image.Width * 3;
            var x0 = new int[width];
            var x1 = new int[width];
            var fx = new float[width];
            for (var x = 0; x < width; x++)
            {
                // Pixel centres map to pixel centres (OpenCV's INTER_LINEAR convention).
                var sx = Math.Min(Math.Max(left + (x + 0.5f) * scaleX - 0.5f, 0), image.Width - 1);
                x0[x] = (int)sx;
                x1[x] = Math.Min(x0[x] + 1, image.Width - 1);
                fx[x] = sx - x0[x];
            }

            var scale = new float[3];
            var shift = new float[3];
            for (var c = 0; c < 3; c++)
            {
                scale[c] = 1f / (255f * std[c]);
                shift[c] = -mean[c] / std[c];
            }

            for (var y = 0; y < height; y++)
            {
                var sy = Math.Min(Math.Max(top + (y + 0.5f) * scaleY - 0.5f, 0), image.Height - 1);
                var y0 = (int)sy;
                var y1 = Math.Min(y0 + 1, image.Height - 1);
                var fy = sy - y0;
                var row0 = y0 * rowBytes;
                var row1 = y1 * rowBytes;
                var to = offset + y * stride;
                for (var x = 0; x < width; x++)
                {
                    int a = row0 + x0[x] * 3, b = row0 + x1[x] * 3, c0 = row1 + x0[x] * 3, d = row1 + x1[x] * 3;
                    var wx = fx[x];
                    for (var bgr = 0; bgr < 3; bgr++)
                    {
                        var rgb = 2 - bgr;
                        var top2 = pixels[a + rgb] + (pixels[b + rgb] - pixels[a + rgb]) * wx;
                        var bottom2 = pixels[c0 + rgb] + (pixels[d + rgb] - pixels[c0 + rgb]) * wx;
                        var v = top2 + (bottom2 - top2) * fy;
                        tensor[to + bgr * planeSize + x] = v * scale[bgr] + shift[bgr];
                    }
                }
            }
        }
    
        /// <summary>
        /// A turned box straightened while sampling: destination (x, y) comes from the box's centre plus x along
        /// the text direction and y across it. Points outside the image take the nearest edge pixel.
        /// </summary>
        private static void SampleTurned(RgbImage image, TextBox region, float[] tensor, int offset, int stride, int planeSize, int width, int height, float[] mean, float[] std)
        {
            var cos = (float)Math.Cos(region.Angle);
            var sin = (float)Math.Sin(region.Angle);
            var stepU = region.Width / width;
            var stepV = region.Height / height;
            var pixels = image.Pixels;
            var rowBytes = image.Width * 3;
            for (var y = 0; y < height; y++)
            {
                var v = (y + 0.5f) * stepV - region.Height / 2;
                var to = offset + y * stride;
                for (var x = 0; x < width; x++)
                {
                    var u = (x + 0.5f) * stepU - region.Width / 2;
                    var sx = Math.Min(Math.Max(region.CenterX + u * cos - v * sin - 0.5f, 0), image.Width - 1);
                    var sy = Math.Min(Math.Max(region.CenterY + u * sin + v * cos - 0.5f, 0), image.Height - 1);
                    int x0 = (int)sx, y0 = (int)sy;
                    int x1 = Math.Min(x0 + 1, image.Width - 1), y1 = Math.Min(y0 + 1, image.Height - 1);
                    float fx = sx - x0, fy = sy - y0;
                    int a = y0 * rowBytes + x0 * 3, b = y0 * rowBytes + x1 * 3, c = y1 * rowBytes + x0 * 3, d = y1 * rowBytes + x1 * 3;
                    for (var bgr = 0; bgr < 3; bgr++)
                    {
                        var rgb = 2 - bgr;
                        var top = pixels[a + rgb] + (pixels[b + rgb] - pixels[a + rgb]) * fx;
                        var bottom = pixels[c + rgb] + (pixels[d + rgb] - pixels[c + rgb]) * fx;
                        var value = (top + (bottom - top) * fy) / 255f;
                        tensor[to + bgr * planeSize + x] = (value - mean[bgr]) / std[bgr];
                    }
                }
            }
        }
    }
}
