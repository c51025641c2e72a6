using System;
using System.Collections.Generic;
using System.IO;

namespace BankcardOcr.CardSynth
{
    /// <summary>Where a synthetic card's number comes from.</summary>
    public enum CardOrigin
    {
        /// <summary>A Chinese bank: a prefix and length from the module's BIN table.</summary>
        Chinese,

        /// <summary>Visa, Mastercard, American Express or JCB.</summary>
        International,
    }

    /// <summary>An issuer prefix with the number length it is issued with.</summary>
    internal sealed class Issuer
    {
        public Issuer(string prefix, int length, string bankCode, string network)
        {
            Prefix = prefix;
            Length = length;
            BankCode = bankCode;
            Network = network;
        }

        public string Prefix { get; }

        public int Length { get; }

        /// <summary>The bank abbreviation printed on the card (e.g. <c>ICBC</c>); the network name for international cards.</summary>
        public string BankCode { get; }

        /// <summary><c>UnionPay</c>, <c>Visa</c>, <c>Mastercard</c>, <c>Amex</c> or <c>JCB</c>: which mark the card carries.</summary>
        public string Network { get; }
    }

    /// <summary>Picks issuers: rows of the Chinese BIN table, or international prefixes from the networks' published IIN ranges.</summary>
    internal static class CardIssuers
    {
        private static readonly Lazy<IReadOnlyList<Issuer>> Chinese = new Lazy<IReadOnlyList<Issuer>>(LoadChinese);

        // Banks printed on international cards: Latin names only, since the embedded OCR-B has no CJK glyphs.
        private static readonly string[] WesternBanks = { "CITI", "HSBC", "CHASE", "BARCLAYS", "SANTANDER", "MIZUHO", "DBS" };

        /// <summary>Number of Chinese BIN rows the generator draws from.</summary>
        public static int ChineseCount => Chinese.Value.Count;

        public static Issuer Pick(CardRandom rng, CardOrigin origin)
        {
            if (origin == CardOrigin.Chinese)
            {
                return rng.Pick(Chinese.Value);
            }

            var bank = rng.Pick(WesternBanks);
            // IIN ranges from braintree/credit-card-type (MIT), src/lib/card-types.ts: Visa 4 (16 or 19 digits),
            // Mastercard 51–55 and 2221–2720 (16), Amex 34/37 (15), JCB 3528–3589 (16).
            switch (rng.Next(4))
            {
                case 0:
                    return new Issuer("4", rng.Chance(0.1) ? 19 : 16, bank, "Visa");
                case 1:
                    var mastercard = rng.Chance(0.7) ? rng.Next(51, 56).ToString() : rng.Next(2221, 2721).ToString();
                    return new Issuer(mastercard, 16, bank, "Mastercard");
                case 2:
                    return new Issuer(rng.Chance(0.5) ? "34" : "37", 15, "AMEX", "Amex");
                default:
                    return new Issuer(rng.Next(3528, 3590).ToString(), 16, bank, "JCB");
            }
        }

        private static IReadOnlyList<Issuer> LoadChinese()
        {
            var rows = new List<Issuer>();
            using var stream = typeof(CardIssuers).Assembly.GetManifestResourceStream("CardSynth.bin.csv")
                ?? throw new InvalidOperationException("The embedded BIN table CardSynth.bin.csv is missing.");
            using var reader = new StreamReader(stream);
            reader.ReadLine(); // header: bin,bank,type,length
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                var cells = line.Split(',');
                if (cells.Length < 4 || !int.TryParse(cells[3], out var length) || length < 15 || length > 19)
                {
                    continue;
                }

                rows.Add(new Issuer(cells[0], length, cells[1], "UnionPay"));
            }

            return rows;
        }
    }
}
