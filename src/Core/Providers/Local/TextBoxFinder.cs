using System;
using System.Collections.Generic;

namespace BankcardOcr.Providers.Local
{
    /// <summary>
    /// DB post-processing on the detector's probability map: threshold, connected components (8-neighbour), a box per
    /// component scored by its mean probability, then grown ("unclipped") by area × ratio / perimeter as PaddleOCR
    /// does, because DB's maps shrink text regions by that rule during training.
    /// </summary>
    internal static class TextBoxFinder
    {
        /// <summary>Components smaller than this many map pixels are noise.</summary>
        private const int MinimumPixels = 6;

        /// <summary>
        /// The smallest rectangle around a component along its main axis (from the second moments of its pixels). A
        /// component that is not clearly longer than wide has no reliable axis and keeps a level box.
        /// </summary>
        internal static TextBox RotatedExtent(List<int> pixels, int width, double meanX, double meanY, float score)
        {
            double xx = 0, yy = 0, xy = 0;
            foreach (var p in pixels)
            {
                double dx = p % width - meanX, dy = p / width - meanY;
                xx += dx * dx;
                yy += dy * dy;
                xy += dx * dy;
            }

            var angle = 0.5 * Math.Atan2(2 * xy, xx - yy);
            var spread = Math.Sqrt((xx - yy) * (xx - yy) + 4 * xy * xy);
            var major = (xx + yy + spread) / 2;
            var minor = (xx + yy - spread) / 2;
            if (major < 4 * Math.Max(minor, 1e-9) || Math.Abs(angle) > Math.PI / 4)
            {
                angle = 0;
            }

            double cos = Math.Cos(angle), sin = Math.Sin(angle);
            double minU = double.MaxValue, maxU = double.MinValue, minV = double.MaxValue, maxV = double.MinValue;
            foreach (var p in pixels)
            {
                // Pixel centres, so a one-pixel-wide run has width 1.
                double x = p % width + 0.5, y = p / width + 0.5;
                var u = x * cos + y * sin;
                var v = -x * sin + y * cos;
                minU = Math.Min(minU, u);
                maxU = Math.Max(maxU, u);
                minV = Math.Min(minV, v);
                maxV = Math.Max(maxV, v);
            }

            double cu = (minU + maxU) / 2, cv = (minV + maxV) / 2;
            return TextBox.Around(
                (float)(cu * cos - cv * sin),
                (float)(cu * sin + cv * cos),
                (float)(maxU - minU + 1),
                (float)(maxV - minV + 1),
                score,
                (float)angle);
        }

        /// <summary>Finds the boxes of one map.</summary>
        /// <param name="map">Probabilities, row-major, <paramref name="width"/> × <paramref name="height"/>.</param>
        /// <param name="width">Map width.</param>
        /// <param name="height">Map height.</param>
        /// <param name="threshold">Pixel threshold (PaddleOCR's det_db_thresh).</param>
        /// <param name="boxThreshold">Minimum mean probability of a box (det_db_box_thresh).</param>
        /// <param name="unclipRatio">Growth ratio (det_db_unclip_ratio).</param>
        public static List<TextBox> Find(ReadOnlySpan<float> map, int width, int height, float threshold, float boxThreshold, float unclipRatio)
        {
            var boxes = new List<TextBox>();
            var seen = new bool[width * height];
            var stack = new Stack<int>();
            for (var start = 0; start < seen.Length; start++)
            {
                if (seen[start] || map[start] <= threshold)
                {
                    continue;
                }

                var pixels = new List<int>();
                double sum = 0, sx = 0, sy = 0;
                seen[start] = true;
                stack.Push(start);
                while (stack.Count > 0)
                {
                    var p = stack.Pop();
                    int x = p % width, y = p / width;
                    pixels.Add(p);
                    sum += map[p];
                    sx += x;
                    sy += y;
                    for (var dy = -1; dy <= 1; dy++)
                    {
                        var ny = y + dy;
                        if (ny < 0 || ny >= height)
                        {
                            continue;
                        }

                        for (var dx = -1; dx <= 1; dx++)
                        {
                            var nx = x + dx;
                            var q = ny * width + nx;
                            if (nx < 0 || nx >= width || seen[q] || map[q] <= threshold)
                            {
                                continue;
                            }

                            seen[q] = true;
                            stack.Push(q);
                        }
                    }
                }

                var score = (float)(sum / pixels.Count);
                if (pixels.Count < MinimumPixels || score < boxThreshold)
                {
                    continue;
                }

                var box = RotatedExtent(pixels, width, sx / pixels.Count, sy / pixels.Count, score);
                if (Math.Min(box.Width, box.Height) < 3)
                {
                    continue;
                }

                var grow = box.Width * box.Height * unclipRatio / (2 * (box.Width + box.Height));
                boxes.Add(TextBox.Around(box.CenterX, box.CenterY, box.Width + 2 * grow, box.Height + 2 * grow, score, box.Angle));
            }

            return boxes;
        }
    }
}
