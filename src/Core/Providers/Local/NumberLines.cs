using System;
using System.Collections.Generic;
using System.Linq;

namespace BankcardOcr.Providers.Local
{
    /// <summary>
    /// Joins detected boxes into text lines: the detector often splits a card number into its digit groups, and the
    /// groups of one number share a centre line and a height. Each line is then read in one piece, so the recognizer
    /// sees the spaces between groups and reads far fewer crops than there are boxes.
    /// </summary>
    internal static class NumberLines
    {
        /// <summary>Largest centre offset, as a share of the smaller height, for two boxes on one line.</summary>
        private const float CenterTolerance = 0.45f;

        /// <summary>Largest height ratio of two boxes on one line.</summary>
        private const float HeightRatio = 1.6f;

        /// <summary>Largest gap between neighbours, in line heights (card groups sit about one digit width apart).</summary>
        private const float GapInHeights = 2.5f;

        /// <summary>The lines, each as the union box of its members, left to right; boxes that join nothing are lines of their own.</summary>
        public static List<TextBox> Join(IEnumerable<TextBox> boxes)
        {
            var lines = new List<List<TextBox>>();
            foreach (var box in boxes.OrderBy(b => b.Left))
            {
                List<TextBox>? home = null;
                foreach (var line in lines)
                {
                    var last = line[line.Count - 1];
                    var smaller = Math.Min(last.Height, box.Height);
                    var larger = Math.Max(last.Height, box.Height);
                    if (Math.Abs(last.CenterY - box.CenterY) <= CenterTolerance * smaller
                        && larger <= HeightRatio * smaller
                        && box.Left - last.Right <= GapInHeights * larger
                        && box.Left > last.Left)
                    {
                        home = line;
                        break;
                    }
                }

                if (home is null)
                {
                    lines.Add(new List<TextBox> { box });
                }
                else
                {
                    home.Add(box);
                }
            }

            return lines.Select(Union).ToList();
        }

        /// <summary>
        /// Whether a line can hold a card number or an expiry date: horizontal and wide enough for "MM/YY". Skipping
        /// the rest (logos, bank names, chip contacts) saves most of the recognizer's time.
        /// </summary>
        public static bool CanHoldDigits(TextBox line, float minimumHeight) =>
            line.Height >= minimumHeight && line.Width >= 1.8f * line.Height;

        private static TextBox Union(List<TextBox> line)
        {
            float weight = 0, score = 0;
            foreach (var b in line)
            {
                weight += b.Width;
                score += b.Score * b.Width;
            }

            return new TextBox(line.Min(b => b.Left), line.Min(b => b.Top), line.Max(b => b.Right), line.Max(b => b.Bottom), score / weight);
        }
    }
}
