namespace BankcardOcr.Imaging
{
    /// <summary>What <see cref="ImageFitter"/> made: a JPEG and how it was made, for the Verbose message.</summary>
    internal sealed class FittedImage
    {
        public FittedImage(byte[] jpeg, int width, int height, int quality, int orientation)
        {
            Jpeg = jpeg;
            Width = width;
            Height = height;
            Quality = quality;
            Orientation = orientation;
        }

        public byte[] Jpeg { get; }

        /// <summary>Width as sent, after any Exif turn.</summary>
        public int Width { get; }

        /// <summary>Height as sent, after any Exif turn.</summary>
        public int Height { get; }

        public int Quality { get; }

        /// <summary>The Exif orientation applied to the pixels; 1 when none was.</summary>
        public int Orientation { get; }
    }
}
