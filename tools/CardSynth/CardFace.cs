using System;
using SkiaSharp;

namespace BankcardOcr.CardSynth
{
    /// <summary>What is printed on one card.</summary>
    internal sealed class CardFaceText
    {
        public CardFaceText(Issuer issuer, string printedNumber, string expiry, string holder, PrintStyle style)
        {
            Issuer = issuer;
            PrintedNumber = printedNumber;
            Expiry = expiry;
            Holder = holder;
            Style = style;
        }

        public Issuer Issuer { get; }

        public string PrintedNumber { get; }

        public string Expiry { get; }

        public string Holder { get; }

        public PrintStyle Style { get; }
    }

    /// <summary>
    /// Draws the front of an ISO/IEC 7810 ID-1 card (85.60 × 53.98 mm, corner radius 3.18 mm) at 10 pixels per mm:
    /// background, bank logo and name, chip, network mark, the number line, expiry and holder name.
    /// </summary>
    internal static class CardFace
    {
        public const float WidthMm = 85.60f;
        public const float HeightMm = 53.98f;
        public const float PxPerMm = 10f;
        private const float CornerRadiusMm = 3.18f;

        public static int WidthPx => (int)Math.Round(WidthMm * PxPerMm);

        public static int HeightPx => (int)Math.Round(HeightMm * PxPerMm);

        /// <summary>Draws the card; <paramref name="numberLine"/> receives where the number line is, in face pixels.</summary>
        /// <param name="rng">The card's random stream.</param>
        /// <param name="text">What the card says.</param>
        /// <param name="level">Clean, hard or worn.</param>
        /// <param name="numberLine">Where the number went.</param>
        /// <param name="damage">Extra damage a caller draws in (none by default, and none draws from <paramref name="rng"/>).</param>
        public static SKBitmap Render(CardRandom rng, CardFaceText text, CardLevel level, out SKRect numberLine, FaceDamage? damage = null)
        {
            var bitmap = new SKBitmap(new SKImageInfo(WidthPx, HeightPx, SKColorType.Rgba8888, SKAlphaType.Premul));
            using var canvas = new SKCanvas(bitmap);
            canvas.Clear(SKColors.Transparent);
            using (var corners = new SKRoundRect(new SKRect(0, 0, WidthPx, HeightPx), CornerRadiusMm * PxPerMm))
            {
                canvas.ClipRoundRect(corners, SKClipOperation.Intersect, antialias: true);
            }

            var luminance = CardBackground.Draw(canvas, rng, level, WidthPx, HeightPx);
            var darkInk = luminance > 0.55;
            CardDecor.DrawBankLogo(canvas, rng, text.Issuer.BankCode, darkInk);
            CardDecor.DrawChip(canvas, rng);
            if (level != CardLevel.Clean && rng.Chance(0.5))
            {
                // Other digits on the face (a service hotline, a product code) that a recognizer must not take for the number.
                CardDecor.DrawSmallPrint(canvas, rng, darkInk);
            }

            if (damage?.UnderNumber?.Invoke(canvas) is double repainted)
            {
                luminance = repainted;
                darkInk = luminance > 0.55;
            }

            numberLine = DrawNumberBlock(canvas, rng, text, level, darkInk, luminance, damage);
            return bitmap;
        }

