using System;

namespace BankcardOcr.Providers.Local
{
    /// <summary>
    /// The reported confidence of a reading. The mean digit probability alone is over-confident: one weak digit is
    /// what makes a reading wrong, so the weakest digit weighs in as well.
    /// </summary>
    internal static class ReadingConfidence
    {
        public static double Of(CardNumberReading reading)
        {
            var value = 0.5 * reading.MeanProbability + 0.5 * reading.MinProbability;
            return Math.Round(Math.Max(0, Math.Min(1, value)), 4);
        }
    }
}
