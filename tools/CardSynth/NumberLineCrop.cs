using System;
using System.Collections.Generic;
using System.Linq;
using SkiaSharp;

namespace BankcardOcr.CardSynth
{
    /// <summary>
    /// Cuts the card-number line out of a generated photo, straightened. Reading the crop instead of the photo takes
    /// finding the line out of the recognizer's hands: what it still misreads on the crop is a recognition failure,
    /// what it reads on the crop but not on the photo is a detection (or line assembly) failure.
    /// </summary>
    public static class NumberLineCrop
    {
        /// <summary>The line, undone of rotation and perspective, with <paramref name="margin"/> of its height around it, as PNG.</summary>
        /// <param name="card">A generated card (not one only described).</param>
        /// <param name="margin">Extra border on every side as a fraction of the digits' height.</param>
        public static byte[] Cut(SyntheticCard card, double margin = 0.4)
        {
            if (card.Image.Length == 0 || card.NumberQuad.Count != 4)
            {
                throw new ArgumentException("The card was only described, not drawn; generate it to crop it.", nameof(card));
            }

            return Cut(card.Image, card.NumberQuad, margin);
        }

        /// <summary>
        /// The line whose corners are <paramref name="quad"/> cut out of any photo, straightened, as PNG: the same
        /// crop for a labelled real photo as for a generated one.
        /// </summary>
        /// <param name="photo">An encoded image; its stored pixel grid is used as is (no EXIF turn), as the corners were marked on it.</param>
        /// <param name="quad">The line's corners in the photo's pixels, clockwise on screen from top-left: top-left, top-right, bottom-right, bottom-left.</param>
        /// <param name="margin">Extra border on every side as a fraction of the digits' height.</param>
        public static byte[] Cut(byte[] photo, IReadOnlyList<CardPoint> quad, double margin = 0.4)
        {
            if (quad.Count != 4)
            {
                throw new ArgumentException("A line has four corners.", nameof(quad));
            }

            var q = quad.Select(p => new SKPoint(p.X, p.Y)).ToArray();
            var lineWidth = (SKPoint.Distance(q[0], q[1]) + SKPoint.Distance(q[3], q[2])) / 2;
            var lineHeight = (SKPoint.Distance(q[0], q[3]) + SKPoint.Distance(q[1], q[2])) / 2;
            var pad = (float)(lineHeight * margin);
            var width = (int)Math.Ceiling(lineWidth + (2 * pad));
            var height = (int)Math.Ceiling(lineHeight + (2 * pad));

            // The map from the crop's pixels to the photo's: the line's rectangle (inset by the margin) onto its quad.
            var lineToPhoto = Homography.FromRect(lineWidth, lineHeight, q);
            var cropToPhoto = SKMatrix.Concat(lineToPhoto, SKMatrix.CreateTranslation(-pad, -pad));
            if (!cropToPhoto.TryInvert(out var photoToCrop))
            {
                throw new InvalidOperationException("The number line's corners do not form a quadrilateral.");
            }

            using var decoded = SKBitmap.Decode(photo) ?? throw new ArgumentException("The photo cannot be decoded.", nameof(photo));
            using var crop = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
            using (var canvas = new SKCanvas(crop))
            using (var image = SKImage.FromBitmap(decoded))
            {
                canvas.Clear(SKColors.Black);
                canvas.SetMatrix(photoToCrop);
                canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None), null);
            }

            using var data = crop.Encode(SKEncodedImageFormat.Png, 100);
            return data.ToArray();
        }
    }
}
