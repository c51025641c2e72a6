using static BankcardOcr.Imaging.TiffByteOrder;

namespace BankcardOcr.Imaging
{
    /// <summary>
    /// Reads ImageWidth (tag 256) and ImageLength (tag 257) from a TIFF's first IFD (TIFF 6.0, section 2,
    /// "Image File Header" and "Image File Directory"), in either byte order.
    /// </summary>
    internal static class TiffHeaderReader
    {
        private const int ImageWidthTag = 256;
        private const int ImageLengthTag = 257;
        private const int ShortType = 3;
        private const int LongType = 4;
        private const int EntrySize = 12;

        /// <summary>Reads (width, height) of the first image, or null when the IFD is unreachable or lacks either tag.</summary>
        public static (int Width, int Height)? Read(HeaderSource source)
        {
            var header = source.Read(0, 8);
            if (header == null)
            {
                return null;
            }

            // Bytes 0-1: "II" little-endian, "MM" big-endian; the sniffer has already checked the 42.
            var bigEndian = header[0] == (byte)'M';
            var ifdOffset = UInt32(header, 4, bigEndian);
            var countBytes = source.Read(ifdOffset, 2);
            if (countBytes == null)
            {
                return null;
            }

            var entryCount = UInt16(countBytes, 0, bigEndian);
            var entries = source.Read(ifdOffset + 2, entryCount * EntrySize);
            if (entries == null)
            {
                return null;
            }

            long? width = null;
            long? height = null;
            for (var i = 0; i < entryCount; i++)
            {
                var at = i * EntrySize;
                var tag = UInt16(entries, at, bigEndian);
                if (tag != ImageWidthTag && tag != ImageLengthTag)
                {
                    continue;
                }

                // Entry: tag(2) type(2) count(4) value(4). A single SHORT sits left-justified in the value field
                // (TIFF 6.0: "the Value is left-justified"), so its bytes are the first two in either order.
                var type = UInt16(entries, at + 2, bigEndian);
                var count = UInt32(entries, at + 4, bigEndian);
                long? value = count < 1 ? null
                    : type == ShortType ? UInt16(entries, at + 8, bigEndian)
                    : type == LongType ? UInt32(entries, at + 8, bigEndian)
                    : (long?)null;
                if (tag == ImageWidthTag)
                {
                    width = value;
                }
                else
                {
                    height = value;
                }
            }

            if (width is long w && height is long h && w > 0 && h > 0 && w <= int.MaxValue && h <= int.MaxValue)
            {
                return ((int)w, (int)h);
            }

            return null;
        }
    }
}
