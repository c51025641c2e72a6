namespace BankcardOcr.Providers.Local
{
    /// <summary>An axis-aligned text box in image pixels, with the detector's mean probability inside it.</summary>
    internal readonly struct TextBox
    {
        public TextBox(float left, float top, float right, float bottom, float score)
        {
            Left = left;
            Top = top;
            Right = right;
            Bottom = bottom;
            Score = score;
        }

        public float Left { get; }

        public float Top { get; }

        public float Right { get; }

        public float Bottom { get; }

        public float Score { get; }

        public float Width => Right - Left;

        public float Height => Bottom - Top;

        public float CenterY => (Top + Bottom) / 2;

        public TextBox Scaled(float factor) => new TextBox(Left * factor, Top * factor, Right * factor, Bottom * factor, Score);

        public override string ToString() => $"[{Left:0},{Top:0} {Width:0}x{Height:0} {Score:0.00}]";
    }
}
