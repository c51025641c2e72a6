using System;
using System.Threading;
using System.Threading.Tasks;
using System.IO;
using StbImageWriteSharp;

namespace BankcardOcr.Imaging
{
    /// <summary>
    /// Makes a JPEG that fits a provider's byte and side limits out of an image that does not: decode, for
    /// formats other than JPEG first a plain re-encode at full size (screenshots and bitmaps often shrink enough
    /// that way), then area-averaged downscaling, the scale steered by how far each try missed.
    /// Never shrinks below what keeps a card number legible; see <see cref="LegibleLongSide"/>.
    /// </summary>
    /// <remarks>
    /// Decoding and encoding are StbImageSharp and StbImageWriteSharp, plain C# ports of stb_image and
    /// stb_image_write with no native parts (docs/design.md, "Image checks"). They read JPEG, PNG, BMP and GIF;
    /// not TIFF.
    /// </remarks>
    internal static class ImageFitter
    {
        /// <summary>
        /// The longer side is never made shorter than this. A card photographed across ~1000 px leaves its
        /// 16–19 embossed digits 25–35 px tall, which both services read reliably; Tencent asks for at least
        /// 500×800 (docs/tencentcloud.md §2.2, <c>ImageBase64</c>), which this keeps with a margin for the card not
        /// filling the frame. An image already smaller is never enlarged.
        /// </summary>
        public const int LegibleLongSide = 1000;

        /// <summary>The first JPEG quality tried: above it stb_image_write keeps full-resolution colour, which costs bytes OCR does not need; text edges are still crisp.</summary>
        public const int FirstQuality = 90;

        /// <summary>The lowest quality tried, only at the smallest size: below ~75 ringing around digits starts to blur thin strokes.</summary>
        public const int LowestQuality = 75;

        /// <summary>Tries at most; each one is a resize and an encode, so this bounds the time an impossible image costs.</summary>
        public const int MaxAttempts = 8;

        /// <summary>
        /// Images with more pixels are not decoded: 8192 x 8192 is 201 MB as RGB, and a header claiming more
        /// (up to the 2 GB stb_image would allocate) is more likely a hostile file than a card photo.
        /// </summary>
        public const long MaxDecodedPixels = ImagePreflight.MaxPixels;

        private const int QualityStep = 5;

        // Aim a little under the limit: JPEG size does not scale exactly with the pixel count.
        private const double Margin = 0.95;

        // A fit this close to the limit is kept; going for the last few percent costs another encode for ~5 % more pixels.
        private const double CloseEnough = 0.8;

        /// <summary>The largest file that meets both the raw and the Base64 limit.</summary>
        public static long TargetBytes(ImageLimits limits) =>
            limits.MaxEncodedBytes is long encoded ? Math.Min(limits.MaxImageBytes, encoded / 4 * 3) : limits.MaxImageBytes;

        /// <summary>Returns a fitting JPEG, or null with the reason (a sentence for the user) why none could be made.</summary>
        /// <param name="image">The encoded image.</param>
        /// <param name="info">What the sniffer read from its header.</param>
        /// <param name="limits">The provider's limits to fit.</param>
        /// <param name="cancellationToken">Ends the wait for a decode slot (Ctrl+C).</param>
        public static async Task<(FittedImage? Image, string Reason)> TryFitAsync(byte[] image, ImageInfo info, ImageLimits limits, CancellationToken cancellationToken)
        {
            if (info.Format == ImageFormat.Tiff)
            {
                return (null, "TIFF images are not re-encoded here (no TIFF decoder ships with the module); save it as JPEG or PNG.");
            }

            if (!(info.Width is int width) || !(info.Height is int height))
            {
                return (null, "Its header gives no pixel size, so it is not re-encoded.");
            }

            if ((long)width * height > MaxDecodedPixels)
            {
                return (null, $"At {width}x{height} it has more pixels than are decoded here to shrink an image ({ImagePreflight.MaxMegapixels} megapixels).");
            }

            using (await DecodeGate.EnterAsync(cancellationToken).ConfigureAwait(false))
            {
                var decoded = RgbDecoder.Decode(image);
                if (decoded == null)
                {
                    // Its header read well enough to get here, so the data after it is what is broken: a
                    // cut-off or damaged file, which no provider would read either.
                    throw new BankcardOcrException(
                        BankcardOcrErrorKind.UnsupportedImageFormat,
                        $"The {info.Format.ToString().ToUpperInvariant()} image data is truncated or damaged; it could not be decoded.",
                        limits.Name);
                }

                var orientation = info.Format == ImageFormat.Jpeg ? ExifOrientation.Read(image) : 1;
                var fitted = Shrink(decoded, orientation, info, limits, out var reason);
                return (fitted, reason);
            }
        }

