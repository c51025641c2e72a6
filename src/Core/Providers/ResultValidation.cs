using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using BankcardOcr.Calls;

namespace BankcardOcr.Providers
{
    /// <summary>
    /// The one check every provider's result passes before it is reported, whichever provider built it (the
    /// cloud parsers and the offline recognizer alike; the batch (<c>RecognitionBatch</c>) calls it). A wrong card
    /// number reported as good is the worst outcome the module can have, so an answer whose number is not a
    /// card number's shape is refused as a whole; a date that is not a month/year is only dropped, with a warning,
    /// because the number is still worth having.
    /// </summary>
    public static class ResultValidation
    {
        /// <summary>Fewest digits of a card number (ISO/IEC 7812 allows 8, but no bank card in use has fewer than 12).</summary>
        public const int MinDigits = 12;

        /// <summary>Most digits of a card number (ISO/IEC 7812-1).</summary>
        public const int MaxDigits = 19;

        /// <summary>
        /// Longest bank, card, card-type or category name accepted. The longest real names are a few dozen
        /// characters (中国邮政储蓄银行股份有限公司 is 13); anything near this is not a name.
        /// </summary>
        public const int MaxNameLength = 128;

        /// <summary>Longest request id or bank code accepted (Tencent and Huawei ids are 36 characters).</summary>
        public const int MaxIdLength = 128;

        /// <summary>
        /// Most digits of a reading returned flagged <see cref="Unverified"/>: the offline recognizer's -IncludeUnverified
        /// returns whatever digits it read (a 7-digit fragment, a 20-digit line); longer is not a line of a card.
        /// </summary>
        public const int MaxUnverifiedDigits = 32;

        /// <summary>The warning of a reading that failed the number checks and is returned only because the user asked.</summary>
        public const string Unverified = "Unverified";

        /// <summary>The name <see cref="BankcardRecognitionResult.Warnings"/> gets when a ValidThru was dropped.</summary>
        public const string DroppedValidThru = "UnreadableValidThru";

        /// <summary>The name <see cref="BankcardRecognitionResult.Warnings"/> gets when a ValidFrom was dropped.</summary>
        public const string DroppedValidFrom = "UnreadableValidFrom";

        private static readonly Regex MonthYear = new Regex(@"^(0[1-9]|1[0-2])/[0-9]{4}$", RegexOptions.CultureInvariant);

        /// <summary>
        /// Checks and tidies <paramref name="result"/> in place, before masking: refuses it when it is no sound
        /// answer, drops a date that is not <c>MM/yyyy</c> with a warning.
        /// </summary>
        /// <param name="result">What the provider mapped; its CardNumber still unmasked.</param>
        /// <param name="provider">The provider's name, for errors.</param>
        /// <param name="log">Where a dropped date is reported as a warning.</param>
        /// <exception cref="BankcardOcrException">InvalidResponse, naming what is wrong but never the number.</exception>
        public static void Validate(BankcardRecognitionResult result, string provider, RecognitionLog log)
        {
            var requestId = result.RequestId.Length <= MaxIdLength ? result.RequestId : null;
            CheckNumber(result.CardNumber, IsUnverified(result), provider, requestId);
            CheckLength(result.BankName, nameof(result.BankName), MaxNameLength, provider, requestId);
            CheckLength(result.CardName, nameof(result.CardName), MaxNameLength, provider, requestId);
            CheckLength(result.CardTypeText, nameof(result.CardTypeText), MaxNameLength, provider, requestId);
            CheckLength(result.CardCategory, nameof(result.CardCategory), MaxNameLength, provider, requestId);
            CheckLength(result.BankCode, nameof(result.BankCode), MaxIdLength, provider, requestId);
            CheckLength(result.RequestId, nameof(result.RequestId), MaxIdLength, provider, null);
            result.ValidThru = DateOrNothing(result.ValidThru, nameof(result.ValidThru), DroppedValidThru, result, provider, log);
            result.ValidFrom = DateOrNothing(result.ValidFrom, nameof(result.ValidFrom), DroppedValidFrom, result, provider, log);
        }

        /// <summary>Whether <paramref name="digits"/> has a card number's shape: 12–19 ASCII digits and nothing else.</summary>
        /// <param name="digits">The number with the providers' group spaces already removed.</param>
        public static bool IsCardNumberShape(string? digits)
        {
            if (digits is null || digits.Length < MinDigits || digits.Length > MaxDigits)
            {
                return false;
            }

            foreach (var c in digits)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether the result carries the <see cref="Unverified"/> warning.</summary>
        public static bool IsUnverified(BankcardRecognitionResult result) =>
            Array.IndexOf(result.Warnings.Split(';'), Unverified) >= 0;

        private static void CheckNumber(string number, bool unverified, string provider, string? requestId)
        {
            if (number.Length == 0)
            {
                throw Invalid($"{provider} reported success without a card number; the answer is not used.", provider, requestId);
            }

            // A reading flagged Unverified claims no card number's shape, only that these digits were read.
            if (unverified && number.Length <= MaxUnverifiedDigits && number.All(c => c >= '0' && c <= '9'))
            {
                return;
            }

            if (!IsCardNumberShape(number))
            {
                // The length is safe to name; the characters are not (they may be most of a real number).
                var what = number.Length > MaxDigits || number.Length < MinDigits
                    ? string.Format(CultureInfo.InvariantCulture, "{0:N0} characters long", number.Length)
                    : "not all digits";
                throw Invalid($"{provider} answered with a card number that is {what}, not {MinDigits}-{MaxDigits} digits; the answer is not used.", provider, requestId);
            }
        }

        private static void CheckLength(string value, string field, int max, string provider, string? requestId)
        {
            if (value.Length > max)
            {
                throw Invalid(
                    string.Format(CultureInfo.InvariantCulture, "{0} answered with a {1} of {2:N0} characters (at most {3} are accepted); the answer is not used.", provider, field, value.Length, max),
                    provider,
                    requestId);
            }
        }

        private static string DateOrNothing(string value, string field, string warningName, BankcardRecognitionResult result, string provider, RecognitionLog log)
        {
            if (value.Length == 0 || MonthYear.IsMatch(value))
            {
                return value;
            }

            // A short excerpt is enough to recognise the text; the log masks any card number in it.
            var shown = value.Length <= 20 ? value : value.Substring(0, 20) + "…";
            log.Warning($"{log.Subject ?? provider}: {provider} gave {field} '{shown}', which is not a month/year; it is left empty.");
            result.Warnings = result.Warnings.Length == 0 ? warningName : result.Warnings + ";" + warningName;
            return string.Empty;
        }

        private static BankcardOcrException Invalid(string message, string provider, string? requestId) =>
            new BankcardOcrException(BankcardOcrErrorKind.InvalidResponse, message, provider, requestId: string.IsNullOrEmpty(requestId) ? null : requestId);
    }
}
