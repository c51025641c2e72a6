using System;
using System.Collections.Generic;
using System.Linq;

namespace BankcardOcr.CardSynth
{
    /// <summary>
    /// A text line's frame from the four corners of its quad, in any order: centre, length along the text, height
    /// across it and turn (radians, clockwise on screen). A perspective quad becomes the rectangle that averages its
    /// opposite sides, which is what a detector's turned box gives for it too.
    /// </summary>
    public readonly record struct LineFrame(float CenterX, float CenterY, float Width, float Height, float Angle)
    {
        /// <summary>The frame of <paramref name="corners"/> (four points); the text is taken to run left to right.</summary>
        public static LineFrame FromQuad(IReadOnlyList<CardPoint> corners)
        {
            if (corners.Count != 4)
            {
                throw new ArgumentException("A quad has four corners.", nameof(corners));
            }

            var (tl, tr, br, bl) = Order(corners);
            var angle = Math.Atan2((tr.Y - tl.Y) + (br.Y - bl.Y), (tr.X - tl.X) + (br.X - bl.X));
            double cos = Math.Cos(angle), sin = Math.Sin(angle);
            double Along(CardPoint a, CardPoint b) => ((b.X - a.X) * cos) + ((b.Y - a.Y) * sin);
            double Across(CardPoint a, CardPoint b) => (-(b.X - a.X) * sin) + ((b.Y - a.Y) * cos);
            var width = (Along(tl, tr) + Along(bl, br)) / 2;
            var height = (Across(tl, bl) + Across(tr, br)) / 2;
            return new LineFrame(corners.Average(p => p.X), corners.Average(p => p.Y), (float)width, (float)height, (float)angle);
        }

        /// <summary>
        /// Top-left, top-right, bottom-right, bottom-left: the two corners furthest back along the quad's long axis
        /// are the left ones, and of each pair the one higher across the axis is the top.
        /// </summary>
        private static (CardPoint, CardPoint, CardPoint, CardPoint) Order(IReadOnlyList<CardPoint> corners)
        {
            var cx = corners.Average(p => p.X);
            var cy = corners.Average(p => p.Y);

            // The long axis from the corners' second moments: a text line's quad is much longer than tall.
            double xx = 0, yy = 0, xy = 0;
            foreach (var p in corners)
            {
                xx += (p.X - cx) * (p.X - cx);
                yy += (p.Y - cy) * (p.Y - cy);
                xy += (p.X - cx) * (p.Y - cy);
            }

            var axis = 0.5 * Math.Atan2(2 * xy, xx - yy);
            double ax = Math.Cos(axis), ay = Math.Sin(axis);
            if (ax < 0)
            {
                ax = -ax;
                ay = -ay;
            }

            var sorted = corners.OrderBy(p => ((p.X - cx) * ax) + ((p.Y - cy) * ay)).ToArray();
            double Across(CardPoint p) => (-(p.X - cx) * ay) + ((p.Y - cy) * ax);
            var left = sorted.Take(2).OrderBy(Across).ToArray();
            var right = sorted.Skip(2).OrderBy(Across).ToArray();
            return (left[0], right[0], right[1], left[1]);
        }
    }
}
