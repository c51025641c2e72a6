using System;

namespace BankcardOcr.Providers.Local
{
    /// <summary>
    /// A text box in image pixels: a rectangle turned by <see cref="Angle"/> about its centre (a photo seldom shows a
    /// card level). <see cref="Left"/> … <see cref="Bottom"/> are the rectangle before the turn, so
    /// <see cref="Width"/> runs along the text and <see cref="Height"/> across it.
    /// </summary>
    internal readonly struct TextBox
    {
        public TextBox(float left, float top, float right, float bottom, float score, float angle = 0)
        {
            Left = left;
            Top = top;
            Right = right;
            Bottom = bottom;
            Score = score;
            Angle = angle;
        }

        public float Left { get; }

        public float Top { get; }

        public float Right { get; }

        public float Bottom { get; }

        public float Score { get; }

        /// <summary>The turn in radians, clockwise on screen (y points down); 0 for level text.</summary>
        public float Angle { get; }

        public float Width => Right - Left;

        public float Height => Bottom - Top;

        public float CenterX => (Left + Right) / 2;

        public float CenterY => (Top + Bottom) / 2;

        /// <summary>A box from its centre, size along and across the text, and turn.</summary>
        public static TextBox Around(float centerX, float centerY, float width, float height, float score, float angle) =>
            new TextBox(centerX - width / 2, centerY - height / 2, centerX + width / 2, centerY + height / 2, score, angle);

        /// <summary>Maps the box from detector-map pixels to image pixels.</summary>
        public TextBox Scaled(float scaleX, float scaleY)
        {
            var (cos, sin) = ((float)Math.Cos(Angle), (float)Math.Sin(Angle));
            var along = (float)Math.Sqrt(cos * scaleX * cos * scaleX + sin * scaleY * sin * scaleY);
            var across = (float)Math.Sqrt(sin * scaleX * sin * scaleX + cos * scaleY * cos * scaleY);
            return Around(CenterX * scaleX, CenterY * scaleY, Width * along, Height * across, Score, (float)Math.Atan2(sin * scaleY, cos * scaleX));
        }

        public override string ToString() => $"[{Left:0},{Top:0} {Width:0}x{Height:0} {Angle * 180 / Math.PI:0.0}° {Score:0.00}]";
    }
}
