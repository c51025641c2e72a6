using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace BankcardOcr.Providers.Local
{
    /// <summary>
    /// A second look at a number line the cascade could not verify: the line is read again from crops a little taller,
    /// shorter and wider than the detected box (each crop puts the digits at a different scale and position in the
    /// recognizer's 48-pixel input), and the readings that agree on the number of digits vote per position. A digit's
    /// probability in the result is its summed probability over all those readings divided by their count, so a
    /// position the crops disagree on comes out weak and the card rules' minimum-digit gate still refuses it: voting
    /// can rescue a digit the crops mostly see, never invent one they are split on.
    /// </summary>
    internal static class LineVote
    {
        /// <summary>(height factor, width factor) of the re-read crops around the detected box.</summary>
        public static readonly (float Height, float Width)[] Crops =
        {
            (0.85f, 1.0f), (1.15f, 1.0f), (1.3f, 1.03f), (1.0f, 1.06f),
        };

        /// <summary>
        /// Crops that reach well past both ends of the box, for a line whose detection missed a digit group at one end
        /// (glare or a busy background over it): a card number's four-digit group is about a quarter of a 16-digit
        /// line. They vote among themselves, since they should read more digits than the box did.
        /// </summary>
        public static readonly (float Height, float Width)[] WideCrops =
        {
            (1.0f, 1.7f), (1.15f, 1.7f), (0.9f, 1.7f),
        };

        /// <summary>
        /// Two crops of <paramref name="line"/>, whose <paramref name="reading"/> holds too few digits for a card number,
        /// that keep one end of the box and reach past the other to <paramref name="units"/> character widths: the first
        /// past its left end, the second past its right. A character width is the box's width over its digits, a gap per
        /// four digits and one for the box's margins (a card number of 16 digits is 19 such widths, of 19 digits up to
        /// 23). None when the reading holds no digit or a card number's count already, or the box is that long.
        /// </summary>
        public static IEnumerable<TextBox> Reaches(TextBox line, RecognizedText reading, float units)
        {
            var digits = reading.Text.Count(IsDigit);
            var width = line.Width / (digits + (digits - 1) / 4 + 1f) * units;
            if (digits <= 0 || digits >= CardNumberChooser.ShortestNumber || width <= line.Width)
            {
                yield break;
            }

            var (cos, sin) = ((float)Math.Cos(line.Angle), (float)Math.Sin(line.Angle));
            var shift = (width - line.Width) / 2;
            foreach (var side in new[] { -1, 1 })
            {
                yield return TextBox.Around(line.CenterX + side * shift * cos, line.CenterY + side * shift * sin, width, line.Height, line.Score, line.Angle);
            }
        }

        /// <summary>Fewest readings (the original included) that must agree on the digit count before they vote.</summary>
        public const int MinimumVoters = 3;

        /// <summary>Lines worth a second look: their reading has at least two groups' worth of a card number's digits, and not far more.</summary>
        public static bool IsWorthAnotherLook(RecognizedText reading)
        {
            var digits = reading.Text.Count(IsDigit);
            return digits >= 8 && digits <= CardNumberChooser.LongestNumber + 2;
        }

        /// <summary>The crops to re-read for <paramref name="line"/>, in the order of <paramref name="factors"/>.</summary>
        public static IEnumerable<TextBox> CropsAround(TextBox line, IEnumerable<(float Height, float Width)> factors) =>
            factors.Select(c => TextBox.Around(line.CenterX, line.CenterY, line.Width * c.Width, line.Height * c.Height, line.Score, line.Angle));

        /// <summary>
        /// The vote of <paramref name="readings"/> of one line, or null when fewer than <see cref="MinimumVoters"/>
        /// agree on the number of digits. The result keeps the group spaces of the most certain agreeing reading.
        /// </summary>
        public static RecognizedText? Fuse(IReadOnlyList<RecognizedText> readings)
        {
            var byCount = readings.GroupBy(r => r.Text.Count(IsDigit))
                .Where(g => g.Key > 0)
                .OrderByDescending(g => g.Count())
                .ThenByDescending(g => g.Average(MeanDigitProbability))
                .FirstOrDefault();
            if (byCount is null || byCount.Count() < MinimumVoters)
            {
                return null;
            }

            var voters = byCount.ToList();
            var digitCount = byCount.Key;
            var scores = new float[digitCount, 10];
            var votes = new int[digitCount, 10];
            foreach (var reading in voters)
            {
                var position = 0;
                for (var i = 0; i < reading.Text.Length; i++)
                {
                    if (IsDigit(reading.Text[i]))
                    {
                        scores[position, reading.Text[i] - '0'] += reading.Probabilities[i];
                        votes[position++, reading.Text[i] - '0']++;
                    }
                }
            }

            var template = voters.OrderByDescending(MeanDigitProbability).First();
            var text = new StringBuilder(template.Text.Length);
            var probabilities = new float[template.Text.Length];
            var next = 0;
            for (var i = 0; i < template.Text.Length; i++)
            {
                if (!IsDigit(template.Text[i]))
                {
                    text.Append(template.Text[i]);
                    probabilities[i] = template.Probabilities[i];
                    continue;
                }

                var best = 0;
                for (var d = 1; d < 10; d++)
                {
                    if (scores[next, d] > scores[next, best])
                    {
                        best = d;
                    }
                }

                text.Append((char)('0' + best));
                // A strict majority speaks with its own mean certainty; anything less is diluted by every reading.
                probabilities[i] = 2 * votes[next, best] > voters.Count ? scores[next, best] / votes[next, best] : scores[next, best] / voters.Count;
                next++;
            }

            return new RecognizedText(text.ToString(), probabilities);
        }

        private static float MeanDigitProbability(RecognizedText reading)
        {
            float sum = 0;
            var count = 0;
            for (var i = 0; i < reading.Text.Length; i++)
            {
                if (IsDigit(reading.Text[i]))
                {
                    sum += reading.Probabilities[i];
                    count++;
                }
            }

            return count == 0 ? 0 : sum / count;
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';
    }
}
