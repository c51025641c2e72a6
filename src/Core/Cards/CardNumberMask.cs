using System.Text;

namespace BankcardOcr.Cards
{
    /// <summary>
    /// Masks card numbers for display: the first six digits (the issuer prefix) and the last four stay,
    /// everything between becomes <c>*</c>, the form PCI DSS allows to be shown.
    /// </summary>
    public static class CardNumberMask
    {
        private const int ShownLead = 6;
        private const int ShownTail = 4;

        /// <summary>Masks one card number; text too short to hide anything is masked whole.</summary>
        /// <param name="cardNumber">The digits to mask; null or empty gives an empty string.</param>
        public static string Mask(string? cardNumber)
        {
            if (string.IsNullOrEmpty(cardNumber))
            {
                return string.Empty;
            }

            var text = cardNumber!;
            if (text.Length <= ShownLead + ShownTail)
            {
                // Nothing would be hidden by the 6+4 rule, so nothing is shown.
                return new string('*', text.Length);
            }

            var masked = new StringBuilder(text.Length);
            masked.Append(text, 0, ShownLead);
            masked.Append('*', text.Length - ShownLead - ShownTail);
            masked.Append(text, text.Length - ShownTail, ShownTail);
            return masked.ToString();
        }

        /// <summary>
        /// Masks every run of digits long enough to be a card number in free text such as a provider's error message,
        /// keeping the text around it. Digits of every script count (full-width, Arabic-Indic, …), and spaces, dashes
        /// and invisible marks may stand between them (<see cref="CardNumberRules.IsSeparator"/>); the masked run is
        /// written in ASCII digits.
        /// </summary>
        /// <param name="text">Any message text.</param>
        public static string MaskInText(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return string.Empty;
            }

            var source = text!;
            var result = new StringBuilder(source.Length);
            var index = 0;
            while (index < source.Length)
            {
                if (!CardNumberRules.TryReadDigit(source, index, out _))
                {
                    result.Append(source[index]);
                    index++;
                    continue;
                }

                var end = index;
                var digits = new StringBuilder();
                while (end < source.Length)
                {
                    if (CardNumberRules.TryReadDigit(source, end, out var digit))
                    {
                        digits.Append((char)('0' + digit));
                        end += CardNumberRules.Width(source, end);
                        continue;
                    }

                    // Separators belong to the run only when a digit follows them.
                    var next = end;
                    while (next < source.Length && CardNumberRules.IsSeparator(source, next))
                    {
                        next += CardNumberRules.Width(source, next);
                    }

                    if (next == end || next == source.Length || !CardNumberRules.TryReadDigit(source, next, out _))
                    {
                        break;
                    }

                    end = next;
                }

                result.Append(digits.Length >= CardNumberRules.MinimumLength ? Mask(digits.ToString()) : source.Substring(index, end - index));
                index = end;
            }

            return result.ToString();
        }

        /// <summary>
        /// Masks a would-be card number the user typed that could not be read as one, such as
        /// <c>6228-4804-0256-4890-01O</c> with a letter O for a zero. Run-based masking would leave digit runs
        /// split by the stray letter in view, so when the input holds enough digits (of any script) to be a card
        /// number, every character except separators becomes <c>*</c> but the first six and the last four.
        /// </summary>
        /// <param name="input">The text as given; null gives an empty string.</param>
        public static string MaskInput(string? input)
        {
            if (string.IsNullOrEmpty(input))
            {
                return string.Empty;
            }

            var text = input!;
            var digits = 0;
            var significant = 0;
            for (var i = 0; i < text.Length; i += CardNumberRules.Width(text, i))
            {
                digits += CardNumberRules.TryReadDigit(text, i, out _) ? 1 : 0;
                significant += CardNumberRules.IsSeparator(text, i) ? 0 : 1;
            }

            if (digits < CardNumberRules.MinimumLength)
            {
                return MaskInText(text);
            }

            var masked = new StringBuilder(text.Length);
            var seen = 0;
            for (var i = 0; i < text.Length; i += CardNumberRules.Width(text, i))
            {
                if (CardNumberRules.IsSeparator(text, i))
                {
                    masked.Append(text, i, CardNumberRules.Width(text, i));
                    continue;
                }

                var shown = significant > ShownLead + ShownTail && (seen < ShownLead || seen >= significant - ShownTail);
                if (shown)
                {
                    masked.Append(text, i, CardNumberRules.Width(text, i));
                }
                else
                {
                    masked.Append('*');
                }

                seen++;
            }

            return masked.ToString();
        }
    }
}
