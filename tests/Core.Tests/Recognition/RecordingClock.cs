namespace BankcardOcr.Core.Tests.Recognition;

/// <summary>
/// A retry clock that records every delay asked of it and lets it pass at once, so a test sees the delay the
/// stages chose without waiting for it.
/// </summary>
internal sealed class RecordingClock : TimeProvider
{
    private readonly List<TimeSpan> _delays = new();

    /// <summary>The delays asked for, in order.</summary>
    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_delays)
            {
                return _delays.ToArray();
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_delays)
            {
                _delays.Add(dueTime);
            }

            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new Elapsed();
    }

    private sealed class Elapsed : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => default;
    }
}
