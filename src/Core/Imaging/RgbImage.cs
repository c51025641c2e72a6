using System;

namespace BankcardOcr.Imaging
{
    /// <summary>
    /// Decoded pixels, three bytes (R, G, B) per pixel, rows top to bottom with no padding: the layout
    /// stb_image returns and stb_image_write takes, so no conversion sits between decoder and encoder.
    /// </summary>
    internal sealed class RgbImage
    {
        public RgbImage(byte[] pixels, int width, int height)
        {
            if (width <= 0 || height <= 0 || pixels.Length != (long)width * height * 3)
            {
                throw new ArgumentException("The pixel buffer does not match the size.", nameof(pixels));
            }

            Pixels = pixels;
            Width = width;
            Height = height;
        }

        public byte[] Pixels { get; }

        public int Width { get; }

        public int Height { get; }
    }
}
