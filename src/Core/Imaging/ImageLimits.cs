using System;
using System.Collections.Generic;
using System.Linq;

namespace BankcardOcr.Imaging
{
    /// <summary>
    /// What one provider accepts as an image: formats, bytes and pixels. Immutable; each provider's descriptor
    /// holds its limits and cites the vendor page they follow.
    /// </summary>
    /// <remarks>
    /// The vendors write "MB" without saying which. Every provider's limits read it as 1,048,576 bytes
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
        public static long LargestRawFor(long encoded) => encoded / 4 * 3;

        private static void RequirePositive(long? value, string name)
        {
            if (value <= 0)
            {
                throw new ArgumentOutOfRangeException(name, value, "Limits must be positive.");
            }
        }
    }
}
