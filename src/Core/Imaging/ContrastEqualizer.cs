using System;

namespace BankcardOcr.Imaging
{
    /// <summary>
    /// Contrast-limited adaptive histogram equalisation of an image's brightness: the image is cut into a grid of
    /// tiles, each tile's brightness histogram is clipped at a multiple of its mean height (the excess spread evenly)
    /// and turned into a mapping by its cumulative sum, and every pixel's new brightness is the mappings of its four
    /// nearest tile centres blended by distance. Colour is kept: each channel is scaled by the pixel's brightness gain.
    /// Low-contrast text (embossed digits that are only a little lighter than the card around them, a silver number on
    /// a pale card) comes out with the contrast a text detector was trained on; the clip keeps flat areas from being
    /// stretched into noise.
    /// </summary>
    internal static class ContrastEqualizer
    {
        private const int Levels = 256;

        /// <summary>An equalised copy of <paramref name="image"/>.</summary>
        /// <param name="image">The image; not changed.</param>
        /// <param name="tiles">Tiles along each side of the image.</param>
        /// <param name="clipLimit">A histogram bin holds at most this many times the tile's mean bin count.</param>
        public static RgbImage Equalize(RgbImage image, int tiles, float clipLimit)
        {
            if (image is null)
            {
                throw new ArgumentNullException(nameof(image));
            }

            if (tiles < 1 || clipLimit < 1)
            {
                throw new ArgumentOutOfRangeException(tiles < 1 ? nameof(tiles) : nameof(clipLimit));
            }

            var (width, height) = (image.Width, image.Height);
            var brightness = Brightness(image);
            var tileWidth = (width + tiles - 1) / tiles;
            var tileHeight = (height + tiles - 1) / tiles;
            var columns = (width + tileWidth - 1) / tileWidth;
            var rows = (height + tileHeight - 1) / tileHeight;
            var mappings = new byte[rows * columns][];
            for (var row = 0; row < rows; row++)
            {
                for (var column = 0; column < columns; column++)
                {
                    mappings[(row * columns) + column] = TileMapping(brightness, width, column * tileWidth, row * tileHeight,
                        Math.Min(width, (column + 1) * tileWidth), Math.Min(height, (row + 1) * tileHeight), clipLimit);
                }
            }

            var source = image.Pixels;
            var pixels = new byte[source.Length];
            var columnNeighbours = new (int First, int Second, float Weight)[width];
            for (var x = 0; x < width; x++)
            {
                columnNeighbours[x] = Neighbours(x, tileWidth, columns);
            }

            for (var y = 0; y < height; y++)
            {
                var (row0, row1, rowWeight) = Neighbours(y, tileHeight, rows);
                for (var x = 0; x < width; x++)
                {
                    var (column0, column1, columnWeight) = columnNeighbours[x];
                    var i = (y * width) + x;
                    var level = brightness[i];
                    var top = Blend(mappings[(row0 * columns) + column0][level], mappings[(row0 * columns) + column1][level], columnWeight);
                    var bottom = Blend(mappings[(row1 * columns) + column0][level], mappings[(row1 * columns) + column1][level], columnWeight);
                    var gain = (Blend(top, bottom, rowWeight) + 1) / (level + 1f);
                    for (var channel = 0; channel < 3; channel++)
                    {
                        pixels[(3 * i) + channel] = (byte)Math.Min(255f, (source[(3 * i) + channel] * gain) + 0.5f);
                    }
                }
            }

            return new RgbImage(pixels, width, height);
        }

        /// <summary>Each pixel's brightness (ITU-R BT.601 weights, in 256ths).</summary>
        private static byte[] Brightness(RgbImage image)
        {
            var pixels = image.Pixels;
            var brightness = new byte[image.Width * image.Height];
            for (var i = 0; i < brightness.Length; i++)
            {
                brightness[i] = (byte)(((pixels[3 * i] * 77) + (pixels[(3 * i) + 1] * 150) + (pixels[(3 * i) + 2] * 29)) >> 8);
            }

            return brightness;
        }

        /// <summary>The clipped, equalising mapping of the brightness levels in one tile.</summary>
        private static byte[] TileMapping(byte[] brightness, int width, int left, int top, int right, int bottom, float clipLimit)
        {
            var histogram = new int[Levels];
            for (var y = top; y < bottom; y++)
            {
                for (var x = left; x < right; x++)
                {
                    histogram[brightness[(y * width) + x]]++;
                }
            }

            var count = (right - left) * (bottom - top);
            var limit = Math.Max(1, (int)(clipLimit * count / Levels));
            var excess = 0;
            for (var level = 0; level < Levels; level++)
            {
                if (histogram[level] > limit)
                {
                    excess += histogram[level] - limit;
                    histogram[level] = limit;
                }
            }

            var mapping = new byte[Levels];
            var spread = excess / Levels;
            var remainder = excess % Levels;
            var sum = 0;
            for (var level = 0; level < Levels; level++)
            {
                sum += histogram[level] + spread + (level < remainder ? 1 : 0);
                mapping[level] = (byte)Math.Min(255, (int)((long)sum * 255 / count));
            }

            return mapping;
        }

        /// <summary>The two tiles whose centres are nearest <paramref name="position"/> along one axis, and the second's weight.</summary>
        private static (int First, int Second, float Weight) Neighbours(int position, int tileSize, int tiles)
        {
            var along = ((position + 0.5f) / tileSize) - 0.5f;
            if (along <= 0)
            {
                return (0, 0, 0);
            }

            var first = (int)along;
            if (first >= tiles - 1)
            {
                return (tiles - 1, tiles - 1, 0);
            }

            return (first, first + 1, along - first);
        }

        private static float Blend(float a, float b, float weight) => a + ((b - a) * weight);
    }
}
