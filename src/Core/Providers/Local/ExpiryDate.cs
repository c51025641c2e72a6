using System;
using System.Collections.Generic;
using System.Globalization;
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
