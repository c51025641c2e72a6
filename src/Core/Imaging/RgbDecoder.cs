using System;
using System.IO;
using StbImageSharp;

namespace BankcardOcr.Imaging
{
    /// <summary>Decodes JPEG, PNG, BMP and GIF (the first frame) to <see cref="RgbImage"/> with StbImageSharp.</summary>
    internal static class RgbDecoder
    {
        /// <summary>
        /// The pixels, or null when the data cannot be decoded: damaged, cut off before its end marker
        /// (<see cref="ImageIntegrity"/>), or declaring more than <see cref="ImagePreflight.MaxPixels"/> pixels,
        /// so that no header can make this allocate more than that many pixels' worth (192 MB of RGB).
        /// </summary>
        public static RgbImage? Decode(byte[] data)
        {
            if (!ImageIntegrity.IsComplete(data, ImageSniffer.Sniff(data).Format))
            {
                return null;
            }

            try
            {
                using (var header = new MemoryStream(data, writable: false))
                {
                    var info = StbImageSharp.ImageInfo.FromStream(header);
                    // stb_image's own reading of the header decides what it allocates, so the cap is checked on it.
                    if (info == null || info.Value.Width <= 0 || info.Value.Height <= 0
                        || (long)info.Value.Width * info.Value.Height > ImagePreflight.MaxPixels)
                    {
                        return null;
                    }

                    var alpha = info.Value.ColorComponents == ColorComponents.GreyAlpha || info.Value.ColorComponents == ColorComponents.RedGreenBlueAlpha;
                    var result = ImageResult.FromMemory(data, alpha ? ColorComponents.RedGreenBlueAlpha : ColorComponents.RedGreenBlue);
                    var pixels = alpha ? OverWhite(result.Data) : result.Data;
                    return new RgbImage(pixels, result.Width, result.Height);
                }
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                // stb_image reports a damaged or unsupported file with an exception of its own choosing.
                return null;
            }
        }

        /// <summary>
        /// Flattens RGBA onto white. Dropping the alpha instead would leave whatever colour the transparent
        /// pixels happen to store, often black, around a card cut out with rounded corners.
        /// </summary>
        private static byte[] OverWhite(byte[] rgba)
        {
            var rgb = new byte[rgba.Length / 4 * 3];
            for (int from = 0, to = 0; from < rgba.Length; from += 4, to += 3)
            {
                var a = rgba[from + 3];
                for (var c = 0; c < 3; c++)
                {
                    rgb[to + c] = (byte)((rgba[from + c] * a + 255 * (255 - a) + 127) / 255);
                }
            }

            return rgb;
        }
    }
}
