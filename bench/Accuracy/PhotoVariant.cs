using BankcardOcr.CardSynth;
using SkiaSharp;

namespace BankcardOcr.Accuracy;

/// <summary>
/// A generated card as a worse camera or scanner delivers it: shrunk to a smaller long side (most real photos are
/// 300–600 px, the generator's 1280), and turned a quarter, half or three quarters clockwise with no EXIF tag to undo
/// it (a phone held sideways, a scan laid upside down). The recognizer must cope with both itself, so such levels
/// measure what its enlarging pass and its turned reads rescue, and what they cost.
/// </summary>
internal static class PhotoVariant
{
    /// <summary>
    /// <paramref name="photo"/> shrunk to long side <paramref name="longSide"/> (0: as drawn; never enlarged) and then
    /// turned <paramref name="degrees"/> clockwise (0, 90, 180 or 270); its set is named for what was done.
    /// </summary>
    public static LabelledPhoto Of(LabelledPhoto photo, int degrees, int longSide)
    {
        if (degrees == 0 && longSide == 0)
        {
            return photo;
        }

        using var drawn = SKBitmap.Decode(photo.Load()) ?? throw new InvalidOperationException($"{photo.Name} cannot be decoded.");
        var factor = longSide > 0 ? Math.Min(1f, (float)longSide / Math.Max(drawn.Width, drawn.Height)) : 1f;
        var (w, h) = ((int)Math.Round(drawn.Width * factor), (int)Math.Round(drawn.Height * factor));
        var quarter = degrees % 180 != 0;
        using var result = new SKBitmap(quarter ? h : w, quarter ? w : h);
        using (var canvas = new SKCanvas(result))
        using (var image = SKImage.FromBitmap(drawn))
        {
            canvas.Translate(result.Width / 2f, result.Height / 2f);
            canvas.RotateDegrees(degrees);
            canvas.Translate(-w / 2f, -h / 2f);
            canvas.DrawImage(image, new SKRect(0, 0, w, h), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }

        // PNG: the card's own JPEG damage stays what it was, with none added here.
        using var data = result.Encode(SKEncodedImageFormat.Png, 100);
        var encoded = data.ToArray();

        // The corners keep their order (the text's top-left first), so the true line is still cut upright.
        CardPoint Move(CardPoint p)
        {
            var (x, y) = (p.X * factor, p.Y * factor);
            return degrees switch
            {
                90 => new CardPoint(h - y, x),
                180 => new CardPoint(w - x, h - y),
                270 => new CardPoint(y, w - x),
                _ => new CardPoint(x, y),
            };
        }

        var name = (longSide > 0 ? $" at {longSide} px" : string.Empty) + (degrees != 0 ? $" turned {degrees}°" : string.Empty);
        return new LabelledPhoto
        {
            Name = $"{photo.Name}@{longSide}/{degrees}",
            Set = photo.Set + name,
            Scoring = photo.Scoring,
            Print = photo.Print,
            Number = photo.Number,
            Expiry = photo.Expiry,
            Quad = photo.Quad?.Select(Move).ToArray(),
            Load = () => encoded,
        };
    }
}
