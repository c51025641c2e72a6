using System;
using static BankcardOcr.Imaging.TiffByteOrder;

namespace BankcardOcr.Imaging
{
    /// <summary>
    /// The Orientation tag (274) of a JPEG's Exif block, and turning pixels upright by it. A phone stores a
    /// portrait photo as landscape pixels plus this tag; a re-encoded copy carries no Exif, so the turn has to
    /// be made in the pixels or the service would get the card on its side. (Both services read rotated cards,
    /// docs/tencentcloud.md §2.1, but an upright image is what the user saw and what vendors' accuracy assumes.)
    /// </summary>
    internal static class ExifOrientation
    {
        private const int OrientationTag = 0x0112;

        /// <summary>
        /// The orientation 1–8 (Exif 2.32 §4.6.4 A, TIFF 6.0 tag 274), or 1 when the image is not a JPEG, has no
        /// Exif APP1 segment before its frame header, or the tag is missing or out of range.
        /// </summary>
        public static int Read(byte[] jpeg)
        {
            var source = HeaderSource.Over(jpeg);
            long offset = 2; // after SOI
            while (true)
            {
                var marker = source.Read(offset, 4);
                // Fill bytes and standalone markers do not occur before APP1 in files cameras write; anything
                // unexpected simply ends the search with "upright".
                if (marker == null || marker[0] != 0xFF || marker[1] < 0xE0 || marker[1] > 0xEF)
                {
                    return 1;
                }

                var length = (marker[2] << 8) | marker[3];
                if (marker[1] == 0xE1)
                {
                    var exif = source.Read(offset + 4, 6);
                    if (exif != null && exif[0] == 'E' && exif[1] == 'x' && exif[2] == 'i' && exif[3] == 'f' && exif[4] == 0 && exif[5] == 0)
                    {
                        return FromTiff(source, offset + 10);
                    }
                }

                offset += 2 + length;
            }
        }

        /// <summary>
        /// Returns the pixels as they are meant to be seen. Width and height swap for 5–8. For a displayed pixel
        /// (x, y) the stored pixel is found by undoing the tag's meaning, e.g. 6 ("row 0 is the visual right side,
        /// column 0 the visual top": turn 90° clockwise to view) takes stored (y, H−1−x).
        /// </summary>
        public static RgbImage Apply(RgbImage image, int orientation)
        {
            if (orientation < 2 || orientation > 8)
            {
                return image;
            }

            int w = image.Width, h = image.Height;
            var swaps = orientation >= 5;
            var outWidth = swaps ? h : w;
            var outHeight = swaps ? w : h;
            var source = image.Pixels;
            var output = new byte[source.Length];
            var at = 0;
            for (var y = 0; y < outHeight; y++)
            {
                for (var x = 0; x < outWidth; x++, at += 3)
                {
                    int sx, sy;
                    switch (orientation)
                    {
                        case 2: sx = w - 1 - x; sy = y; break;             // mirrored left-right
                        case 3: sx = w - 1 - x; sy = h - 1 - y; break;     // upside down
                        case 4: sx = x; sy = h - 1 - y; break;             // mirrored top-bottom
                        case 5: sx = y; sy = x; break;                     // transposed
                        case 6: sx = y; sy = h - 1 - x; break;             // turn 90° clockwise to view
                        case 7: sx = w - 1 - y; sy = h - 1 - x; break;     // transversed
                        default: sx = w - 1 - y; sy = x; break;            // 8: turn 90° anticlockwise to view
                    }

                    var from = (sy * w + sx) * 3;
                    output[at] = source[from];
                    output[at + 1] = source[from + 1];
                    output[at + 2] = source[from + 2];
                }
            }

            return new RgbImage(output, outWidth, outHeight);
        }

        /// <summary>The image turned clockwise by <paramref name="degrees"/> (a multiple of 90; 0 returns it as is).</summary>
        public static RgbImage TurnClockwise(RgbImage image, int degrees)
        {
            // The tag values whose correction is that turn: 6 is viewed turned 90° clockwise, 3 half round, 8 anticlockwise.
            switch (((degrees % 360) + 360) % 360)
            {
                case 0: return image;
                case 90: return Apply(image, 6);
                case 180: return Apply(image, 3);
                case 270: return Apply(image, 8);
                default: throw new ArgumentOutOfRangeException(nameof(degrees), degrees, "Only quarter turns are supported.");
            }
        }

        /// <summary>Reads tag 274 from IFD0 of the TIFF structure that starts at <paramref name="tiff"/> (TIFF 6.0 §2).</summary>
        private static int FromTiff(HeaderSource source, long tiff)
        {
            var header = source.Read(tiff, 8);
            if (header == null || !(header[0] == header[1] && (header[0] == 'I' || header[0] == 'M')))
            {
                return 1;
            }

            var bigEndian = header[0] == 'M';
            var ifd = tiff + UInt32(header, 4, bigEndian);
            var count = source.Read(ifd, 2);
            if (count == null)
            {
                return 1;
            }

            var entries = UInt16(count, 0, bigEndian);
            for (var i = 0; i < entries; i++)
            {
                // Entry: tag(2) type(2) count(4) value(4); a SHORT sits in the first two value bytes.
                var entry = source.Read(ifd + 2 + i * 12, 12);
                if (entry == null)
                {
                    return 1;
                }

                if (UInt16(entry, 0, bigEndian) == OrientationTag)
                {
                    var value = UInt16(entry, 2, bigEndian) == 3 ? UInt16(entry, 8, bigEndian) : 1;
                    return value >= 1 && value <= 8 ? value : 1;
                }
            }

            return 1;
        }
    }
}
