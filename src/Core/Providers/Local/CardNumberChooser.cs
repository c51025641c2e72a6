using System;
using System.Collections.Generic;
using System.Linq;
using BankcardOcr.Cards;

namespace BankcardOcr.Providers.Local
{
    /// <summary>
    /// Card rules over the recognised lines: a card number is 15–19 digits that pass Luhn and whose prefix an issuer
    /// uses with that length (the Chinese BIN table, or the international networks' ranges); the most certain such
    /// reading wins, and none at all means "no card" rather than a guess. A reading can also be the digits of some
    /// consecutive groups of a line, since a logo or a stray mark on the number's line adds a group of its own.
    /// </summary>
    internal static class CardNumberChooser
    {
        public const int ShortestNumber = 15;
        public const int LongestNumber = 19;

        /// <summary>
        /// The weakest digit a verified reading may hold. Luhn lets through one substituted digit in ten and a
        /// network prefix check is weak for Visa ("4…"), so a reading with a digit the model barely believed is not
        /// reported as verified (docs/accuracy.md, "Measured outside the project": a Luhn- and prefix-valid misread on
        /// a specimen card).
        /// </summary>
        public const float MinimumDigitProbability = 0.5f;

        /// <summary>
        /// The weakest digit a whole-line reading whose prefix no issuer list knows (<see cref="CardNumberReading.IssuerUnknown"/>)
        /// may hold to be verified on Luhn alone. The BIN table lists a fraction of the banks that issue cards, so
        /// without this tier a sharply read, Luhn-valid number from an unlisted bank is never returned; with it, such a
        /// number must be read far more surely than the 0.5 a vouched prefix needs, since nothing but Luhn checks it.
        /// A single misread digit always fails Luhn, so a misread that passes needs two sure wrong digits or a digit
        /// lost or added (whose length a known prefix would contradict). Chosen on synthetic cards
        /// (docs/accuracy.md, "Unlisted issuers").
        /// </summary>
        public const float UnknownIssuerMinimumDigitProbability = 0.9f;

        /// <summary>Networks whose lengths are strict enough to vouch for a number without a BIN-table row.</summary>
        private static readonly CardNetwork[] VouchingNetworks =
        {
            CardNetwork.Visa, CardNetwork.Mastercard, CardNetwork.Amex, CardNetwork.JCB, CardNetwork.Discover, CardNetwork.DinersClub,
        };

        /// <summary>Every reading of 15–19 digits the lines hold: whole lines and runs of consecutive groups.</summary>
        public static List<CardNumberReading> Candidates(IEnumerable<RecognizedText> lines)
        {
            var found = new List<CardNumberReading>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in lines)
            {
                var groups = Groups(line);
                for (var first = 0; first < groups.Count; first++)
                {
                    var digits = string.Empty;
                    var probabilities = new List<float>();
                    for (var last = first; last < groups.Count; last++)
                    {
                        digits += groups[last].Digits;
                        probabilities.AddRange(groups[last].Probabilities);
                        if (digits.Length > LongestNumber)
                        {
                            break;
                        }

                        if (digits.Length >= ShortestNumber && seen.Add(digits))
                        {
                            found.Add(Judge(digits, probabilities.ToArray(), wholeLine: first == 0 && last == groups.Count - 1));
                        }
                    }
                }
            }

            return found;
        }

        /// <summary>
        /// The reading to report, or null to abstain. A whole line that passes beats any run of groups: dropping a
        /// weak leading group can leave a run that passes too (a 19-digit UnionPay number without its "6224" read as
        /// a 15-digit "34…" Amex number, seen on a synthetic card) and is more certain only because the weak digits
        /// are gone.
        /// </summary>
        public static CardNumberReading? Choose(IReadOnlyList<CardNumberReading> candidates) =>
            candidates.Where(Verified)
                .OrderByDescending(c => c.WholeLine)
                .ThenByDescending(c => c.MatchesIssuer)
                .ThenByDescending(c => c.MeanProbability)
                .FirstOrDefault();

