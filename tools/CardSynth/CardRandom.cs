using System;
using System.Collections.Generic;

namespace BankcardOcr.CardSynth
{
    /// <summary>
    /// SplitMix64: a tiny generator whose sequence is fixed by its seed on every runtime and version, unlike
    /// System.Random, whose seeded algorithm .NET does not promise to keep. Same seed, same cards, forever.
    /// </summary>
    internal sealed class CardRandom
    {
        private ulong _state;

        public CardRandom(ulong seed) => _state = seed;

        /// <summary>Folds several values into one seed, so card <c>i</c> of a level does not depend on the cards before it.</summary>
        public static ulong Mix(params ulong[] parts)
        {
            var rng = new CardRandom(0x5EED_CA4D_0000_0001UL);
            ulong acc = 0;
            foreach (var part in parts)
            {
                rng._state ^= part;
                acc ^= rng.NextUInt64();
            }

            return acc;
        }

        public ulong NextUInt64()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        /// <summary>Uniform in [0, 1).</summary>
        public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

        /// <summary>Uniform in [0, max).</summary>
        public int Next(int maxExclusive) => (int)(NextDouble() * maxExclusive);

        /// <summary>Uniform in [min, max).</summary>
        public int Next(int minInclusive, int maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);

        public float Range(double min, double max) => (float)(min + (NextDouble() * (max - min)));

        public bool Chance(double probability) => NextDouble() < probability;

        public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

        /// <summary>Standard normal (Box–Muller).</summary>
        public double Gaussian()
        {
            var u = 1.0 - NextDouble();
            var v = NextDouble();
            return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
        }
    }
}
