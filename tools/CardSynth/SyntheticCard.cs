using System.Collections.Generic;

namespace BankcardOcr.CardSynth
{
    /// <summary>How hard a card is to read.</summary>
    public enum CardLevel
    {
        /// <summary>Card large and square in the frame, plain surroundings, light blur, noise and compression.</summary>
        Clean,

        /// <summary>Small or tilted card, perspective, busy backgrounds, glare, uneven light, blur, noise, low JPEG quality.</summary>
        Hard,

        /// <summary>
        /// A hard card with the face damage real cards show (artwork under the number, pale cards with silver, gold or
        /// white tipping, worn or untipped tipping, holograms, scratches, silver ink on white), photographed as a phone
        /// photo shared on: 300–900 pixels on the long side, often JPEG of a JPEG with a shrink between. About two thirds embossed.
        /// </summary>
        Worn,
    }

    /// <summary>How the number is put on the card.</summary>
    public enum PrintStyle
    {
        /// <summary>Flat print in OCR-B.</summary>
        Flat,

        /// <summary>Raised digits, tipped silver or gold (or untipped), lit from an angle.</summary>
        Embossed,
    }

    /// <summary>A point in photo pixels.</summary>
    public readonly record struct CardPoint(float X, float Y);

    /// <summary>One generated card photo and its ground truth.</summary>
    public sealed class SyntheticCard
    {
        /// <summary>The card's seed (derived from the set seed, level and index); generating it again gives the same bytes.</summary>
        public ulong Seed { get; init; }

        /// <summary>The card's position in its set.</summary>
        public int Index { get; init; }

        /// <summary>Clean, hard or worn.</summary>
        public CardLevel Level { get; init; }

        /// <summary>The face damage drawn on a worn card (e.g. <c>pale</c>, <c>art2</c>, <c>hologram</c>); empty on the other levels.</summary>
        public IReadOnlyList<string> Damage { get; init; } = new string[0];

        /// <summary>Flat or embossed.</summary>
        public PrintStyle Style { get; init; }

        /// <summary>Chinese BIN table or an international network.</summary>
        public CardOrigin Origin { get; init; }

        /// <summary>The card number, digits only; always Luhn-valid, on a real prefix with one of its lengths.</summary>
        public string Number { get; init; } = string.Empty;

        /// <summary>The number as printed, groups separated by single spaces.</summary>
        public string PrintedNumber { get; init; } = string.Empty;

        /// <summary>The group sizes, e.g. 4,4,4,4,3.</summary>
        public IReadOnlyList<int> Grouping { get; init; } = new int[0];

        /// <summary>The expiry line as printed, <c>MM/YY</c>.</summary>
        public string Expiry { get; init; } = string.Empty;

        /// <summary>The same expiry as the module reports it, <c>MM/yyyy</c>.</summary>
        public string ValidThru { get; init; } = string.Empty;

        /// <summary>The mark on the card: UnionPay, Visa, Mastercard, Amex or JCB.</summary>
        public string Network { get; init; } = string.Empty;

        /// <summary>The bank abbreviation printed on the card.</summary>
        public string BankCode { get; init; } = string.Empty;

        /// <summary>The encoded photo; empty when the card was only described.</summary>
        public byte[] Image { get; internal set; } = new byte[0];

        /// <summary><c>jpeg</c> or <c>png</c>.</summary>
        public string Format { get; internal set; } = "jpeg";

        /// <summary>Photo width in pixels.</summary>
        public int Width { get; internal set; }

        /// <summary>Photo height in pixels.</summary>
        public int Height { get; internal set; }

        /// <summary>The card's width in the photo as a fraction of the photo's width (before perspective).</summary>
        public double CardScale { get; init; }

        /// <summary>
        /// The corners of the card-number line in the photo (pixels, clockwise from the top-left of the first digit's
        /// cell, digit height only); empty when only described.
        /// </summary>
        public IReadOnlyList<CardPoint> NumberQuad { get; internal set; } = new CardPoint[0];

        /// <summary>A file name that says what the card is, without the number: e.g. <c>hard-0042-embossed-cn.jpg</c>.</summary>
        public string FileName =>
            $"{Level.ToString().ToLowerInvariant()}-{Index:D4}-{Style.ToString().ToLowerInvariant()}-{(Origin == CardOrigin.Chinese ? "cn" : "intl")}.{(Format == "png" ? "png" : "jpg")}";
    }
}
