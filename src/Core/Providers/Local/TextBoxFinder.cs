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

                int left = int.MaxValue, top = int.MaxValue, right = -1, bottom = -1, count = 0;
                double sum = 0;
                seen[start] = true;
                stack.Push(start);
                while (stack.Count > 0)
                {
                    var p = stack.Pop();
                    int x = p % width, y = p / width;
                    left = Math.Min(left, x);
                    right = Math.Max(right, x);
                    top = Math.Min(top, y);
                    bottom = Math.Max(bottom, y);
                    count++;
                    sum += map[p];
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

                var score = (float)(sum / count);
                if (count < MinimumPixels || score < boxThreshold)
                {
                    continue;
                }

                float w = right - left + 1, h = bottom - top + 1;
                if (Math.Min(w, h) < 3)
                {
                    continue;
                }

                var grow = w * h * unclipRatio / (2 * (w + h));
                boxes.Add(new TextBox(
                    Math.Max(0, left - grow),
                    Math.Max(0, top - grow),
                    Math.Min(width, right + 1 + grow),
                    Math.Min(height, bottom + 1 + grow),
                    score));
            }

            return boxes;
        }
    }
}
