using System;
using System.Threading;
using System.Threading.Tasks;
using System.Globalization;
using System.Linq;
using BankcardOcr.Calls;

namespace BankcardOcr.Imaging
{
    /// <summary>
    /// Refuses, before anything is sent, an image the chosen provider is documented to refuse, so the user
    /// gets a precise reason instead of the vendor's generic error after an upload. Messages name formats,
    /// sizes and limits, never image content.
    /// </summary>
    public static class ImagePreflight
    {
        /// <summary>
        /// Images declaring more pixels than this (8192 x 8192, 67.1 megapixels, 201 MB as RGB; Huawei's largest
        /// image) are refused for every provider
        /// before anything is sent or decoded. No card photo needs that many, and a small file declaring
        /// 60,000 x 60,000 is a decompression bomb; the decoder checks the same cap on its own reading of the header.
        /// </summary>
        public const long MaxPixels = 8192L * 8192;

        /// <summary><see cref="MaxPixels"/> as text for messages: <c>67.1</c>.</summary>
        internal static string MaxMegapixels => (MaxPixels / 1e6).ToString("0.#", CultureInfo.InvariantCulture);

        /// <summary>Checks one image against a provider's limits and describes it.</summary>
        /// <param name="data">The whole file.</param>
        /// <param name="limits">The provider's limits, e.g. a descriptor's <c>ImageLimits</c>.</param>
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
            CheckReadable(info, who);
            CheckBytes(data.Length, limits, who);
            CheckSides(info, limits, who);
            return info;
        }

        /// <summary>
        /// Checks one image and returns the bytes to send: the same array when it is within the limits, or a JPEG
        /// made to fit when it is too large in bytes or pixels and can be shrunk without losing legibility
        /// (<see cref="ImageFitter"/>); Verbose then says what was done. Runs on worker threads.
        /// </summary>
        /// <param name="image">The whole file.</param>
        /// <param name="limits">The provider's limits.</param>
        /// <param name="provider">The provider's name for messages; null uses <see cref="ImageLimits.Name"/>.</param>
        /// <param name="log">Where the Debug and Verbose lines go; its <see cref="RecognitionLog.Subject"/> names the image.</param>
        /// <param name="cancellationToken">Ends a wait for a decode slot (Ctrl+C).</param>
        /// <returns><paramref name="image"/> itself, or a re-encoded JPEG that passes <see cref="Check"/>.</returns>
        /// <exception cref="BankcardOcrException">
        /// As <see cref="Check"/>; <see cref="BankcardOcrErrorKind.ImageTooLarge"/> also says why the image could not be shrunk.
        /// </exception>
        public static async Task<byte[]> PrepareAsync(byte[] image, ImageLimits limits, string? provider, RecognitionLog log, CancellationToken cancellationToken = default)
        {
            if (log == null)
            {
                throw new ArgumentNullException(nameof(log));
            }

            var who = provider ?? limits?.Name;
            var subject = log.Subject != null ? log.Subject + ": " : string.Empty;
            try
            {
                var info = Check(image, limits!, provider);
                log.Debug($"{subject}{Describe(info.ByteLength ?? image.Length, info.Width, info.Height, info.Format)}: within {who}'s limits.");
                return image;
            }
            catch (BankcardOcrException tooLarge) when (tooLarge.Kind == BankcardOcrErrorKind.ImageTooLarge)
            {
                var original = ImageSniffer.Sniff(image);
                if ((long)original.Width!.Value * original.Height!.Value > MaxPixels)
                {
                    throw; // over the pixel cap: never decoded, so there is nothing to add about shrinking
                }

                var (fitted, reason) = await ImageFitter.TryFitAsync(image, original, limits!, cancellationToken).ConfigureAwait(false);
                if (fitted == null)
                {
                    throw new BankcardOcrException(BankcardOcrErrorKind.ImageTooLarge, tooLarge.Message + " " + reason, who);
                }

                // The fitter aims at these limits; checking again means a slip in it is refused here, not by the service.
                Check(fitted.Jpeg, limits!, provider);
                var turned = fitted.Orientation != 1 ? $", turned upright (Exif orientation {fitted.Orientation})," : string.Empty;
                var sides = limits!.MaxSide is int maxSide ? FormattableString.Invariant($" and {maxSide} px a side") : string.Empty;
                log.Verbose(
                    $"{subject}{Describe(image.Length, original.Width, original.Height, original.Format)} re-encoded{turned} to " +
                    $"{Describe(fitted.Jpeg.Length, fitted.Width, fitted.Height, ImageFormat.Jpeg)} (quality {fitted.Quality}) " +
                    $"to fit {who}'s limit of {Megabytes(ImageFitter.TargetBytes(limits))}{sides}.");
                return fitted.Jpeg;
            }
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

        /// <summary>
        /// Every accepted format has a header reader: one that gives no size (zero sides, a JPEG without a frame
        /// header, a cut-off header) is refused the same way whatever the provider, before its size is weighed
        /// (a large unreadable file is unreadable, not too large), and costs no call; so is one declaring more
        /// than <see cref="MaxPixels"/>.
        /// </summary>
        private static void CheckReadable(ImageInfo info, string provider)
        {
            if (info.Width is null || info.Height is null)
            {
                throw new BankcardOcrException(
                    BankcardOcrErrorKind.UnsupportedImageFormat,
                    $"The {info.Format.ToString().ToUpperInvariant()} header gives no pixel size (zero, missing or damaged); it is not a readable image.",
                    provider);
            }

            // Before the byte limits, so that a small file declaring 60,000 x 60,000 is called what it is.
            if ((long)info.Width.Value * info.Height.Value > MaxPixels)
            {
                var pixels = string.Format(CultureInfo.InvariantCulture, "{0}x{1} pixels", info.Width, info.Height);
                throw TooLarge($"The image declares {pixels}; images of more than {MaxMegapixels} megapixels (8192x8192) are refused before decoding.", provider);
            }
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
            if (!(info.Width is int width) || !(info.Height is int height))
            {
                return; // CheckReadable has refused it already
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
        internal static string Size(long bytes)
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

        /// <summary>"3.2 MB 4032x3024 JPEG", for Verbose lines where the exact byte count would be noise.</summary>
        private static string Describe(long bytes, int? width, int? height, ImageFormat format) =>
            Megabytes(bytes) + (width is int w && height is int h ? FormattableString.Invariant($" {w}x{h}") : string.Empty)
            + " " + format.ToString().ToUpperInvariant();

        private static string Megabytes(long bytes) =>
            ((double)bytes / ImageLimits.Megabyte).ToString("0.##", CultureInfo.InvariantCulture) + " MB";
    }
}
