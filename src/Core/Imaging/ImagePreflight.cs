using System;
using System.Globalization;
using System.Linq;

namespace BankcardOcr.Imaging
{
    /// <summary>
    /// Refuses, before anything is sent, an image the chosen provider is documented to refuse, so the user
    /// gets a precise reason instead of the vendor's generic error after an upload. Messages name formats,
    /// sizes and limits, never image content.
    /// </summary>
    public static class ImagePreflight
    {
        /// <summary>Checks one image against a provider's limits and describes it.</summary>
        /// <param name="data">The whole file.</param>
        /// <param name="limits">The provider's limits, e.g. <see cref="ImageLimits.Huawei"/>.</param>
        /// <param name="provider">The provider's name for messages and <see cref="BankcardOcrException.Provider"/>; null uses <see cref="ImageLimits.Name"/>.</param>
        /// <returns>The format and size found, for the request builder (its MIME type) and for diagnostics.</returns>
        /// <exception cref="BankcardOcrException">
        /// <see cref="BankcardOcrErrorKind.UnsupportedImageFormat"/>, <see cref="BankcardOcrErrorKind.ImageTooLarge"/>
        /// or <see cref="BankcardOcrErrorKind.ImageTooSmall"/>.
        /// </exception>
        public static ImageInfo Check(byte[] data, ImageLimits limits, string? provider)
        {
            if (data == null)
            {
                throw new ArgumentNullException(nameof(data));
            }

            if (limits == null)
            {
                throw new ArgumentNullException(nameof(limits));
            }

            var who = provider ?? limits.Name;
            var info = ImageSniffer.Sniff(data);
            CheckFormat(info.Format, limits, who);
            CheckBytes(data.Length, limits, who);
            CheckSides(info, limits, who);
            return info;
        }

        /// <summary>
        /// Refuses a file whose length alone breaks the raw limit, so it need not be read. Passing says nothing
        /// about the content; <see cref="Check"/> still runs on the bytes.
        /// </summary>
        /// <param name="length">The file's length in bytes.</param>
        /// <param name="limits">The provider's limits.</param>
        /// <param name="provider">The provider's name for messages; null uses <see cref="ImageLimits.Name"/>.</param>
        /// <exception cref="BankcardOcrException"><see cref="BankcardOcrErrorKind.ImageTooLarge"/>.</exception>
        public static void CheckFileLength(long length, ImageLimits limits, string? provider)
        {
            if (limits == null)
            {
                throw new ArgumentNullException(nameof(limits));
            }

            CheckBytes(length, limits, provider ?? limits.Name);
        }

        /// <summary>The length of the Base64 text for <paramref name="byteCount"/> bytes: 4 characters per started 3 bytes (RFC 4648 §4, with padding).</summary>
        /// <param name="byteCount">The raw length.</param>
        public static long Base64Length(long byteCount) => (byteCount + 2) / 3 * 4;

        private static void CheckFormat(ImageFormat format, ImageLimits limits, string provider)
        {
            if (limits.Accepts(format))
            {
                return;
            }

            var accepted = string.Join(", ", limits.AcceptedFormats.Select(f => f.ToString().ToUpperInvariant()));
            var message = format == ImageFormat.Unknown
                ? $"The bytes are not a recognised image. {provider} accepts {accepted}."
                : $"The image is {format.ToString().ToUpperInvariant()}; {provider} accepts {accepted}.";
            throw new BankcardOcrException(BankcardOcrErrorKind.UnsupportedImageFormat, message, provider);
        }

        private static void CheckBytes(long length, ImageLimits limits, string provider)
        {
            // The vendor states a Base64 limit where it has one, so that is the limit named to the user.
            var encoded = Base64Length(length);
            if (limits.MaxEncodedBytes is long maxEncoded && encoded > maxEncoded)
            {
                throw TooLarge(
                    $"The image is {Size(length)}, {Size(encoded)} as Base64; {provider} accepts at most {Size(maxEncoded)} of Base64.",
                    provider);
            }

            if (length > limits.MaxImageBytes)
            {
                throw TooLarge($"The image is {Size(length)}; {provider} accepts at most {Size(limits.MaxImageBytes)}.", provider);
            }
        }

        private static void CheckSides(ImageInfo info, ImageLimits limits, string provider)
        {
            // A header too damaged to give a size is left to the provider's decoder rather than refused here.
            if (!(info.Width is int width) || !(info.Height is int height))
            {
                return;
            }

            // ASCII 'x', not '×': Windows PowerShell 5.1 consoles on legacy code pages cannot show the latter.
            var pixels = string.Format(CultureInfo.InvariantCulture, "{0}x{1} pixels", width, height);
            if (limits.MaxSide is int maxSide && Math.Max(width, height) > maxSide)
            {
                throw TooLarge($"The image is {pixels}; {provider} accepts at most {maxSide} pixels on each side.", provider);
            }

            if (limits.MinSide is int minSide && Math.Min(width, height) < minSide)
            {
                throw new BankcardOcrException(
                    BankcardOcrErrorKind.ImageTooSmall,
                    $"The image is {pixels}; {provider} needs at least {minSide} pixels on each side.",
                    provider);
            }
        }

        private static BankcardOcrException TooLarge(string message, string provider) =>
            new BankcardOcrException(BankcardOcrErrorKind.ImageTooLarge, message, provider);

        /// <summary>"1.4 MB (1,468,006 bytes)": the rounded figure reads easily, the exact one shows a one-byte excess.</summary>
        private static string Size(long bytes)
        {
            var exact = bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes";
            if (bytes < 1024)
            {
                return exact;
            }

            var rounded = bytes >= ImageLimits.Megabyte
                ? ((double)bytes / ImageLimits.Megabyte).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
                : ((double)bytes / 1024).ToString("0.#", CultureInfo.InvariantCulture) + " KB";
            return $"{rounded} ({exact})";
        }
    }
}