        /// <summary>
        /// Whether <paramref name="reading"/> may be reported as a card number: Luhn, and either an issuer's prefix and
        /// length with no digit under <see cref="MinimumDigitProbability"/>, or, for a prefix no issuer list knows, the
        /// whole line with no digit under <see cref="UnknownIssuerMinimumDigitProbability"/>.
        /// </summary>
        public static bool Verified(CardNumberReading reading) =>
            reading.IsLuhnValid && (reading.MatchesIssuer
                ? reading.MinProbability >= MinimumDigitProbability
                : reading.IssuerUnknown && reading.WholeLine && reading.MinProbability >= UnknownIssuerMinimumDigitProbability);

        /// <summary>
        /// The best reading that failed the checks, for -IncludeUnverified and the NoCardFound message: a prefix and
        /// length an issuer uses first (a specimen card's "4000 1234 5678 9010" rather than the same line with a
        /// stray group after it), then whole lines (a specimen card's number is its own line), then the most certain.
        /// </summary>
        public static CardNumberReading? BestUnverified(IReadOnlyList<CardNumberReading> candidates) =>
            candidates.OrderByDescending(c => c.MatchesIssuer)
                .ThenByDescending(c => c.WholeLine)
                .ThenByDescending(c => c.MeanProbability)
                .FirstOrDefault();

        /// <summary>
        /// When no line held 15–19 digits: the line with the most digits that is not just a date (a 20-digit line, a
        /// 7-digit fragment), as one digit string, for -IncludeUnverified; null when no such digit was read.
        /// </summary>
        public static CardNumberReading? BestFragment(IEnumerable<RecognizedText> lines)
        {
            CardNumberReading? best = null;
            foreach (var line in lines)
            {
                if (ExpiryDate.IsOnlyDates(line.Text))
                {
                    continue;
                }

                var digits = new System.Text.StringBuilder();
                var probabilities = new List<float>();
                for (var i = 0; i < line.Text.Length; i++)
                {
                    if (line.Text[i] >= '0' && line.Text[i] <= '9')
                    {
                        digits.Append(line.Text[i]);
                        probabilities.Add(line.Probabilities[i]);
                    }
                }

                if (digits.Length == 0)
                {
                    continue;
                }

                var reading = Judge(digits.ToString(), probabilities.ToArray(), wholeLine: true);
                if (best is null || reading.Digits.Length > best.Digits.Length
                    || (reading.Digits.Length == best.Digits.Length && reading.MeanProbability > best.MeanProbability))
                {
                    best = reading;
                }
            }

            return best;
        }

        /// <summary>Applies the number rules to one digit string.</summary>
        public static CardNumberReading Judge(string digits, float[] probabilities, bool wholeLine)
        {
            var luhn = CardNumberRules.IsLuhnValid(digits);
            return new CardNumberReading(digits, probabilities, wholeLine, luhn, MatchesIssuer(digits), IssuerUnknown(digits));
        }

        /// <summary>No BIN-table row for the prefix at any length, and no network range that rules this length out.</summary>
        public static bool IssuerUnknown(string digits)
        {
            if (BinTable.Lookup(digits) != null)
            {
                return false;
            }

            var network = CardNetworkRules.Identify(digits);
            return network == CardNetwork.Unknown || CardNetworkRules.IsValidLength(network, digits.Length);
        }

        /// <summary>A BIN-table row with this exact length, or a vouching network's range with this length.</summary>
        public static bool MatchesIssuer(string digits)
        {
            var bin = BinTable.Lookup(digits);
            if (bin != null && bin.Length == digits.Length && digits.StartsWith(bin.Prefix, StringComparison.Ordinal))
            {
                return true;
            }

            var network = CardNetworkRules.Identify(digits);
            return Array.IndexOf(VouchingNetworks, network) >= 0 && CardNetworkRules.IsValidLength(network, digits.Length);
        }

        /// <summary>The digit groups of a line, split at spaces and slashes.</summary>
        private static List<(string Digits, float[] Probabilities)> Groups(RecognizedText line)
        {
            var groups = new List<(string, float[])>();
            var start = -1;
            for (var i = 0; i <= line.Text.Length; i++)
            {
                var isDigit = i < line.Text.Length && line.Text[i] >= '0' && line.Text[i] <= '9';
                if (isDigit && start < 0)
                {
                    start = i;
                }
                else if (!isDigit && start >= 0)
                {
                    var probabilities = new float[i - start];
                    Array.Copy(line.Probabilities, start, probabilities, 0, probabilities.Length);
                    groups.Add((line.Text.Substring(start, i - start), probabilities));
                    start = -1;
                }
            }

            return groups;
        }
    }
}
