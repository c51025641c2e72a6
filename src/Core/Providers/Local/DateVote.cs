using System;
using System.Collections.Generic;
using System.Linq;

namespace BankcardOcr.Providers.Local
{
    /// <summary>
    /// A second look at the expiry date once the number is verified and no line read held one. The date is printed
    /// smaller than the number and its slash is easily lost or read as a 1 or a 7 ("07/33" as "/33", "12733"), so a
    /// line with a few digits is read again from slightly different crops (<see cref="LineVote.Crops"/>), and a date
    /// counts only when a strict majority of all the readings, the first included, give the same plausible MM/YY
    /// (<see cref="ExpiryDate"/>'s rules): one lucky crop never decides. The cascade asks the card-digit model to back
    /// a date only three of five gave, as it does for a date read unsurely.
    /// </summary>
    internal static class DateVote
    {
        /// <summary>Fewest digits a line read as a date can hold (a date with a digit or two lost).</summary>
        public const int FewestDigits = 2;

        /// <summary>Most digits a date line can be read with (MM/YY, a slash read as a digit, a stray mark).</summary>
        public const int MostDigits = 6;

        /// <summary>
        /// Indices of the readings worth a date vote, at most <paramref name="count"/>: 2–6 digits, those with a slash
        /// first (a date's own mark), then those nearest four digits, then the more certain; none that
        /// <paramref name="excluded"/> names.
        /// </summary>
        public static List<int> Worth(IReadOnlyList<RecognizedText> readings, int count, Func<int, bool>? excluded = null) =>
            Enumerable.Range(0, readings.Count)
                .Where(i => Digits(readings[i].Text) is var d && d >= FewestDigits && d <= MostDigits && !(excluded?.Invoke(i) ?? false))
                .OrderByDescending(i => readings[i].Text.IndexOf('/') >= 0)
                .ThenBy(i => Math.Abs(Digits(readings[i].Text) - 4))
                .ThenByDescending(i => readings[i].Probabilities.DefaultIfEmpty(0).Average())
                .Take(count)
                .ToList();

        /// <summary>
        /// The date a strict majority of <paramref name="readings"/> (one line read from several crops) give, or at
        /// least <paramref name="fewest"/> of them when that is more, as an "MM/YY" reading whose probabilities are the
        /// share of readings that gave it; null when no date has that many.
        /// </summary>
        public static RecognizedText? Fuse(IReadOnlyList<RecognizedText> readings, int fewest = 0)
        {
            var winner = readings.Select(r => ExpiryDate.Find(new[] { r }).Thru)
                .Where(thru => thru.Length > 0)
                .GroupBy(thru => thru)
                .OrderByDescending(g => g.Count())
                .FirstOrDefault();
            if (winner is null || 2 * winner.Count() <= readings.Count || winner.Count() < fewest)
            {
                return null;
            }

            // MM/yyyy back to the MM/YY a card prints, so that ExpiryDate reads it like any other line.
            var text = winner.Key.Substring(0, 3) + winner.Key.Substring(5, 2);
            var share = (float)winner.Count() / readings.Count;
            return new RecognizedText(text, Enumerable.Repeat(share, text.Length).ToArray());
        }

        private static int Digits(string text) => text.Count(c => c >= '0' && c <= '9');
    }
}
