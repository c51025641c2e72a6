using System;
using System.Collections.Generic;
using System.Linq;

namespace BankcardOcr.Imaging
{
    /// <summary>
    /// What one provider accepts as an image: formats, bytes and pixels. Immutable; the presets follow the
    /// vendor pages cited on each preset.
    /// </summary>
    /// <remarks>
    /// The vendors write "MB" without saying which. Every preset reads it as 1,048,576 bytes
    /// (<see cref="Megabyte"/>), the larger reading: a preflight check must never refuse an image the service
    /// would take, and in the 4.9 % between the readings the service's own error (Tencent legacy code 20,
    /// Huawei AIS.0103) still reaches the user as <see cref="BankcardOcrErrorKind.ImageTooLarge"/>.
    /// </remarks>
    public sealed class ImageLimits
    {
        /// <summary>One "MB" of the vendors' documents, read as 1,048,576 bytes (see the remarks on <see cref="ImageLimits"/>).</summary>
        public const long Megabyte = 1024 * 1024;

        private readonly ImageFormat[] formats;

        /// <summary>Creates a set of limits.</summary>
        /// <param name="name">Who these limits are for, e.g. <c>Huawei</c>.</param>
        /// <param name="acceptedFormats">The formats accepted; at least one, never <see cref="ImageFormat.Unknown"/>.</param>
        /// <param name="maxImageBytes">The largest file in bytes.</param>
        /// <param name="maxEncodedBytes">The longest Base64 text, or null when only the raw size counts.</param>
        /// <param name="maxBodyBytes">The largest request body, or null when not documented.</param>
        /// <param name="minSide">The fewest pixels either side may have, or null.</param>
        /// <param name="maxSide">The most pixels either side may have, or null.</param>
        /// <exception cref="ArgumentException">A limit is not positive, the sides contradict, or no format is given.</exception>
        public ImageLimits(
            string name,
            IEnumerable<ImageFormat> acceptedFormats,
            long maxImageBytes,
            long? maxEncodedBytes = null,
            long? maxBodyBytes = null,
            int? minSide = null,
            int? maxSide = null)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("A name is required.", nameof(name));
            }

            formats = (acceptedFormats ?? throw new ArgumentNullException(nameof(acceptedFormats))).Distinct().ToArray();
            if (formats.Length == 0 || formats.Contains(ImageFormat.Unknown))
            {
                throw new ArgumentException("At least one known format is required.", nameof(acceptedFormats));
            }

            RequirePositive(maxImageBytes, nameof(maxImageBytes));
            RequirePositive(maxEncodedBytes, nameof(maxEncodedBytes));
            RequirePositive(maxBodyBytes, nameof(maxBodyBytes));
            RequirePositive(minSide, nameof(minSide));
            RequirePositive(maxSide, nameof(maxSide));
            if (minSide > maxSide)
            {
                throw new ArgumentException("minSide is larger than maxSide.", nameof(minSide));
            }

