using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;

namespace BankcardOcr.Imaging
{
    /// <summary>
    /// Tells an image's format from its magic bytes and its pixel size from its header, without decoding it.
    /// The file name is never consulted: a PNG saved as <c>card.jpg</c> is a PNG. Damaged or foreign input
    /// gives <see cref="ImageFormat.Unknown"/> or null dimensions, never an exception.
    /// </summary>
    public static class ImageSniffer
    {
        // The longest fixed prefix any check below needs (a WebP VP8X header ends at byte 30).
        private const int PrefixLength = 32;

        /// <summary>Describes an image held in memory.</summary>
        /// <param name="data">The whole file.</param>
        /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
        public static ImageInfo Sniff(byte[] data)
        {
            if (data == null)
            {
                throw new ArgumentNullException(nameof(data));
            }

            return Sniff(HeaderSource.Over(data));
        }

        /// <summary>
        /// Describes the image that starts at the stream's current position, reading only its header.
        /// A seekable stream is returned to where it was; a stream that cannot seek is left part-read.
        /// </summary>
        /// <param name="stream">A readable stream.</param>
        /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
        /// <exception cref="IOException">Reading the stream failed; damaged content alone never throws.</exception>
        public static ImageInfo Sniff(Stream stream)
        {
            if (stream == null)
            {
                throw new ArgumentNullException(nameof(stream));
            }

            var start = stream.CanSeek ? stream.Position : 0;
            try
            {
                return Sniff(HeaderSource.Over(stream));
            }
            finally
            {
                if (stream.CanSeek)
                {
                    stream.Position = start;
                }
            }
        }

        private static ImageInfo Sniff(HeaderSource source)
        {
            var prefix = ReadPrefix(source);
            var format = Detect(prefix);
            (int Width, int Height)? size = null;
            switch (format)
            {
                case ImageFormat.Jpeg: size = JpegHeaderReader.Read(source); break;
                case ImageFormat.Tiff: size = TiffHeaderReader.Read(source); break;
                case ImageFormat.Png: size = Png(prefix); break;
                case ImageFormat.Gif: size = Gif(prefix); break;
                case ImageFormat.Bmp: size = Bmp(prefix); break;
                case ImageFormat.Webp: size = Webp(prefix); break;
            }

            return new ImageInfo(format, size?.Width, size?.Height, source.Length);
        }

        private static byte[] ReadPrefix(HeaderSource source)
        {
            // A source of unknown length (a stream that cannot seek) already holds more than the prefix.
            var length = source.Length is long known ? (int)Math.Min(known, PrefixLength) : PrefixLength;
            return source.Read(0, length) ?? new byte[0];
        }

        private static ImageFormat Detect(byte[] p)
        {
            if (StartsWith(p, 0, 0xFF, 0xD8, 0xFF))
            {
                return ImageFormat.Jpeg;
            }

            if (StartsWith(p, 0, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A))
            {
                return ImageFormat.Png;
            }

            if (Ascii(p, 0, "GIF87a") || Ascii(p, 0, "GIF89a"))
            {
                return ImageFormat.Gif;
            }

            // TIFF 6.0 section 2: byte order mark, then 42 in that order. (BigTIFF's 43 is left Unknown.)
            if (StartsWith(p, 0, 0x49, 0x49, 0x2A, 0x00) || StartsWith(p, 0, 0x4D, 0x4D, 0x00, 0x2A))
            {
                return ImageFormat.Tiff;
            }

            if (Ascii(p, 0, "RIFF") && Ascii(p, 8, "WEBP"))
            {
                return ImageFormat.Webp;
            }

            // 'BM' alone is two printable letters; a known DIB header size after the 14-byte file header makes it a bitmap.
            if (Ascii(p, 0, "BM") && p.Length >= 18 && IsDibHeaderSize(BinaryPrimitives.ReadUInt32LittleEndian(p.AsSpan(14))))
            {
                return ImageFormat.Bmp;
            }

            if (Ascii(p, 0, "%PDF-"))
            {
                return ImageFormat.Pdf;
            }

            return Ascii(p, 4, "ftyp") ? IsoMediaBrand(p) : ImageFormat.Unknown;
        }

        /// <summary>
        /// ISO/IEC 14496-12 'ftyp' box: size(4) 'ftyp' major_brand(4) minor_version(4) compatible_brands[].
        /// HEIF brands are from ISO/IEC 23008-12 Annex B; 'avif'/'avis' from the AV1 Image File Format spec.
        /// </summary>
        private static ImageFormat IsoMediaBrand(byte[] p)
        {
            var boxSize = p.Length >= 4 ? (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(p), (uint)p.Length) : 0;
            var sawHeif = false;
            for (var at = 8; at + 4 <= boxSize; at += at == 8 ? 8 : 4)
            {
                var brand = Encoding.ASCII.GetString(p, at, 4);
                if (brand == "avif" || brand == "avis")
                {
                    return ImageFormat.Avif;
                }

                sawHeif |= brand == "heic" || brand == "heix" || brand == "hevc" || brand == "hevx"
                    || brand == "heim" || brand == "heis" || brand == "mif1" || brand == "msf1";
            }

            return sawHeif ? ImageFormat.Heic : ImageFormat.Unknown;
        }

