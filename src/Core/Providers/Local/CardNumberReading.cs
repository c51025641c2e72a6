using System.Linq;

namespace BankcardOcr.Providers.Local
{
    /// <summary>A digit string read from one line, with what the card rules say about it.</summary>
    internal sealed class CardNumberReading
    {
        public CardNumberReading(string digits, float[] probabilities, bool wholeLine, bool isLuhnValid, bool matchesIssuer, bool issuerUnknown = false)
        {
            Digits = digits;
            Probabilities = probabilities;
            WholeLine = wholeLine;
            IsLuhnValid = isLuhnValid;
            MatchesIssuer = matchesIssuer;
            IssuerUnknown = issuerUnknown;
            MeanProbability = probabilities.Length == 0 ? 0 : probabilities.Average();
            MinProbability = probabilities.Length == 0 ? 0 : probabilities.Min();
        }

        public string Digits { get; }

        public float[] Probabilities { get; }

        /// <summary>Whether the digits are every group of their line (not a run of some groups).</summary>
        public bool WholeLine { get; }

        public bool IsLuhnValid { get; }

        /// <summary>A BIN-table row or a network range issues this prefix with this length.</summary>
        public bool MatchesIssuer { get; }

        /// <summary>
        /// No issuer list knows the prefix at any length: no BIN-table row, and no network range, or only one that
        /// allows this length. Such a number may be real (the BIN table is far from every bank's); a prefix that a row
        /// or range issues with another length is not unknown but a reading with a digit lost or added.
        /// </summary>
        public bool IssuerUnknown { get; }

        public float MeanProbability { get; }

        public float MinProbability { get; }

        public bool PassesChecks => IsLuhnValid && MatchesIssuer;

        /// <summary>What the rules found, for NoCardFound messages: e.g. "19 digits, Luhn fails".</summary>
        public string Describe()
        {
            var problem = Digits.Length < CardNumberChooser.ShortestNumber || Digits.Length > CardNumberChooser.LongestNumber
                ? "not a card number's length"
                : !IsLuhnValid ? "Luhn fails"
                : IssuerUnknown && !WholeLine ? "no issuer list knows that prefix, and it is only part of its line"
                : IssuerUnknown ? "no issuer list knows that prefix, and not every digit is sure"
                : !MatchesIssuer ? "no issuer uses that prefix with that length" : "digits uncertain";
            return $"{Digits.Length} digits, {problem}";
        }
    }
}
