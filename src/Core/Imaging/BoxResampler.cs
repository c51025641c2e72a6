using System;

namespace BankcardOcr.Imaging
{
    /// <summary>
    /// Shrinks an <see cref="RgbImage"/> by area averaging (a box filter): every output pixel is the mean of
    /// the source area it covers, source pixels cut by its edges counting by the fraction inside. For
    /// downscaling this is the filter that keeps thin strokes (embossed digits) from breaking up or aliasing
    /// the way nearest-neighbour or bilinear sampling does at large ratios, and it needs no tuning.
    /// </summary>
    /// <remarks>
    /// Separable and streaming: each output row sums the source rows it covers, each first averaged across
    /// into one row of floats, so the extra memory is two output rows rather than a whole intermediate image.
    /// Averaging is done on the stored (gamma-encoded) values, as most image tools do; the slight darkening
    /// of fine light-on-dark detail this causes does not matter for OCR.
    /// </remarks>
    internal static class BoxResampler
    {
        /// <summary>Returns a new image of the given size; the source is left untouched.</summary>
        public static RgbImage Resize(RgbImage source, int width, int height)
        {
            if (width <= 0 || height <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(width), "Sizes must be positive.");
            }

            var columns = Spans(source.Width, width);
            var rows = Spans(source.Height, height);
            var output = new byte[width * height * 3];
            var across = new float[width * 3];
            var sum = new float[width * 3];
            for (var y = 0; y < height; y++)
            {
                Array.Clear(sum, 0, sum.Length);
                var span = rows[y];
                for (var k = 0; k < span.Weights.Length; k++)
                {
                    AverageAcross(source, span.First + k, columns, across);
                    var weight = span.Weights[k];
                    for (var i = 0; i < sum.Length; i++)
                    {
                        sum[i] += weight * across[i];
                    }
                }

                var offset = y * width * 3;
                for (var i = 0; i < sum.Length; i++)
                {
                    // Weights sum to 1, so the value is already in 0..255 up to rounding error.
                    output[offset + i] = (byte)Math.Min(255, Math.Max(0, (int)(sum[i] + 0.5f)));
                }
            }

            return new RgbImage(output, width, height);
        }

        private static void AverageAcross(RgbImage source, int row, Span[] columns, float[] into)
        {
            var pixels = source.Pixels;
            var rowStart = row * source.Width * 3;
            for (var x = 0; x < columns.Length; x++)
            {
                var span = columns[x];
                float r = 0, g = 0, b = 0;
                var at = rowStart + span.First * 3;
                for (var k = 0; k < span.Weights.Length; k++, at += 3)
                {
                    var w = span.Weights[k];
                    r += w * pixels[at];
                    g += w * pixels[at + 1];
                    b += w * pixels[at + 2];
                }

                into[x * 3] = r;
                into[x * 3 + 1] = g;
                into[x * 3 + 2] = b;
            }
        }

        /// <summary>
        /// For each of <paramref name="to"/> output positions, the source positions it covers and their weights:
        /// output i covers [i·r, (i+1)·r) with r = from / to, source j covers [j, j+1), the weight is the overlap
        /// divided by r so the weights sum to 1.
        /// </summary>
        internal static Span[] Spans(int from, int to)
        {
            var ratio = (double)from / to;
            var spans = new Span[to];
            for (var i = 0; i < to; i++)
            {
                var start = i * ratio;
                var end = Math.Min(from, (i + 1) * ratio);
                var first = (int)Math.Floor(start);
                var last = Math.Min(from, (int)Math.Ceiling(end)) - 1;
                var weights = new float[last - first + 1];
                for (var j = first; j <= last; j++)
                {
                    weights[j - first] = (float)((Math.Min(end, j + 1) - Math.Max(start, j)) / (end - start));
                }

                spans[i] = new Span(first, weights);
            }

            return spans;
        }

        internal readonly struct Span
        {
            public Span(int first, float[] weights)
            {
                First = first;
                Weights = weights;
            }

            public int First { get; }

            public float[] Weights { get; }
        }
    }
}