        /// <summary>PNG spec 11.2.2: IHDR is the first chunk; width and height are 4-byte big-endian, at most 2^31-1.</summary>
        private static (int, int)? Png(byte[] p)
        {
            if (p.Length < 24 || !Ascii(p, 12, "IHDR"))
            {
                return null;
            }

            return Positive(BinaryPrimitives.ReadUInt32BigEndian(p.AsSpan(16)), BinaryPrimitives.ReadUInt32BigEndian(p.AsSpan(20)));
        }

        /// <summary>GIF89a spec section 18: logical screen width and height, little-endian, after the 6-byte signature.</summary>
        private static (int, int)? Gif(byte[] p) =>
            p.Length < 10 ? null
                : Positive(BinaryPrimitives.ReadUInt16LittleEndian(p.AsSpan(6)), BinaryPrimitives.ReadUInt16LittleEndian(p.AsSpan(8)));

        /// <summary>
        /// BITMAPCOREHEADER (12 bytes) holds unsigned 16-bit sizes; BITMAPINFOHEADER and its successors signed
        /// 32-bit ones, where a negative height marks a top-down bitmap (Win32 BITMAPINFOHEADER docs).
        /// </summary>
        private static (int, int)? Bmp(byte[] p)
        {
            var headerSize = BinaryPrimitives.ReadUInt32LittleEndian(p.AsSpan(14));
            if (headerSize == 12)
            {
                return p.Length < 22 ? null
                    : Positive(BinaryPrimitives.ReadUInt16LittleEndian(p.AsSpan(18)), BinaryPrimitives.ReadUInt16LittleEndian(p.AsSpan(20)));
            }

            if (p.Length < 26)
            {
                return null;
            }

            long width = BinaryPrimitives.ReadInt32LittleEndian(p.AsSpan(18));
            long height = BinaryPrimitives.ReadInt32LittleEndian(p.AsSpan(22));
            return Positive(width, Math.Abs(height));
        }

        /// <summary>
        /// RFC 9649 (WebP): the first chunk after 'WEBP' at byte 12 decides the layout. VP8: key-frame start code
        /// 9D 01 2A then 14-bit sizes (RFC 6386 section 9.1); VP8L: signature 2F then 14-bit sizes minus one;
        /// VP8X: 24-bit canvas sizes minus one.
        /// </summary>
        private static (int, int)? Webp(byte[] p)
        {
            if (Ascii(p, 12, "VP8 "))
            {
                return p.Length >= 30 && StartsWith(p, 23, 0x9D, 0x01, 0x2A)
                    ? Positive(BinaryPrimitives.ReadUInt16LittleEndian(p.AsSpan(26)) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(p.AsSpan(28)) & 0x3FFF)
                    : null;
            }

            if (Ascii(p, 12, "VP8L"))
            {
                if (p.Length < 25 || p[20] != 0x2F)
                {
                    return null;
                }

                var bits = BinaryPrimitives.ReadUInt32LittleEndian(p.AsSpan(21));
                return Positive((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
            }

            if (Ascii(p, 12, "VP8X") && p.Length >= 30)
            {
                return Positive(UInt24(p, 24) + 1, UInt24(p, 27) + 1);
            }

            return null;
        }

        private static long UInt24(byte[] p, int at) => p[at] | (p[at + 1] << 8) | (p[at + 2] << 16);

        private static (int, int)? Positive(long width, long height) =>
            width > 0 && height > 0 && width <= int.MaxValue && height <= int.MaxValue ? ((int)width, (int)height) : ((int, int)?)null;

        /// <summary>Win32/OS2 DIB headers: CORE 12, OS/2 2.x 16 or 64, INFO 40, V2 52, V3 56, V4 108, V5 124.</summary>
        private static bool IsDibHeaderSize(uint size) =>
            size == 12 || size == 16 || size == 40 || size == 52 || size == 56 || size == 64 || size == 108 || size == 124;

        private static bool StartsWith(byte[] p, int at, params byte[] magic)
        {
            if (p.Length < at + magic.Length)
            {
                return false;
            }

            for (var i = 0; i < magic.Length; i++)
            {
                if (p[at + i] != magic[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static bool Ascii(byte[] p, int at, string text)
        {
            if (p.Length < at + text.Length)
            {
                return false;
            }

            for (var i = 0; i < text.Length; i++)
            {
                if (p[at + i] != text[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
