using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace BankcardOcr.Providers.Local
{
    /// <summary>
    /// The card's "valid thru" date from the recognised lines: MM/YY (ISO/IEC 7813 cards print it so). A card may
    /// print a "valid from" date too; the later date is the expiry. A date no card could carry is a misreading and
    /// is dropped rather than returned: a month outside 01–12 (placeholders such as 00/00 or 88/88 on specimen cards),
    /// an expiry more than <see cref="LongestLifeYears"/> years ahead, or a "valid from" date in the future.
    /// </summary>
    internal static class ExpiryDate
    {
        /// <summary>
        /// The furthest ahead an expiry can be: bank cards are issued for at most about ten years (UnionPay debit cards
        /// commonly ten, credit cards three to five), so twenty leaves room for any scheme without admitting a "99".
        /// </summary>
        public const int LongestLifeYears = 20;

        // Not preceded or followed by a digit, so that "1234/5678" in a misread number is not a date.
        private static readonly Regex MonthYear = new Regex(@"(?<![0-9])(?<m>0[1-9]|1[0-2]) ?/ ?(?<y>[0-9]{2})(?![0-9])", RegexOptions.CultureInvariant);

        private static readonly Regex DigitGroup = new Regex("[0-9]+", RegexOptions.CultureInvariant);

        /// <summary>(ValidFrom, ValidThru) as MM/yyyy; empty strings when not readable or not plausible today.</summary>
        public static (string From, string Thru) Find(IEnumerable<RecognizedText> lines) => Find(lines, DateTime.UtcNow);

        /// <summary>(ValidFrom, ValidThru) as MM/yyyy, judged on <paramref name="today"/>; empty strings when not readable or not plausible.</summary>
        public static (string From, string Thru) Find(IEnumerable<RecognizedText> lines, DateTime today)
        {
            var latest = (today.Year + LongestLifeYears) * 100 + 12;
            var now = today.Year * 100 + today.Month;
            var dates = new List<int>();
            foreach (var line in lines)
            {
                foreach (Match m in MonthYear.Matches(line.Text))
                {
                    var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
                    var year = 2000 + int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
                    if (year * 100 + month <= latest)
                    {
                        dates.Add(year * 100 + month);
                    }
                }
            }

            if (dates.Count == 0)
            {
                return (string.Empty, string.Empty);
            }

            dates.Sort();
            var thru = Format(dates[dates.Count - 1]);

            // A card cannot have been valid from a month still to come.
            var from = dates.Count > 1 && dates[0] != dates[dates.Count - 1] && dates[0] <= now ? Format(dates[0]) : string.Empty;
            return (from, thru);
        }

        /// <summary>
        /// <paramref name="first"/> with only the dates that something backs: a date's four digits read at least
        /// <paramref name="sureDigit"/> each, or the card-digit model's reading of the same line (<paramref name="second"/>)
        /// holding them as one group, MMYY or MM?YY (that model has no slash and reads one as a digit or nothing). A date
        /// has no check digit and the plausibility rules pass most misread years, so an unsure digit needs the other
        /// reader's backing as a number's digits do. An unbacked date loses its slash, so no date rule reads it; the rest
        /// of the line is left as it was read. <paramref name="first"/> itself when every date it holds is backed.
        /// </summary>
        /// <param name="first">The first reader's reading, whose dates are judged.</param>
        /// <param name="second">The card-digit model's reading of the same box; null when there is none.</param>
        /// <param name="sureDigit">The weakest digit a date stands on alone; 0 keeps every date.</param>
        public static RecognizedText Backed(RecognizedText first, RecognizedText? second, float sureDigit) =>
            BackedByAny(first, new[] { second }, sureDigit);

        /// <summary>
        /// <paramref name="first"/> with only the dates read surely or held by any of <paramref name="seconds"/>, the
        /// card-digit model's readings of the same line from one crop or several (<see cref="Backed(RecognizedText, RecognizedText?, float)"/>).
        /// </summary>
        public static RecognizedText BackedByAny(RecognizedText first, IEnumerable<RecognizedText?> seconds, float sureDigit)
        {
            if (first is null)
            {
                throw new ArgumentNullException(nameof(first));
            }

            char[]? text = null;
            foreach (Match m in MonthYear.Matches(first.Text))
            {
                if (Weakest(first, m) >= sureDigit || seconds.Any(second => BacksDate(second, m.Groups["m"].Value, m.Groups["y"].Value)))
                {
                    continue;
                }

                text ??= first.Text.ToCharArray();
                for (var i = m.Groups["m"].Index + m.Groups["m"].Length; i < m.Groups["y"].Index; i++)
                {
                    text[i] = text[i] == '/' ? ' ' : text[i];
                }
            }

            return text is null ? first : new RecognizedText(new string(text), first.Probabilities);
        }

        /// <summary>Whether a digit group of <paramref name="reading"/> is <paramref name="month"/> and <paramref name="year"/>, with or without one digit between.</summary>
        private static bool BacksDate(RecognizedText? reading, string month, string year)
        {
            if (reading is null)
            {
                return false;
            }

            foreach (Match group in DigitGroup.Matches(reading.Text))
            {
                var g = group.Value;
                if ((g.Length == 4 || g.Length == 5) && g.StartsWith(month, StringComparison.Ordinal) && g.EndsWith(year, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The weakest of a month/year match's four digits in <paramref name="line"/>.</summary>
        private static float Weakest(RecognizedText line, Match match)
        {
            var weakest = 1f;
            foreach (var group in new[] { match.Groups["m"], match.Groups["y"] })
            {
                for (var i = group.Index; i < group.Index + group.Length; i++)
                {
                    weakest = Math.Min(weakest, line.Probabilities[i]);
                }
            }

            return weakest;
        }

        /// <summary>
        /// How surely <paramref name="thru"/> (MM/yyyy, as <see cref="Find(IEnumerable{RecognizedText})"/> gives it) was
        /// read: over the readings in <paramref name="lines"/> that hold it, the best of their weakest MM/YY digit; 0 when
        /// none holds it.
        /// </summary>
        public static float Certainty(IEnumerable<RecognizedText> lines, string thru)
        {
            float best = 0;
            if (thru.Length != 7)
            {
                return best;
            }

            foreach (var line in lines)
            {
                foreach (Match m in MonthYear.Matches(line.Text))
                {
                    if (m.Groups["m"].Value != thru.Substring(0, 2) || m.Groups["y"].Value != thru.Substring(5, 2))
                    {
                        continue;
                    }

                    best = Math.Max(best, Weakest(line, m));
                }
            }

            return best;
        }

        /// <summary>Whether every digit of <paramref name="text"/> belongs to a month/year (a date line, not part of a number).</summary>
        public static bool IsOnlyDates(string text)
        {
            var rest = MonthYear.Replace(text, string.Empty);
            return rest.Length < text.Length && !Regex.IsMatch(rest, "[0-9]");
        }

        private static string Format(int yearMonth) =>
            (yearMonth % 100).ToString("00", CultureInfo.InvariantCulture) + "/" + (yearMonth / 100).ToString(CultureInfo.InvariantCulture);
    }
}