        private static SKRect DrawNumberBlock(SKCanvas canvas, CardRandom rng, CardFaceText text, CardLevel level, bool darkInk, double luminance, FaceDamage? damage)
        {
            var embossed = text.Style == PrintStyle.Embossed;
            // Embossed (Farrington 7B, ISO/IEC 7811-1) digits are 4.33 mm tall at standard size; flat-printed ones are smaller.
            var digitMm = embossed ? rng.Range(3.8, 4.5) : rng.Range(2.6, 3.8);
            var left = rng.Range(6.5, 10.5) * PxPerMm;
            var maxWidth = (WidthMm * PxPerMm) - left - (5 * PxPerMm);
            // Embossers keep close to the 3.63 mm pitch; flat print varies its tracking more.
            var spacing = embossed ? rng.Range(0.95, 1.05) : rng.Range(0.92, 1.08);
            var baseline = rng.Range(31.5, 37.5) * PxPerMm;
            CardDecor.DrawNetworkMark(canvas, rng, text.Issuer.Network, baseline + (1.5f * PxPerMm));
            var look = embossed ? EmbossLook.Pick(rng, level, PxPerMm) : null;
            var ink = PickInk(rng, level, darkInk, luminance);
            if (look != null && damage?.Look != null)
            {
                look = damage.Look(look);
            }

            if (damage?.Ink != null)
            {
                ink = damage.Ink(ink);
            }

            SKRect numberLine;
            if (embossed)
            {
                var digitPx = digitMm * PxPerMm;
                FitEmbossed(text.PrintedNumber, maxWidth, ref digitPx, ref spacing);
                using var number = Farrington7B.TextPath(text.PrintedNumber, left, baseline, digitPx, spacing);
                EmbossedText.Draw(canvas, number, look!);
                numberLine = new SKRect(left, baseline - digitPx, left + Farrington7B.Measure(text.PrintedNumber, digitPx, spacing), baseline);
            }
            else
            {
                using var font = CardFonts.ForDigitHeight(digitMm * PxPerMm, typeface: damage?.NumberTypeface);
                font.ScaleX = spacing;
                var width = font.MeasureText(text.PrintedNumber);
                if (width > maxWidth)
                {
                    font.ScaleX *= maxWidth / width;
                }

                DrawLine(canvas, text.PrintedNumber, left, baseline, font, null, ink);
                numberLine = new SKRect(left, baseline - (digitMm * PxPerMm), left + font.MeasureText(text.PrintedNumber), baseline);
            }

            damage?.OverNumber?.Invoke(canvas, numberLine);

            // Expiry below the number, under a small "VALID THRU" caption.
            var expiryMm = digitMm * rng.Range(0.62, 0.8);
            using var smallFont = CardFonts.ForDigitHeight(expiryMm * PxPerMm, embolden: embossed);
            using var captionFont = CardFonts.ForDigitHeight(1.3f * PxPerMm);
            var expiryX = rng.Range(26, 46) * PxPerMm;
            var expiryBaseline = baseline + (rng.Range(6.0, 8.5) * PxPerMm);
            using (var caption = new SKPaint { IsAntialias = true, Color = ink.WithAlpha(200) })
            {
                canvas.DrawText(rng.Chance(0.7) ? "VALID THRU" : "MONTH/YEAR", expiryX - (17 * PxPerMm), expiryBaseline, SKTextAlign.Left, captionFont, caption);
            }

            if (embossed)
            {
                // Expiry dates are embossed in Farrington 7B as well, smaller; the holder's name (letters) stays OCR-B.
                using var expiry = Farrington7B.TextPath(text.Expiry, expiryX, expiryBaseline, expiryMm * PxPerMm);
                EmbossedText.Draw(canvas, expiry, look!);
            }
            else
            {
                DrawLine(canvas, text.Expiry, expiryX, expiryBaseline, smallFont, null, ink);
            }

            var holderBaseline = Math.Min(expiryBaseline + (rng.Range(6.0, 8.0) * PxPerMm), (HeightMm - 3.5f) * PxPerMm);
            DrawLine(canvas, text.Holder, left, holderBaseline, smallFont, look, ink);
            return numberLine;
        }

        /// <summary>Narrows the pitch (and, below 0.82 of standard, the digits too) until the number fits the card.</summary>
        private static void FitEmbossed(string printed, float maxWidth, ref float digitPx, ref float spacing)
        {
            const float TightestPitch = 0.82f;
            var width = Farrington7B.Measure(printed, digitPx, spacing);
            if (width <= maxWidth)
            {
                return;
            }

            spacing *= maxWidth / width;
            if (spacing < TightestPitch)
            {
                digitPx *= spacing / TightestPitch;
                spacing = TightestPitch;
            }
        }

        private static void DrawLine(SKCanvas canvas, string line, float x, float baseline, SKFont font, EmbossLook? look, SKColor ink)
        {
            if (look != null)
            {
                using var path = font.GetTextPath(line, new SKPoint(x, baseline));
                EmbossedText.Draw(canvas, path, look);
                return;
            }

            using var paint = new SKPaint { IsAntialias = true, Color = ink };
            canvas.DrawText(line, x, baseline, SKTextAlign.Left, font, paint);
        }

        private static SKColor PickInk(CardRandom rng, CardLevel level, bool darkInk, double luminance)
        {
            // Hard cards may print in a colour close to the background's (grey on silver, gold on beige); the worn
            // level's low-contrast flat print is its pale cards' silver on white.
            if (level == CardLevel.Hard && rng.Chance(0.25))
            {
                var grey = (byte)Math.Max(0, Math.Min(255, (luminance * 255) + (darkInk ? -90 : 90)));
                return new SKColor(grey, grey, grey);
            }

            if (darkInk)
            {
                return rng.Pick(new[] { new SKColor(20, 20, 24), new SKColor(30, 34, 70), new SKColor(60, 60, 64) });
            }

            return rng.Pick(new[] { new SKColor(250, 250, 250), new SKColor(225, 225, 230), new SKColor(235, 205, 120) });
        }
    }
}
