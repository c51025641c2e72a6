using BankcardOcr.CardSynth;
using SkiaSharp;

namespace BankcardOcr.Accuracy;

/// <summary>
/// A generated card photographed turned: the photo's pixels turned a quarter, half or three quarters clockwise with no
/// EXIF tag to undo it, as a scanner or a phone held sideways delivers them. The recognizer must find that out itself
/// (its turned reads), so a turned level measures what those reads rescue and cost.
/// </summary>
internal static class TurnedPhoto
{
    /// <summary><paramref name="photo"/> turned <paramref name="degrees"/> clockwise (0, 90, 180 or 270), its set named for the turn.</summary>
    public static LabelledPhoto Of(LabelledPhoto photo, int degrees)
    {
        if (degrees == 0)
        {
            return photo;
        }

        var bytes = photo.Load();
        using var source = SKBitmap.Decode(bytes) ?? throw new InvalidOperationException($"{photo.Name} cannot be decoded.");
        var (w, h) = (source.Width, source.Height);
        var quarter = degrees % 180 != 0;
        using var turned = new SKBitmap(quarter ? h : w, quarter ? w : h);
        using (var canvas = new SKCanvas(turned))
        {
            canvas.Translate(turned.Width / 2f, turned.Height / 2f);
            canvas.RotateDegrees(degrees);
            canvas.Translate(-w / 2f, -h / 2f);
            using var image = SKImage.FromBitmap(source);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        }

        // PNG: the card's own JPEG damage stays what it was, with none added by the turn.
        using var data = turned.Encode(SKEncodedImageFormat.Png, 100);
        var encoded = data.ToArray();

        // The corners keep their order (the text's top-left first), so the true line is cut upright from the turned photo.
        CardPoint Turn(CardPoint p) => degrees switch
        {
            90 => new CardPoint(h - p.Y, p.X),
            180 => new CardPoint(w - p.X, h - p.Y),
            _ => new CardPoint(p.Y, w - p.X),
        };

        return new LabelledPhoto
        {
            Name = $"{photo.Name}@{degrees}",
            Set = $"{photo.Set} turned {degrees}°",
            Scoring = photo.Scoring,
            Print = photo.Print,
            Number = photo.Number,
            Expiry = photo.Expiry,
            Quad = photo.Quad?.Select(Turn).ToArray(),
            Load = () => encoded,
        };
    }
}
