using System.Globalization;
using System.Text;

namespace BankcardOcr.Cards
{
    /// <summary>
    /// Offline rules for primary account numbers: normalisation of user input, the Luhn check (ISO/IEC 7812-1
    /// annex B) and the length limits of ISO/IEC 7812 (a PAN has at most 19 digits; 12 is the shortest in use).
    /// </summary>
    public static class CardNumberRules
    {
        /// <summary>The shortest card number accepted.</summary>
        public const int MinimumLength = 12;

        /// <summary>The longest card number accepted (ISO/IEC 7812).</summary>
        public const int MaximumLength = 19;

        /// <summary>
        /// Turns user input into bare ASCII digits. Digits may be written in any script's decimal digits (Unicode category
        /// Nd: full-width <c>６</c>, Arabic-Indic <c>٦</c>, Devanagari <c>६</c>, …), grouped by spaces of any width, tabs
        /// and dashes, with invisible format marks (a right-to-left mark beside Arabic-Indic digits) ignored; anything
        /// else is refused with a reason that never repeats the digits.
        /// </summary>
        /// <param name="input">The text as the user gave it.</param>
        /// <param name="digits">The digits alone, as ASCII, when the input is acceptable.</param>
        /// <param name="problem">Why the input was refused; it names positions and characters, not digits.</param>
        /// <returns>Whether the input is a well-formed card number.</returns>
        public static bool TryNormalize(string? input, out string digits, out string problem)
        {
            digits = string.Empty;
            if (input is null || input.Trim().Length == 0)
            {
                problem = "The card number is empty.";
                return false;
            }

            var builder = new StringBuilder(input.Length);
            var position = 0;
            for (var i = 0; i < input.Length; i += Width(input, i))
            {
                position++;
                if (TryReadDigit(input, i, out var digit))
                {
                    builder.Append((char)('0' + digit));
                }
                else if (input[i] == '*')
                {
                    problem = "The card number is masked (it contains '*'); pass the full number, for example a result recognised without -MaskCardNumber.";
                    return false;
                }
                else if (!IsSeparator(input, i))
                {
                    problem = $"The card number contains {Describe(input, i)} at position {position}; only digits, spaces and dashes are allowed.";
                    return false;
                }
            }

            if (builder.Length < MinimumLength || builder.Length > MaximumLength)
            {
                problem = $"The card number has {builder.Length} digits; card numbers have {MinimumLength} to {MaximumLength}.";
                return false;
            }

            digits = builder.ToString();
            problem = string.Empty;
            return true;
        }

        /// <summary>Whether the character (or surrogate pair) at <paramref name="index"/> is a decimal digit of any script, and its value.</summary>
        internal static bool TryReadDigit(string text, int index, out int value)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(text, index) == UnicodeCategory.DecimalDigitNumber)
            {
                value = (int)CharUnicodeInfo.GetNumericValue(text, index);
                return value >= 0 && value <= 9;
            }

            value = -1;
            return false;
        }

        /// <summary>
        /// Whether the character at <paramref name="index"/> may stand between digit groups: a space of any width
        /// (Unicode Zs: the no-break, ideographic and thin spaces included), a tab, a dash (Pd: the hyphen, en and em
        /// dashes, the full-width hyphen-minus) or the minus sign, or an invisible format mark (Cf: zero-width space,
        /// left-to-right and right-to-left marks).
        /// </summary>
        internal static bool IsSeparator(string text, int index)
        {
            var c = text[index];
            if (c == '\t' || c == '\u2212')
            {
                return true;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(text, index);
            return category == UnicodeCategory.SpaceSeparator || category == UnicodeCategory.DashPunctuation || category == UnicodeCategory.Format;
        }

        /// <summary>How many UTF-16 units the character at <paramref name="index"/> takes: 2 for a surrogate pair.</summary>
        internal static int Width(string text, int index) => char.IsSurrogatePair(text, index) ? 2 : 1;

        /// <summary>The Luhn (mod 10) check over a string of digits.</summary>
        /// <param name="digits">Digits only; any other character makes the check fail.</param>
        public static bool IsLuhnValid(string? digits)
        {
            if (string.IsNullOrEmpty(digits))
            {
                return false;
            }

            var sum = 0;
            var doubleIt = false;
            for (var i = digits!.Length - 1; i >= 0; i--)
            {
                var d = digits[i] - '0';
                if (d < 0 || d > 9)
                {
                    return false;
                }

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

            return sum % 10 == 0;
        }

        private static string Describe(string text, int index)
        {
            var c = text[index];
            if (char.IsSurrogate(c) && !char.IsSurrogatePair(text, index))
            {
                return $"a lone surrogate U+{(int)c:X4}";
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(text, index) == UnicodeCategory.OtherNotAssigned)
            {
                return $"the character U+{char.ConvertToUtf32(text, index):X4}";
            }

            // A letter or symbol is safe to echo: it is not part of the number.
            return $"'{text.Substring(index, Width(text, index))}'";
        }

        /// <summary>The first <paramref name="length"/> digits as a number, or -1 when the text is shorter.</summary>
        internal static long PrefixValue(string digits, int length)
        {
            if (digits.Length < length)
            {
                return -1;
            }

            var value = 0L;
            for (var i = 0; i < length; i++)
            {
                value = (value * 10) + (digits[i] - '0');
            }

            return value;
        }

        internal static bool IsAsciiDigits(string text)
        {
            foreach (var c in text)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return text.Length > 0;
        }
    }
}
