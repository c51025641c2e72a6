using System.Collections.Generic;
using System.Linq;
using BankcardOcr.Cards;

namespace BankcardOcr
{
    /// <summary>Combines the card-number rules, the network ranges and the BIN table into one verdict.</summary>
    public static class CardNumberInspector
    {
        /// <summary>Inspects a card number given as the user typed it.</summary>
        /// <param name="input">Digits, optionally grouped with spaces or dashes.</param>
        /// <param name="info">The verdict, when the input is a well-formed number.</param>
        /// <param name="problem">Why the input is not a card number at all (never repeats the digits).</param>
        /// <returns>False when the input is not a 12–19 digit number; a malformed-but-checkable number returns true with <see cref="BankcardNumberInfo.IsValid"/> false.</returns>
        public static bool TryInspect(string? input, out BankcardNumberInfo info, out string problem)
        {
            info = new BankcardNumberInfo();
            if (!CardNumberRules.TryNormalize(input, out var digits, out problem))
            {
                return false;
            }

            info = Inspect(digits);
            return true;
        }

        /// <summary>Inspects a card number that is already digits only, 12 to 19 of them.</summary>
        /// <param name="digits">The normalised number.</param>
        public static BankcardNumberInfo Inspect(string digits)
        {
            var network = CardNetworkRules.Identify(digits);
            var coBrand = CardNetworkRules.CoBrandedNetwork(digits);
            var bin = BinTable.Lookup(digits);
            var luhn = CardNumberRules.IsLuhnValid(digits);

            var reasons = new List<string>();
            if (!luhn)
            {
                reasons.Add("the Luhn check digit is wrong");
            }

            // The BIN table lists each prefix with the length its bank issues; that is evidence enough for the
            // length, whatever the network's usual lengths.
            var binKnowsLength = bin != null && bin.Length == digits.Length;
            if (bin != null && !binKnowsLength)
            {
                // Lookup prefers a row of the number's own length, so this row is a match at another length only:
                // the bank issues this prefix with that many digits, and a number of another length is misread
                // (a dropped or doubled digit), however well its Luhn digit happens to fit.
                reasons.Add($"the BIN table lists prefix {bin.Prefix} ({bin.BankCode}) with {bin.Length} digits, not {digits.Length}");
            }
            else if (network == CardNetwork.Unknown)
            {
                if (!binKnowsLength)
                {
                    reasons.Add("no card network or BIN table entry matches the prefix at this length");
                }
            }
            else if (!binKnowsLength && !CardNetworkRules.IsValidLength(network, digits.Length))
            {
                var lengths = string.Join(", ", CardNetworkRules.LengthsOf(network).Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                reasons.Add($"{network} numbers have {lengths} digits, not {digits.Length}");
            }

            return new BankcardNumberInfo
            {
                CardNumber = digits,
                IsValid = reasons.Count == 0,
                IsLuhnValid = luhn,
                Length = digits.Length,
                Network = network.ToString(),
                CoBrandedNetwork = coBrand == CardNetwork.Unknown ? string.Empty : coBrand.ToString(),
                BankName = bin?.BankName ?? string.Empty,
                BankAbbreviation = bin?.BankCode ?? string.Empty,
                CardType = (bin?.CardType ?? CardType.Unknown).ToString(),
                Bin = bin?.Prefix ?? string.Empty,
                Reason = reasons.Count == 0 ? string.Empty : char.ToUpperInvariant(reasons[0][0]) + string.Join("; ", reasons).Substring(1) + ".",
            };
        }
    }
}
