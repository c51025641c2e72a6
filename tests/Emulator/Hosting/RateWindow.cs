using System.Diagnostics;

namespace BankcardOcr.Emulator.Hosting;

/// <summary>
/// Sliding one-second window across all OCR requests. A limit of N admits at most ⌊N⌋ (at least one)
/// requests in any one-second span; refused requests do not take a place in the window.
/// </summary>
internal sealed class RateWindow
{
    private readonly Queue<long> _admitted = new();
    private readonly Lock _gate = new();

    public bool TryAdmit(double? perSecond)
    {
        if (perSecond is not { } limit)
        {
            return true;
        }
        var allowed = Math.Max(1, (int)Math.Floor(limit));
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            while (_admitted.Count > 0 && Stopwatch.GetElapsedTime(_admitted.Peek(), now) >= TimeSpan.FromSeconds(1))
            {
                _admitted.Dequeue();
            }
            if (_admitted.Count >= allowed)
            {
                return false;
            }
            _admitted.Enqueue(now);
            return true;
        }
    }
}
