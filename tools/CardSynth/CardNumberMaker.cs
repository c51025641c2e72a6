using System;
using System.Collections.Generic;
using System.Text;

namespace BankcardOcr.CardSynth
{
    /// <summary>Luhn-valid numbers on an issuer's prefix, and the digit groups banks print them in.</summary>
    internal static class CardNumberMaker
    {
        public static string Make(CardRandom rng, Issuer issuer)
        {
            var body = new StringBuilder(issuer.Prefix, issuer.Length);
            while (body.Length < issuer.Length - 1)
            {
                body.Append((char)('0' + rng.Next(10)));
            }

            body.Append((char)('0' + CheckDigit(body.ToString())));
            return body.ToString();
        }

        /// <summary>The digit that makes <paramref name="payload"/> + digit pass Luhn.</summary>
        public static int CheckDigit(string payload)
        {
            var sum = 0;
            // The check digit will sit at the right, so the payload's last digit is the first one doubled.
            var doubleIt = true;
            for (var i = payload.Length - 1; i >= 0; i--)
            {
                var d = payload[i] - '0';
                if (doubleIt)
                {
                    d *= 2;
                    if (d > 9)
                    {
                        d -= 9;
                    }
                }

                sum += d;
                doubleIt = !doubleIt;
            }

            return (10 - (sum % 10)) % 10;
        }

        /// <summary>
        /// Groupings seen on real cards: 4-4-4-4, 4-6-5 (Amex), and for the longer Chinese numbers either fours with
        /// a short tail (4-4-4-4-3) or a 6-digit BIN block and the rest (6-13, the UnionPay display form).
        /// </summary>
        public static IReadOnlyList<int> PickGrouping(CardRandom rng, int length, string network)
        {
            switch (length)
            {
                case 15:
                    return new[] { 4, 6, 5 };
                case 16:
                    return new[] { 4, 4, 4, 4 };
                case 17:
                    return rng.Chance(0.5) ? new[] { 4, 4, 4, 5 } : new[] { 6, 11 };
                case 18:
                    return rng.Chance(0.5) ? new[] { 4, 4, 4, 6 } : new[] { 6, 12 };
                case 19:
                    return network == "UnionPay" && rng.Chance(0.35) ? new[] { 6, 13 } : new[] { 4, 4, 4, 4, 3 };
                default:
                    throw new ArgumentOutOfRangeException(nameof(length), length, "Card numbers here have 15 to 19 digits.");
            }
        }

        public static string Group(string number, IReadOnlyList<int> grouping)
        {
            var text = new StringBuilder();
            var at = 0;
            foreach (var size in grouping)
            {
                if (text.Length > 0)
                {
                    text.Append(' ');
                }

                text.Append(number, at, size);
                at += size;
            }

            return text.ToString();
        }
    }
}
