using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BankcardOcr.Cards;

namespace BankcardOcr.Cloud
{
    /// <summary>Turns the text fields providers return into the result's normalised forms.</summary>
    public static class CardFields
    {
        // 中国银行(01040000), also with full-width parentheses （）.
        private static readonly Regex BankWithCode = new Regex(@"^\s*(?<name>.*?)\s*[(（]\s*(?<code>[0-9A-Za-z]+)\s*[)）]\s*$", RegexOptions.CultureInvariant);
        private static readonly Regex MonthYear = new Regex(@"^\s*(?<m>\d{1,2})\s*[/\-.]\s*(?<y>\d{2}|\d{4})\s*$", RegexOptions.CultureInvariant);
        private static readonly Regex YearMonth = new Regex(@"^\s*(?<y>\d{4})\s*[/\-.年]\s*(?<m>\d{1,2})\s*月?\s*$", RegexOptions.CultureInvariant);

        /// <summary>
        /// A recognised card number without the group separators providers keep (spaces, full-width spaces,
        /// hyphens). Every other character stays, so that <see cref="BankcardOcr.Providers.ResultValidation"/> refuses
        /// <c>6222 8O00 …</c> instead of the number silently losing a misread digit.
        /// </summary>
        /// <param name="text">The provider's card-number text.</param>
        public static string Digits(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return string.Empty;
            }

            var digits = new StringBuilder(text!.Length);
            foreach (var c in text)
            {
                if (c != ' ' && c != '\u3000' && c != '\t' && c != '-')
                {
                    digits.Append(c);
                }
            }

            return digits.ToString();
        }

        /// <summary>Splits <c>中国银行(01040000)</c> into the bank name and its code; a name without code keeps an empty code.</summary>
        /// <param name="text">The provider's bank text.</param>
        public static (string Name, string Code) SplitBank(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return (string.Empty, string.Empty);
            }

            var match = BankWithCode.Match(text);
            return match.Success ? (match.Groups["name"].Value, match.Groups["code"].Value) : (text!.Trim(), string.Empty);
        }

        /// <summary>
        /// <c>MM/yyyy</c> from the forms providers use: <c>08/2008</c>, <c>12/20</c> (Huawei: two-digit years are
        /// 20xx), <c>2023/07</c>, <c>2023年07月</c>. Text in another form is kept as given rather than guessed at.
        /// </summary>
        /// <param name="text">The provider's date text.</param>
        public static string MonthYearText(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return string.Empty;
            }

            var match = MonthYear.Match(text);
            if (!match.Success)
            {
                match = YearMonth.Match(text);
            }

            if (!match.Success)
            {
                return text!.Trim();
            }

            var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
            var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
            if (month < 1 || month > 12)
            {
                return text!.Trim();
            }

            if (year < 100)
            {
                year += 2000;
            }

            return month.ToString("00", CultureInfo.InvariantCulture) + "/" + year.ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>The card type named by a provider's Chinese (or English) text.</summary>
        /// <param name="text">E.g. <c>借记卡</c>, <c>贷记卡</c>, <c>准贷记卡</c>, <c>预付费卡</c>.</param>
        public static CardType TypeFromText(string? text)
        {
            var t = (text ?? string.Empty).Trim();
            if (t.Length == 0)
            {
                return CardType.Unknown;
            }

            // 准贷记卡 contains 贷记卡, so the quasi-credit test comes first.
            if (t.Contains("准贷记") || t.IndexOf("quasi", System.StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return CardType.QuasiCredit;
            }

            if (t.Contains("贷记") || t.Contains("信用") || t.IndexOf("credit", System.StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return CardType.Credit;
            }

            if (t.Contains("借记") || t.Contains("储蓄") || t.IndexOf("debit", System.StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return CardType.Debit;
            }

            if (t.Contains("预付") || t.IndexOf("prepaid", System.StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return CardType.Prepaid;
            }

            return CardType.Unknown;
        }

        /// <summary>Appends <c>name=value</c> to a <c>;</c>-joined list.</summary>
        internal static void AppendPair(StringBuilder list, string name, string value)
        {
            if (list.Length > 0)
            {
                list.Append(';');
            }

            list.Append(name).Append('=').Append(value);
        }

        /// <summary>A confidence as invariant text with four decimals.</summary>
        internal static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
    }
}
