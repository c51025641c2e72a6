using System;
using System.Threading;
using System.Threading.Tasks;

namespace BankcardOcr.Imaging
{
    /// <summary>
    /// Lets at most <see cref="Capacity"/> images be held decoded at once across the process. A 12-megapixel
    /// phone photo is 36 MB as RGB (and stb_image briefly holds a second copy while decoding); workers run up to
    /// <c>-ThrottleLimit</c> at a time, and 16 decoded photos would be over 1 GB. Two keep a second core busy
    /// while bounding the pixels in memory to two photos' worth, whatever the throttle limit (issue 5 asks for
    /// a flat working set under 200 MB).
    /// </summary>
    internal static class DecodeGate
    {
        /// <summary>Decoded images allowed at once.</summary>
        public const int Capacity = 2;

        private static readonly SemaphoreSlim Slots = new SemaphoreSlim(Capacity, Capacity);
        private static int active;
        private static int peak;

        /// <summary>Images held decoded right now (for tests).</summary>
        internal static int Active => Volatile.Read(ref active);

        /// <summary>The most ever held at once since <see cref="ResetPeak"/> (for tests).</summary>
        internal static int Peak => Volatile.Read(ref peak);

        internal static void ResetPeak() => Interlocked.Exchange(ref peak, Volatile.Read(ref active));

        /// <summary>Waits for a slot; disposing the result gives it back.</summary>
        public static async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
        {
            // Waiting is asynchronous and cancellable: workers queued behind two big photos hold no thread,
            // and Ctrl+C ends their wait at once.
            await Slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            var now = Interlocked.Increment(ref active);
            int seen;
            while (now > (seen = Volatile.Read(ref peak)) && Interlocked.CompareExchange(ref peak, now, seen) != seen)
            {
            }

            return new Slot();
        }

        private sealed class Slot : IDisposable
        {
            private int disposed;

            public void Dispose()
            {
                if (Interlocked.Exchange(ref disposed, 1) == 0)
                {
                    Interlocked.Decrement(ref active);
                    Slots.Release();
                }
            }
        }
    }
}
