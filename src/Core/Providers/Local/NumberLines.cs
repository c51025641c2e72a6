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

        /// <summary>Largest difference in turn between two boxes on one line (about 6°).</summary>
        private const float AngleTolerance = 0.1f;

        /// <summary>The lines, each as the union box of its members along their shared direction; boxes that join nothing are lines of their own.</summary>
        public static List<TextBox> Join(IEnumerable<TextBox> boxes)
        {
            var lines = new List<List<TextBox>>();
            foreach (var box in boxes.OrderBy(b => b.CenterX))
            {
                List<TextBox>? home = null;
                foreach (var line in lines)
                {
                    if (Follows(line[line.Count - 1], box))
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

        /// <summary>Whether <paramref name="next"/> continues the line whose last box is <paramref name="last"/>, measured in that box's direction.</summary>
        private static bool Follows(TextBox last, TextBox next)
        {
            if (Math.Abs(last.Angle - next.Angle) > AngleTolerance)
            {
                return false;
            }

            var (cos, sin) = ((float)Math.Cos(last.Angle), (float)Math.Sin(last.Angle));
            float dx = next.CenterX - last.CenterX, dy = next.CenterY - last.CenterY;
            var along = dx * cos + dy * sin;
            var across = -dx * sin + dy * cos;
            var smaller = Math.Min(last.Height, next.Height);
            var larger = Math.Max(last.Height, next.Height);
            var gap = along - (last.Width + next.Width) / 2;
            return along > 0
                && Math.Abs(across) <= CenterTolerance * smaller
                && larger <= HeightRatio * smaller
                && gap <= GapInHeights * larger;
        }

        /// <summary>
        /// Whether a line can hold a card number or an expiry date: tall enough to read and wide enough for "MM/YY"
        /// (<see cref="RecognizerTuning.MinimumLineAspect"/>). Skipping the rest (logos, bank names, chip contacts)
        /// saves most of the recognizer's time.
        /// </summary>
        public static bool CanHoldDigits(TextBox line, float minimumHeight, float minimumAspect) =>
            line.Height >= minimumHeight && line.Width >= minimumAspect * line.Height;

        /// <summary>The smallest box along the members' mean direction that holds every member's corners.</summary>
        private static TextBox Union(List<TextBox> line)
        {
            if (line.Count == 1)
            {
                return line[0];
            }

            float weight = 0, score = 0, angle = 0;
            foreach (var b in line)
            {
                weight += b.Width;
                score += b.Score * b.Width;
                angle += b.Angle * b.Width;
            }

            angle /= weight;
            var (cos, sin) = ((float)Math.Cos(angle), (float)Math.Sin(angle));
            float minU = float.MaxValue, maxU = float.MinValue, minV = float.MaxValue, maxV = float.MinValue;
            foreach (var b in line)
            {
                var (bc, bs) = ((float)Math.Cos(b.Angle), (float)Math.Sin(b.Angle));
                foreach (var (du, dv) in new[] { (-1, -1), (1, -1), (1, 1), (-1, 1) })
                {
                    var x = b.CenterX + du * b.Width / 2 * bc - dv * b.Height / 2 * bs;
                    var y = b.CenterY + du * b.Width / 2 * bs + dv * b.Height / 2 * bc;
                    var u = x * cos + y * sin;
                    var v = -x * sin + y * cos;
                    minU = Math.Min(minU, u);
                    maxU = Math.Max(maxU, u);
                    minV = Math.Min(minV, v);
                    maxV = Math.Max(maxV, v);
                }
            }

            float cu = (minU + maxU) / 2, cv = (minV + maxV) / 2;
            return TextBox.Around(cu * cos - cv * sin, cu * sin + cv * cos, maxU - minU, maxV - minV, score / weight, angle);
        }
    }
}