            Name = name;
            MaxImageBytes = maxImageBytes;
            MaxEncodedBytes = maxEncodedBytes;
            MaxBodyBytes = maxBodyBytes;
            MinSide = minSide;
            MaxSide = maxSide;
        }

        /// <summary>
        /// Legacy <c>/ocr/bankcard</c> (recognition.image.myqcloud.com): at most 1 MB per image (error code 20,
        /// "单个文件最大支持1MB") and 6 MB per request body ("每个请求的包体大小限制为6MB"), no GIF
        /// ("不支持 .gif 类型的动图"). Source: cloud.tencent.com/document/api/866/17602.
        /// </summary>
        /// <remarks>
        /// The page names no accepted formats, only the GIF exclusion. JPEG, PNG and BMP are taken from the
        /// current API (same product, same billing) rather than guessing that TIFF or WebP work; all GIFs are
        /// refused because telling a still GIF from an animated one needs more than the header.
        /// </remarks>
        public static ImageLimits TencentLegacy { get; } = new ImageLimits(
            "TencentLegacy",
            new[] { ImageFormat.Jpeg, ImageFormat.Png, ImageFormat.Bmp },
            maxImageBytes: 1 * Megabyte,
            maxBodyBytes: 6 * Megabyte);

        /// <summary>
        /// API 3.0 BankCardOCR: <c>ImageBase64</c> at most 10 MB after encoding; PNG, JPG, JPEG, BMP; no GIF.
        /// Source: cloud.tencent.com/document/api/866/36216. Older and international pages say
        /// 7 MB; the current Chinese page is followed. The raw limit is derived: the largest file whose Base64
        /// fits (7.5 MB). The suggested 500×800 resolution is advice, not a limit, so no side is enforced.
        /// </summary>
        public static ImageLimits Tencent { get; } = new ImageLimits(
            "Tencent",
            new[] { ImageFormat.Jpeg, ImageFormat.Png, ImageFormat.Bmp },
            maxImageBytes: LargestRawFor(10 * Megabyte),
            maxEncodedBytes: 10 * Megabyte);

        /// <summary>
        /// RecognizeBankcard (ocr.{region}.myhuaweicloud.com/v2/{project_id}/ocr/bankcard): Base64 at most 10 MB,
        /// shortest side at least 15 px, longest side at most 8192 px, JPG/JPEG/PNG/BMP/TIFF.
        /// Source: support.huaweicloud.com/api-ocr/ocr_03_0104.html. The raw limit is derived
        /// from the Base64 one; the "file ≤ 7 MB recommended" is advice and not enforced.
        /// </summary>
        public static ImageLimits Huawei { get; } = new ImageLimits(
            "Huawei",
            new[] { ImageFormat.Jpeg, ImageFormat.Png, ImageFormat.Bmp, ImageFormat.Tiff },
            maxImageBytes: LargestRawFor(10 * Megabyte),
            maxEncodedBytes: 10 * Megabyte,
            minSide: 15,
            maxSide: 8192);

        /// <summary>
        /// The offline recognizer: no vendor rule, so limits of this module's own choosing. JPEG, PNG, BMP, TIFF
        /// and GIF (the first frame of a scan), all of which common decoders read on every runtime PowerShell
        /// uses; WebP, HEIC and AVIF are left out because .NET Framework's decoder cannot read them. 50 MB and
        /// 16384 px per side bound the memory a full decode takes (16384² × 4 bytes = 1 GB); 15 px as for Huawei,
        /// below which no card number is legible.
        /// </summary>
        public static ImageLimits Local { get; } = new ImageLimits(
            "Local",
            new[] { ImageFormat.Jpeg, ImageFormat.Png, ImageFormat.Bmp, ImageFormat.Tiff, ImageFormat.Gif },
            maxImageBytes: 50 * Megabyte,
            minSide: 15,
            maxSide: 16384);

        /// <summary>Who these limits are for, e.g. <c>TencentLegacy</c>.</summary>
        public string Name { get; }

        /// <summary>The formats accepted, in the order the vendor lists them.</summary>
        public IReadOnlyList<ImageFormat> AcceptedFormats => formats;

        /// <summary>The largest file in bytes.</summary>
        public long MaxImageBytes { get; }

        /// <summary>The longest Base64 text (4 × ceil(n / 3) characters for n bytes), or null when only the raw size counts.</summary>
        public long? MaxEncodedBytes { get; }

        /// <summary>The largest request body in bytes, for the request builder; null when not documented.</summary>
        public long? MaxBodyBytes { get; }

        /// <summary>The fewest pixels either side may have, or null.</summary>
        public int? MinSide { get; }

        /// <summary>The most pixels either side may have, or null.</summary>
        public int? MaxSide { get; }

        /// <summary>Whether <paramref name="format"/> is one of <see cref="AcceptedFormats"/>.</summary>
        /// <param name="format">A format found by <see cref="ImageSniffer"/>.</param>
        public bool Accepts(ImageFormat format) => Array.IndexOf(formats, format) >= 0;

        /// <summary>The name, e.g. <c>Huawei</c>.</summary>
        public override string ToString() => Name;

        /// <summary>The largest raw size whose Base64 (4 characters per started 3 bytes) fits <paramref name="encoded"/>.</summary>
        private static long LargestRawFor(long encoded) => encoded / 4 * 3;

        private static void RequirePositive(long? value, string name)
        {
            if (value <= 0)
            {
                throw new ArgumentOutOfRangeException(name, value, "Limits must be positive.");
            }
        }
    }
}
