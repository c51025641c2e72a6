using System;
using SkiaSharp;

namespace BankcardOcr.CardSynth
{
    /// <summary>
    /// Damage a caller draws into a card face beyond what the levels draw: artwork under the number, another tipping
    /// or ink, marks over the digits. The clean and hard levels draw none, so their cards never change; the worn level
    /// and the digit model's training lines (tools/DigitLines) draw what <see cref="FaceDamages"/> picks, to look like
    /// the real cards the recognizer fails on.
    /// </summary>
    internal sealed class FaceDamage
    {
        /// <summary>Draws after the background, logo and chip, before the number; returns the luminance the ink should suit, or null to keep the background's.</summary>
        public Func<SKCanvas, double?>? UnderNumber { get; init; }

        /// <summary>Replaces the embossing look the level picked.</summary>
        public Func<EmbossLook, EmbossLook>? Look { get; init; }

        /// <summary>Prints a flat number in this typeface instead of OCR-B (real cards use many).</summary>
        public SKTypeface? NumberTypeface { get; init; }

        /// <summary>Replaces the flat print's ink the level picked.</summary>
        public Func<SKColor, SKColor>? Ink { get; init; }

        /// <summary>Draws over the number once it is on the card (its line in face pixels).</summary>
        public Action<SKCanvas, SKRect>? OverNumber { get; init; }
    }
}
