using System;
using System.Collections.Generic;
using System.Linq;

namespace BankcardOcr.CardSynth
{
    /// <summary>
    /// What a caller wants on a card in place of what the seed picks: a given number (Luhn-valid or not, as on
    /// specimen cards) in given groups, a given expiry, none of either, and a photo turned as a scanner fed the card
    /// sideways or upside down stores it. The rest of the card (issuer artwork, style, holder, scene) stays the seed's.
    /// Every member left at its default keeps the seed's card, byte for byte.
    /// </summary>
    public sealed class CardPrint
    {
        /// <summary>A card with no number and no expiry: artwork, chip and holder only.</summary>
        public static CardPrint Blank { get; } = new CardPrint { Number = string.Empty, Expiry = string.Empty };

        /// <summary>The digits to print; null keeps the seed's number, empty prints none.</summary>
        public string? Number { get; init; }

        /// <summary>The group sizes of <see cref="Number"/>; null prints groups of four from the left.</summary>
        public IReadOnlyList<int>? Grouping { get; init; }

        /// <summary>The expiry as printed, <c>MM/YY</c>; null keeps the seed's, empty prints none.</summary>
        public string? Expiry { get; init; }

        /// <summary>Clockwise quarter turns of the whole photo (1: 90°, 2: 180°, 3: 270°).</summary>
        public int QuarterTurns { get; init; }
    }

    /// <content>Cards with a <see cref="CardPrint"/>.</content>
    public sealed partial class CardGenerator
    {
        /// <summary>
        /// Card <paramref name="index"/> of <paramref name="level"/> as <see cref="Generate"/> draws it, but with
        /// <paramref name="print"/> printed on it and its photo turned as it says; the truth describes what is printed.
        /// </summary>
        /// <param name="level">Clean, hard or worn.</param>
        /// <param name="index">The card's position in the set, from 0.</param>
        /// <param name="print">What to print instead of the seed's choice.</param>
        /// <param name="style">Flat or embossed; null lets the seed choose.</param>
        /// <param name="origin">Chinese or international issuer artwork; null lets the seed choose.</param>
        /// <param name="png">PNG instead of JPEG.</param>
        public SyntheticCard Print(CardLevel level, int index, CardPrint print, PrintStyle? style = null, CardOrigin? origin = null, bool png = false)
        {
            var (rng, seeded, face, damage) = Plan(level, index, style, origin);
            var number = print.Number ?? seeded.Number;
            var grouping = print.Number == null ? seeded.Grouping : print.Grouping ?? Fours(number.Length);
            if (grouping.Sum() != number.Length || number.Any(c => c < '0' || c > '9'))
            {
                throw new ArgumentException($"The number must be digits only, in groups that add up to its length ({string.Join(",", grouping)}).", nameof(print));
            }

            var expiry = print.Expiry ?? seeded.Expiry;
            var card = new SyntheticCard
            {
                Seed = seeded.Seed,
                Index = index,
                Level = level,
                Style = seeded.Style,
                Origin = seeded.Origin,
                Number = number,
                PrintedNumber = CardNumberMaker.Group(number, grouping),
                Grouping = grouping,
                Expiry = expiry,
                ValidThru = expiry.Length == 5 ? $"{expiry.Substring(0, 3)}20{expiry.Substring(3)}" : string.Empty,
                Network = seeded.Network,
                BankCode = seeded.BankCode,
                CardScale = seeded.CardScale,
                Damage = seeded.Damage,
            };
            face = new CardFaceText(face.Issuer, card.PrintedNumber, expiry, face.Holder, face.Style);
            using var bitmap = CardFace.Render(rng, face, level, out var numberLine, damage);
            CardScene.Photograph(card, rng, bitmap, level, png, numberLine, print.QuarterTurns);
            return card;
        }

        private static int[] Fours(int length) => Enumerable.Range(0, (length + 3) / 4).Select(i => Math.Min(4, length - (i * 4))).ToArray();
    }
}
