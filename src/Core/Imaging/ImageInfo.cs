using System.Globalization;

namespace BankcardOcr.Imaging
{
    /// <summary>
    /// What the header of an image says: its format and pixel size. Nothing is decoded, so a file whose
    /// header is fine may still be corrupt further on; the provider's decoder has the last word.
    /// </summary>
    public sealed class ImageInfo
    {
        /// <summary>Creates the description of one image.</summary>
        /// <param name="format">The format recognised from the content.</param>
        /// <param name="width">Width in pixels, or null when the header does not tell.</param>
        /// <param name="height">Height in pixels, or null when the header does not tell.</param>
        /// <param name="byteLength">Length of the whole file in bytes, or null when unknown.</param>
        public ImageInfo(ImageFormat format, int? width, int? height, long? byteLength)
        {
            Format = format;
            Width = width;
            Height = height;
            ByteLength = byteLength;
        }

        /// <summary>The format recognised from the magic bytes.</summary>
        public ImageFormat Format { get; }

        /// <summary>Width in pixels; null when the header is truncated, unreadable or not an image's.</summary>
        public int? Width { get; }

        /// <summary>Height in pixels; null when the header is truncated, unreadable or not an image's.</summary>
        public int? Height { get; }

        /// <summary>Length in bytes; null for a stream that cannot tell its length.</summary>
        public long? ByteLength { get; }

        /// <summary>The media type to send with the bytes, <c>application/octet-stream</c> when unknown.</summary>
        public string MimeType => MimeTypeOf(Format);

        /// <summary>The media type of a format, <c>application/octet-stream</c> for <see cref="ImageFormat.Unknown"/>.</summary>
        /// <param name="format">Any format.</param>
        public static string MimeTypeOf(ImageFormat format)
        {
            switch (format)
            {
                case ImageFormat.Jpeg: return "image/jpeg";
                case ImageFormat.Png: return "image/png";
                case ImageFormat.Bmp: return "image/bmp";
                case ImageFormat.Tiff: return "image/tiff";
                case ImageFormat.Gif: return "image/gif";
                case ImageFormat.Webp: return "image/webp";
                case ImageFormat.Heic: return "image/heic";
                case ImageFormat.Avif: return "image/avif";
                case ImageFormat.Pdf: return "application/pdf";
                default: return "application/octet-stream";
            }
        }

        /// <summary>For example <c>Png 640x400, 12,345 bytes</c>.</summary>
        public override string ToString()
        {
            var size = Width.HasValue && Height.HasValue
                ? string.Format(CultureInfo.InvariantCulture, " {0}x{1}", Width, Height)
                : string.Empty;
            var length = ByteLength.HasValue
                ? string.Format(CultureInfo.InvariantCulture, ", {0:N0} bytes", ByteLength)
                : string.Empty;
            return Format + size + length;
        }
    }
}