        private static FittedImage? Shrink(RgbImage decoded, int orientation, ImageInfo info, ImageLimits limits, out string reason)
        {
            var target = TargetBytes(limits);
            var longer = Math.Max(decoded.Width, decoded.Height);
            var shorter = Math.Min(decoded.Width, decoded.Height);
            var maxScale = limits.MaxSide is int maxSide ? Math.Min(1.0, (double)maxSide / longer) : 1.0;
            var minScale = (double)Math.Min(LegibleLongSide, longer) / longer;
            if (limits.MinSide is int minSide)
            {
                minScale = Math.Max(minScale, Math.Min(1.0, (double)minSide / shorter));
            }

            minScale = Math.Min(minScale, maxScale);
            var scale = maxScale;
            if (info.Format == ImageFormat.Jpeg && scale == 1.0 && info.ByteLength is long length && length > target)
            {
                // Re-encoding a JPEG at its own size rarely saves enough; start where the byte ratio points.
                scale = Clamp(Math.Sqrt((double)target / length) * Margin, minScale, maxScale);
            }

            var quality = FirstQuality;
            RgbImage? sized = null;
            FittedImage? best = null;       // the largest that fits so far
            var fitsAt = 0.0;               // the largest scale known to fit
            var tooLargeAt = double.MaxValue; // the smallest scale known not to
            long smallest = long.MaxValue;
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                var width = Math.Max(1, (int)Math.Round(decoded.Width * scale));
                var height = Math.Max(1, (int)Math.Round(decoded.Height * scale));
                if (sized == null || sized.Width != width || sized.Height != height)
                {
                    sized = null; // let the previous size go before the next is made
                    sized = width == decoded.Width && height == decoded.Height ? decoded : BoxResampler.Resize(decoded, width, height);
                }

                var upright = ExifOrientation.Apply(sized, orientation);
                var jpeg = EncodeJpeg(upright, quality);
                if (jpeg.Length <= target)
                {
                    best = new FittedImage(jpeg, upright.Width, upright.Height, quality, orientation);
                    fitsAt = scale;
                    // Near the limit, as large as allowed, or fitted only by giving up quality: more tries gain little.
                    if (jpeg.Length >= target * CloseEnough || scale >= maxScale || quality < FirstQuality)
                    {
                        break;
                    }
                }
                else
                {
                    smallest = Math.Min(smallest, jpeg.Length);
                    if (best != null)
                    {
                        tooLargeAt = scale;
                    }
                    else if (scale <= minScale)
                    {
                        if (quality <= LowestQuality)
                        {
                            reason = $"Even at {upright.Width}x{upright.Height} pixels (smaller would risk the card number's legibility) and JPEG quality {quality} it is {ImagePreflight.Size(jpeg.Length)}.";
                            return null;
                        }

                        quality = Math.Max(LowestQuality, quality - QualityStep);
                        continue;
                    }
                    else
                    {
                        tooLargeAt = scale;
                    }
                }

                // JPEG bytes grow roughly with the pixel count, i.e. with the square of the scale.
                var next = Clamp(scale * Math.Sqrt((double)target / jpeg.Length) * Margin, minScale, maxScale);
                if (next <= fitsAt || next >= tooLargeAt)
                {
                    next = Math.Sqrt(fitsAt * tooLargeAt); // both known: split the gap instead
                }

                if (best != null && Math.Abs(next - scale) < scale * 0.02)
                {
                    break;
                }

                scale = next;
            }

            if (best != null)
            {
                reason = string.Empty;
                return best;
            }

            reason = $"No re-encoding fitted in {MaxAttempts} tries; the smallest was {ImagePreflight.Size(smallest)}.";
            return null;
        }

        private static byte[] EncodeJpeg(RgbImage image, int quality)
        {
            using var stream = new MemoryStream();
            new ImageWriter().WriteJpg(image.Pixels, image.Width, image.Height, StbImageWriteSharp.ColorComponents.RedGreenBlue, stream, quality);
            return stream.ToArray();
        }

        private static double Clamp(double value, double min, double max) => Math.Max(min, Math.Min(max, value));
    }
}
