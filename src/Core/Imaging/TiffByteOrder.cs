namespace BankcardOcr.Imaging
{
    /// <summary>
    /// Reads TIFF-structured integers (TIFF 6.0, section 2: "II" little-endian or "MM" big-endian), for the TIFF
    /// header reader and the EXIF block of a JPEG alike, which both lay out IFDs this way.
    /// </summary>
    internal static class TiffByteOrder
    {
        /// <summary>The unsigned 16-bit value at <paramref name="at"/>.</summary>
        internal static int UInt16(byte[] b, int at, bool bigEndian) =>
            bigEndian ? (b[at] << 8) | b[at + 1] : b[at] | (b[at + 1] << 8);

        /// <summary>The unsigned 32-bit value at <paramref name="at"/>.</summary>
        internal static long UInt32(byte[] b, int at, bool bigEndian) =>
            bigEndian
                ? ((long)b[at] << 24) | ((long)b[at + 1] << 16) | ((long)b[at + 2] << 8) | b[at + 3]
                : b[at] | ((long)b[at + 1] << 8) | ((long)b[at + 2] << 16) | ((long)b[at + 3] << 24);
    }
}
