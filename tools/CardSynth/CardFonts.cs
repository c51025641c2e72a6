using System;
using SkiaSharp;

namespace BankcardOcr.CardSynth
{
    /// <summary>
    /// The embedded OCR-B, loaded once. Every word on a card is drawn with it: the NoDependencies Skia build has
    /// no system font lookup, and relying on installed fonts would make the images differ between machines.
    /// </summary>
    internal static class CardFonts
    {
        private static readonly Lazy<SKTypeface> Ocrb = new Lazy<SKTypeface>(() =>
        {
            using var stream = typeof(CardFonts).Assembly.GetManifestResourceStream("CardSynth.OCRB.otf")
                ?? throw new InvalidOperationException("The embedded font CardSynth.OCRB.otf is missing.");
            return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException("OCRB.otf could not be loaded.");
        });

        public static SKTypeface OcrB => Ocrb.Value;

        /// <summary>An OCR-B font (or one of <paramref name="typeface"/>) whose digits are <paramref name="digitHeight"/> pixels tall.</summary>
        public static SKFont ForDigitHeight(float digitHeight, bool embolden = false, SKTypeface? typeface = null)
        {
            var font = new SKFont(typeface ?? OcrB, 100f) { Subpixel = true, Edging = SKFontEdging.Antialias, Embolden = embolden };
            font.MeasureText("0", out var bounds);
            font.Size = 100f * digitHeight / bounds.Height;
            return font;
        }
    }
}
