using System;
using System.Buffers.Binary;

namespace BankcardOcr.Imaging
{
    /// <summary>
    /// Tells whether an image's data runs to its end marker. stb_image fills the missing rows of a cut-off
    /// JPEG (and of an uncompressed BMP) with grey instead of failing, which would let a half image be shrunk
    /// and sent, or read by the offline recognizer; so the decoder asks here first.
    /// </summary>
    internal static class ImageIntegrity
    {
        /// <summary>False when the data visibly stops before its end: no JPEG EOI, no PNG IEND, short BMP pixel data.</summary>
        /// <param name="data">The whole file.</param>
        /// <param name="format">What the sniffer found.</param>
        public static bool IsComplete(byte[] data, ImageFormat format) => format switch
        {
            ImageFormat.Jpeg => JpegEnds(data),
            ImageFormat.Png => PngEnds(data),
            ImageFormat.Bmp => BmpHasPixels(data),
            _ => true,
        };

        /// <summary>
        /// T.81 B.2.1: compressed data ends with EOI (FF D9). Cameras may append bytes after it (maker trailers),
        /// so EOI is looked for anywhere after the first scan header rather than only at the very end.
        /// </summary>
        private static bool JpegEnds(byte[] data)
        {
            var scan = Find(data, 0xFF, 0xDA, 2);
            return scan >= 0 && Find(data, 0xFF, 0xD9, scan + 2) >= 0;
        }

        /// <summary>PNG spec 5.6: IEND is the last chunk; its type follows its zero length field.</summary>
        private static bool PngEnds(byte[] data)
        {
            for (var at = data.Length - 8; at >= 8; at--)
            {
                if (data[at] == (byte)'I' && data[at + 1] == (byte)'E' && data[at + 2] == (byte)'N' && data[at + 3] == (byte)'D')
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// For an uncompressed BITMAPINFOHEADER-or-later bitmap: the pixel array (rows padded to 4 bytes) starts at
        /// bfOffBits and must fit in the file. Compressed and core-header bitmaps are left to the decoder.
        /// </summary>
        private static bool BmpHasPixels(byte[] data)
        {
            if (data.Length < 34 || BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(14)) < 40)
            {
                return true;
            }

            long offset = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(10));
            long width = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(18));
            long height = Math.Abs((long)BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(22)));
            int bitsPerPixel = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(28));
            var compression = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(30));
            if (compression != 0 || width <= 0 || bitsPerPixel == 0)
            {
                return true;
            }

            var stride = ((width * bitsPerPixel) + 31) / 32 * 4;
            return offset + (stride * height) <= data.Length;
        }

        private static int Find(byte[] data, byte first, byte second, int from)
        {
            for (var at = from; at + 1 < data.Length; at++)
            {
                if (data[at] == first && data[at + 1] == second)
                {
                    return at;
                }
            }

            return -1;
        }
    }
}
