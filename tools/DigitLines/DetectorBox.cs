using System;
using BankcardOcr.CardSynth;
using BankcardOcr.Providers.Local;

namespace BankcardOcr.DigitLines
{
    /// <summary>
    /// A box as PP-OCRv4's detector (unclip ratio 1.5) and the line joining put it around a number line. Measured with
    /// <c>bench/LineReaders boxes</c> on CardSynth cards (against the digits' own height) and on real photos with a
    /// marked number line: 1.2–2.0 digit heights tall, ends from a tenth of a height inside the first and last digit
    /// to 0.45 heights past them, centred within a tenth of a height (real boxes sit further off than synthetic
    /// ones), turned within about 0.7°. The jitter covers that and a little more.
    /// </summary>
    internal static class DetectorBox
    {
        /// <summary>The detector's box around <paramref name="line"/> (the digits' own frame).</summary>
        /// <param name="rng">The line's random stream.</param>
        /// <param name="line">The digits' frame: digit height, first to last digit.</param>
        /// <param name="partial">The frame holds only some of the number's groups: its ends never cut into a digit.</param>
        public static TextBox Around(CardRandom rng, LineFrame line, bool partial)
        {
            var h = line.Height;
            var tall = rng.Range(1.15, 2.15) * h;
            var left = rng.Range(partial ? 0.05 : -0.12, 0.5) * h;
            var right = rng.Range(partial ? 0.05 : -0.12, 0.5) * h;
            var across = (float)(0.03 + (0.06 * rng.Gaussian())) * h;
            var turn = (rng.Chance(0.85) ? rng.Gaussian() * 0.8 : rng.Range(-3, 3)) * Math.PI / 180;
            var angle = line.Angle + (float)turn;

            // Level text gives a level box now and then (a component without a clear axis), which the sampler cuts
            // without turning; both paths must be seen in training.
            if (Math.Abs(angle) < 0.01 && rng.Chance(0.3))
            {
                angle = 0;
            }

            var along = (right - left) / 2;
            float cos = (float)Math.Cos(line.Angle), sin = (float)Math.Sin(line.Angle);
            var cx = line.CenterX + (along * cos) - (across * sin);
            var cy = line.CenterY + (along * sin) + (across * cos);
            return TextBox.Around(cx, cy, line.Width + left + right, tall, 1, angle);
        }
    }
}
