namespace BankcardOcr.Imaging
{
    /// <summary>
    /// An image format as recognised from the file's content (its magic bytes), never from its name.
    /// Formats no provider accepts are still named, so the user is told "this is a PDF" rather than
    /// "this is not an image".
    /// </summary>
    public enum ImageFormat
    {
        /// <summary>The bytes start with no signature this module knows.</summary>
        Unknown = 0,
        /// <summary>JPEG / JFIF / EXIF (starts FF D8 FF).</summary>
        Jpeg,
        /// <summary>PNG (the 8-byte signature 89 'PNG' 0D 0A 1A 0A).</summary>
        Png,
        /// <summary>Windows or OS/2 bitmap ('BM' with a known DIB header size).</summary>
        Bmp,
        /// <summary>TIFF in either byte order ('II*\0' or 'MM\0*').</summary>
        Tiff,
        /// <summary>GIF87a or GIF89a.</summary>
        Gif,
        /// <summary>WebP (a RIFF container of form type 'WEBP').</summary>
        Webp,
        /// <summary>HEIC/HEIF, as iPhones save photos (ISO BMFF 'ftyp' box with a HEIF brand).</summary>
        Heic,
        /// <summary>AVIF (ISO BMFF 'ftyp' box with the 'avif' or 'avis' brand).</summary>
        Avif,
        /// <summary>A PDF document ('%PDF-'), not an image at all.</summary>
        Pdf,
    }
}
