using System;
using SkiaSharp;

namespace BankcardOcr.CardSynth
{
    /// <summary>The projective transform that takes a rectangle's corners to any four points: how a tilted camera sees a card.</summary>
    internal static class Homography
    {
        /// <summary>Maps (0,0), (w,0), (w,h), (0,h) onto <paramref name="quad"/> (clockwise from top-left).</summary>
        public static SKMatrix FromRect(float width, float height, SKPoint[] quad)
        {
            // Eight equations in the eight unknowns of H (h22 = 1): for each corner (x,y) -> (u,v),
            // u = (h00 x + h01 y + h02) / (h20 x + h21 y + 1), and likewise v.
            var src = new[] { new SKPoint(0, 0), new SKPoint(width, 0), new SKPoint(width, height), new SKPoint(0, height) };
            var a = new double[8, 9];
            for (var i = 0; i < 4; i++)
            {
                double x = src[i].X, y = src[i].Y, u = quad[i].X, v = quad[i].Y;
                var r = 2 * i;
                a[r, 0] = x; a[r, 1] = y; a[r, 2] = 1; a[r, 6] = -u * x; a[r, 7] = -u * y; a[r, 8] = u;
                a[r + 1, 3] = x; a[r + 1, 4] = y; a[r + 1, 5] = 1; a[r + 1, 6] = -v * x; a[r + 1, 7] = -v * y; a[r + 1, 8] = v;
            }

            var h = Solve(a);
            return new SKMatrix((float)h[0], (float)h[1], (float)h[2], (float)h[3], (float)h[4], (float)h[5], (float)h[6], (float)h[7], 1f);
        }

        private static double[] Solve(double[,] a)
        {
            const int n = 8;
            for (var col = 0; col < n; col++)
            {
                var pivot = col;
                for (var row = col + 1; row < n; row++)
                {
                    if (Math.Abs(a[row, col]) > Math.Abs(a[pivot, col]))
                    {
                        pivot = row;
                    }
                }

                for (var k = 0; k <= n; k++)
                {
                    (a[col, k], a[pivot, k]) = (a[pivot, k], a[col, k]);
                }

                for (var row = 0; row < n; row++)
                {
                    if (row == col)
                    {
                        continue;
                    }

                    var f = a[row, col] / a[col, col];
                    for (var k = col; k <= n; k++)
                    {
                        a[row, k] -= f * a[col, k];
                    }
                }
            }

            var x = new double[n];
            for (var i = 0; i < n; i++)
            {
                x[i] = a[i, n] / a[i, i];
            }

            return x;
        }
    }
}
