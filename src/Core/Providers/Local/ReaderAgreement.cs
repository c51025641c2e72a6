using System;
using System.Linq;
using System.Text;

namespace BankcardOcr.Providers.Local
{
    /// <summary>
    /// Two readers' readings of one number line, joined digit by digit. PP-OCRv4's general recognizer and the
    /// card-digit model fail differently (one knows letters to mistake digits for, the other only card faces), so a
    /// digit both read is as certain as the surer of them, and a digit they dispute keeps only the winner's margin:
    /// the surer reader's digit with its probability less the other's. A confident misread by one reader that the
    /// other contradicts therefore falls under the card rules' minimum-digit gate instead of being verified by Luhn,
    /// and a digit one reader was unsure of is rescued only when the other read the same digit.
    /// </summary>
    internal static class ReaderAgreement
    {
        /// <summary>
        /// Fewest digits a line must hold for the readers' opinions to be joined: a number line, or two groups of one
        /// (<see cref="LineVote.IsWorthAnotherLook"/>'s lower bound). Dates and other short lines keep the first
        /// reader's reading, which the date rules were measured on.
        /// </summary>
        public const int MinimumDigits = 8;

        /// <summary>
        /// <paramref name="first"/> with its digits joined to <paramref name="second"/>'s, when both read the same
        /// number of digits (at least <see cref="MinimumDigits"/>); otherwise <paramref name="first"/> unchanged, since
        /// digits cannot be paired once a reader lost or added one. The text keeps the first reading's spaces and
        /// separators, which split the line into groups.
        /// </summary>
        /// <param name="first">The reading whose text and probabilities stand where the digits cannot be paired.</param>
        /// <param name="second">The other reader's reading of the same box (null: none).</param>
        /// <param name="joined">Whether the digits were paired and joined.</param>
        /// <param name="disputed">Digits the readers read differently (0 when not joined).</param>
        public static RecognizedText Join(RecognizedText first, RecognizedText second, out bool joined, out int disputed)
        {
            if (first is null)
            {
                throw new ArgumentNullException(nameof(first));
            }

            joined = false;
            disputed = 0;
            if (second is null)
            {
                return first;
            }

            var digits = first.Text.Count(IsDigit);
            if (digits < MinimumDigits || second.Text.Count(IsDigit) != digits)
            {
                return first;
            }

            var theirs = Enumerable.Range(0, second.Text.Length).Where(i => IsDigit(second.Text[i])).ToArray();
            var text = new StringBuilder(first.Text.Length);
            var probabilities = new float[first.Text.Length];
            var next = 0;
            for (var i = 0; i < first.Text.Length; i++)
            {
                var mine = first.Text[i];
                var p = first.Probabilities[i];
                if (!IsDigit(mine))
                {
                    text.Append(mine);
                    probabilities[i] = p;
                    continue;
                }

                var other = second.Text[theirs[next]];
                var q = second.Probabilities[theirs[next]];
                next++;
                if (other == mine)
                {
                    text.Append(mine);
                    probabilities[i] = Math.Max(p, q);
                }
                else
                {
                    disputed++;
                    text.Append(p >= q ? mine : other);
                    probabilities[i] = Math.Abs(p - q);
                }
            }

            joined = true;
            return new RecognizedText(text.ToString(), probabilities);
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';
    }
}
