using System;
using System.Collections.Generic;
using SkiaSharp;

namespace BankcardOcr.CardSynth
{
    /// <summary>
    /// Generates synthetic bank-card photos with their ground truth. Card <c>i</c> of a level depends only on the set
    /// seed, the level and <c>i</c>: the same arguments give the same bytes, and a set can be generated in any order
    /// or in parallel.
    /// </summary>
    public sealed partial class CardGenerator
    {
        private static readonly string[] Holders =
        {
            "ZHANG WEI", "LI NA", "WANG FANG", "LIU YANG", "CHEN JIE", "ZHAO LEI", "JOHN SMITH", "MARIA GARCIA", "YUKI TANAKA", "AHMED KHAN",
        };

        /// <summary>
        /// The worn level's damage, tuned so that its failure profile resembles real photos' (docs/accuracy.md, "Synthetic
        /// worn level"): embossed numbers damaged more than the training lines' mix (artwork under most of them, tipping
        /// worn or missing), flat print less (real flat cards read nearly as well as clean ones).
        /// </summary>
        internal static readonly DamageMix WornMix = new DamageMix
        {
            PaleEmbossed = 0.2,
            PaleFlat = 0.08,
            ArtEmbossed = 0.85,
            ArtFlat = 0.25,
            Retipped = 0.7,
            PaleWorn = 0.7,
            HologramEmbossed = 0.35,
            HologramFlat = 0.05,
            Scratches = 0.2,
            Smudge = 0.05,
        };

        /// <summary>Creates a generator for one set.</summary>
        /// <param name="seed">The set's seed.</param>
        public CardGenerator(ulong seed) => SetSeed = seed;

        /// <summary>The set's seed.</summary>
        public ulong SetSeed { get; }

        /// <summary>Generates card <paramref name="index"/> of <paramref name="level"/>.</summary>
        /// <param name="level">Clean, hard or worn.</param>
        /// <param name="index">The card's position in the set, from 0.</param>
        /// <param name="style">Flat or embossed; null lets the seed choose (about half each; two thirds embossed on the worn level).</param>
        /// <param name="origin">Chinese or international; null lets the seed choose (about 70 % Chinese).</param>
        /// <param name="png">PNG instead of JPEG (no compression artefacts).</param>
        public SyntheticCard Generate(CardLevel level, int index, PrintStyle? style = null, CardOrigin? origin = null, bool png = false)
        {
            var (rng, card, face, damage) = Plan(level, index, style, origin);
            using var bitmap = CardFace.Render(rng, face, level, out var numberLine, damage);
            CardScene.Photograph(card, rng, bitmap, level, png, numberLine, quarterTurns: 0);
            return card;
        }

        /// <summary>
        /// The face of card <paramref name="index"/> alone, flat and unphotographed (the caller owns the bitmap), with
        /// <paramref name="damage"/> (or the worn level's own) drawn in and, when <paramref name="printed"/> is given, that number printed instead
        /// of the card's own; <paramref name="numberLine"/> receives where the number is on the face.
        /// </summary>
        internal SyntheticCard RenderFace(CardLevel level, int index, PrintStyle? style, CardOrigin? origin, FaceDamage? damage, string? printed, out SKBitmap face, out SKRect numberLine)
        {
            var (rng, card, text, planned) = Plan(level, index, style, origin);
            if (printed != null)
            {
                text = new CardFaceText(text.Issuer, printed, text.Expiry, text.Holder, text.Style);
            }

            face = CardFace.Render(rng, text, level, out numberLine, damage ?? planned);
            return card;
        }

        /// <summary>
        /// The ground truth of card <paramref name="index"/> without drawing it (no image): the same number, expiry,
        /// style and issuer that <see cref="Generate"/> gives for the same arguments, at a fraction of the cost.
        /// </summary>
        public SyntheticCard Describe(CardLevel level, int index, PrintStyle? style = null, CardOrigin? origin = null) =>
            Plan(level, index, style, origin).Card;

        private (CardRandom Rng, SyntheticCard Card, CardFaceText Face, FaceDamage? Damage) Plan(CardLevel level, int index, PrintStyle? style, CardOrigin? origin)
        {
            if (index < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, "The card index starts at 0.");
            }

            var seed = CardRandom.Mix(SetSeed, (ulong)level + 1, (ulong)index + 1);
            var rng = new CardRandom(seed);
            // Two thirds of the real photos measured show embossed numbers; the older levels keep their even split.
            var chosenStyle = style ?? (rng.Chance(level == CardLevel.Worn ? 0.67 : 0.5) ? PrintStyle.Embossed : PrintStyle.Flat);
            var chosenOrigin = origin ?? (rng.Chance(0.7) ? CardOrigin.Chinese : CardOrigin.International);

            var issuer = CardIssuers.Pick(rng, chosenOrigin);
            var number = CardNumberMaker.Make(rng, issuer);
            var grouping = CardNumberMaker.PickGrouping(rng, number.Length, issuer.Network);
            var printed = CardNumberMaker.Group(number, grouping);
            var month = rng.Next(1, 13);
            var year = rng.Next(27, 37);
            var expiry = $"{month:D2}/{year:D2}";
            var face = new CardFaceText(issuer, printed, expiry, rng.Pick(Holders), chosenStyle);
            var scale = CardScene.PickScale(rng, level);
            // Drawn last, so the other levels' cards draw what they always drew.
            var damageNames = new List<string>();
            var damage = level == CardLevel.Worn ? FaceDamages.Pick(rng, chosenStyle, damageNames, mix: WornMix) : null;
            var card = new SyntheticCard
            {
                Seed = seed,
                Index = index,
                Level = level,
                Style = chosenStyle,
                Origin = chosenOrigin,
                Number = number,
                PrintedNumber = printed,
                Grouping = grouping,
                Expiry = expiry,
                ValidThru = $"{month:D2}/20{year:D2}",
                Network = issuer.Network,
                BankCode = issuer.BankCode,
                CardScale = scale,
                Damage = damageNames,
            };
            return (rng, card, face, damage);
        }
    }
}
