using System.Collections.Generic;

namespace BankcardOcr.Cards
{
    /// <summary>
    /// Issuer identification number (IIN) ranges and lengths of the networks BankcardOcr names. Ranges
    /// follow the networks' published IIN allocations as collected in ISO/IEC 7812 registers:
    /// Visa 4 (13, 16, 19 digits); Mastercard 51–55 and 2221–2720 (16); American Express 34, 37 (15);
    /// JCB 3528–3589 (16–19); Discover 6011, 644–649, 65 (16–19); Diners Club International 300–305,
    /// 3095, 36, 38–39 (14–19); China UnionPay 62 and 81 (16–19).
    /// </summary>
    public static class CardNetworkRules
    {
        private static readonly IinRange[] Ranges =
        {
            new IinRange(1, 4, 4, CardNetwork.Visa, 13, 16, 19),
            new IinRange(2, 51, 55, CardNetwork.Mastercard, 16),
            new IinRange(4, 2221, 2720, CardNetwork.Mastercard, 16),
            new IinRange(2, 34, 34, CardNetwork.Amex, 15),
            new IinRange(2, 37, 37, CardNetwork.Amex, 15),
            new IinRange(4, 3528, 3589, CardNetwork.JCB, Span(16, 19)),
            new IinRange(4, 6011, 6011, CardNetwork.Discover, Span(16, 19)),
            new IinRange(3, 644, 649, CardNetwork.Discover, Span(16, 19)),
            new IinRange(2, 65, 65, CardNetwork.Discover, Span(16, 19)),
            new IinRange(3, 300, 305, CardNetwork.DinersClub, Span(14, 19)),
            new IinRange(4, 3095, 3095, CardNetwork.DinersClub, Span(14, 19)),
            new IinRange(2, 36, 36, CardNetwork.DinersClub, Span(14, 19)),
            new IinRange(2, 38, 39, CardNetwork.DinersClub, Span(14, 19)),
            new IinRange(2, 62, 62, CardNetwork.UnionPay, Span(16, 19)),
            new IinRange(2, 81, 81, CardNetwork.UnionPay, Span(16, 19)),
        };

        /// <summary>Tells the network of a card number from its leading digits.</summary>
        /// <param name="digits">The card number, digits only.</param>
        public static CardNetwork Identify(string digits)
        {
            foreach (var range in Ranges)
            {
                if (range.Contains(digits))
                {
                    return range.Network;
                }
            }

            return CardNetwork.Unknown;
        }

        /// <summary>
        /// The second network of a co-branded range. UnionPay cards with IINs 622126–622925 are also
        /// accepted on the Discover network (the two networks' 2005 reciprocal agreement), so Discover lists
        /// that range as its own; the card is still a UnionPay card issued by a Chinese bank.
        /// </summary>
        /// <param name="digits">The card number, digits only.</param>
        /// <returns>The co-branded network, or <see cref="CardNetwork.Unknown"/> when there is none.</returns>
        public static CardNetwork CoBrandedNetwork(string digits)
        {
            var iin = CardNumberRules.PrefixValue(digits, 6);
            return iin >= 622126 && iin <= 622925 ? CardNetwork.Discover : CardNetwork.Unknown;
        }

        /// <summary>Whether a card number of this length can belong to the network.</summary>
        /// <param name="network">The network; for <see cref="CardNetwork.Unknown"/> any length from 12 to 19 fits.</param>
        /// <param name="length">The number of digits.</param>
        public static bool IsValidLength(CardNetwork network, int length)
        {
            if (network == CardNetwork.Unknown)
            {
                return length >= CardNumberRules.MinimumLength && length <= CardNumberRules.MaximumLength;
            }

            foreach (var range in Ranges)
            {
                if (range.Network == network && range.Lengths.Contains(length))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The lengths a network issues, for messages such as "Amex numbers have 15 digits".</summary>
        /// <param name="network">A known network.</param>
        public static IReadOnlyCollection<int> LengthsOf(CardNetwork network)
        {
            var lengths = new SortedSet<int>();
            foreach (var range in Ranges)
            {
                if (range.Network == network)
                {
                    lengths.UnionWith(range.Lengths);
                }
            }

            return lengths;
        }

        private static int[] Span(int from, int to)
        {
            var lengths = new int[to - from + 1];
            for (var i = 0; i < lengths.Length; i++)
            {
                lengths[i] = from + i;
            }

            return lengths;
        }

        private sealed class IinRange
        {
            public IinRange(int prefixLength, int low, int high, CardNetwork network, params int[] lengths)
            {
                PrefixLength = prefixLength;
                Low = low;
                High = high;
                Network = network;
                Lengths = new HashSet<int>(lengths);
            }

            public int PrefixLength { get; }

            public int Low { get; }

            public int High { get; }

            public CardNetwork Network { get; }

            public HashSet<int> Lengths { get; }

            public bool Contains(string digits)
            {
                var prefix = CardNumberRules.PrefixValue(digits, PrefixLength);
                return prefix >= Low && prefix <= High;
            }
        }
    }
}
