using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace BankcardOcr.Cloud.Http
{
    /// <summary>
    /// A strict sliding window: at most <c>permits</c> starts in any span of <c>window</c>. It keeps the start times
    /// of the last <c>permits</c> requests; a new one waits until the oldest of them is a whole window old.
    /// Written here because System.Threading.RateLimiting's SlidingWindowRateLimiter approximates with segments
    /// and returns permits early: measured, it granted 20 permits at 0.002 s and 20 more at 0.999 s with a
    /// 1.045 s window, 40 inside one second, where a provider counting a sliding second refuses the excess.
    /// </summary>
    internal sealed class StartLog
    {
        private readonly long[] _starts;
        private readonly long _window;
        private readonly SemaphoreSlim _turn = new SemaphoreSlim(1, 1);
        private int _oldest;

        /// <summary>Creates the log.</summary>
        /// <param name="permits">Starts allowed in any window.</param>
        /// <param name="window">The span the provider counts over, plus any transit margin.</param>
        public StartLog(int permits, TimeSpan window)
        {
            _starts = new long[Math.Max(1, permits)];
            _window = (long)Math.Ceiling(window.TotalSeconds * Stopwatch.Frequency);
        }

        /// <summary>Waits until a start keeps the window within its permits, then records it.</summary>
        /// <param name="cancellationToken">Ends the wait (Ctrl+C).</param>
        /// <returns>The recorded start (a Stopwatch timestamp): the time the window guarantee is about.</returns>
        public async Task<long> WaitAsync(CancellationToken cancellationToken)
        {
            await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var oldest = _starts[_oldest];
                long now;
                // A timer may round a delay down by part of a millisecond, so the check repeats until it holds.
                while (oldest != 0 && (now = Stopwatch.GetTimestamp()) < oldest + _window)
                {
                    var wait = TimeSpan.FromSeconds((double)(oldest + _window - now) / Stopwatch.Frequency);
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), cancellationToken).ConfigureAwait(false);
                }

                return Record();
            }
            finally
            {
                _turn.Release();
            }
        }

        /// <summary>Counts a start that happened without waiting (the first request), dated now.</summary>
        public long Record()
        {
            var now = Stopwatch.GetTimestamp();
            _starts[_oldest] = now;
            _oldest = (_oldest + 1) % _starts.Length;
            return now;
        }
    }
}
