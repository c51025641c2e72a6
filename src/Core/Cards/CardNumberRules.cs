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
        /// Turns user input into bare digits. Spaces and dashes between digit groups are accepted, as printed
        /// on cards and in spreadsheets; anything else is refused with a reason that never repeats the digits.
        /// </summary>
        /// <param name="input">The text as the user gave it.</param>
        /// <param name="digits">The digits alone, when the input is acceptable.</param>
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
            for (var i = 0; i < input.Length; i++)
            {
                var c = input[i];
                if (c >= '0' && c <= '9')
                {
                    builder.Append(c);
                }
                else if (c == '*')
                {
                    problem = "The card number is masked (it contains '*'); pass the full number, for example a result recognised without -MaskCardNumber.";
                    return false;
                }
                else if (c != ' ' && c != '-' && c != '\t')
                {
                    problem = $"The card number contains {Describe(c)} at position {i + 1}; only digits, spaces and dashes are allowed.";
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

        private static string Describe(char c)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return $"the character U+{(int)c:X4}";
            }

            // A letter or symbol is safe to echo: it is not part of the number.
            return $"'{c}'";
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
