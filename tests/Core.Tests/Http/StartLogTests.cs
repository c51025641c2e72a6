using System.Diagnostics;
using BankcardOcr.Cloud.Http;

namespace BankcardOcr.Core.Tests.Http;

public class StartLogTests
{
    [Fact]
    public async Task NoWindowEverHoldsMoreStartsThanItsPermits()
    {
        // Concurrent callers hammer a log of 5 starts per 150 ms; the guarantee is about spacing, not speed.
        var log = new StartLog(5, TimeSpan.FromMilliseconds(150));
        var starts = new System.Collections.Concurrent.ConcurrentBag<long>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                // The log's own record of each start: a timestamp taken here, after the wait returns, can lag it
                // by a scheduling delay and make two starts look closer than the log let them be.
                starts.Add(await log.WaitAsync(CancellationToken.None));
            }
        })));

        var sorted = starts.Order().ToArray();
        var window = (long)(0.150 * Stopwatch.Frequency);
        Assert.Equal(20, sorted.Length);
        for (var i = 5; i < sorted.Length; i++)
        {
            // The start five places earlier must be a whole window older.
            Assert.True(sorted[i] - sorted[i - 5] >= window, $"starts {i - 5} and {i} are {(sorted[i] - sorted[i - 5]) * 1000.0 / Stopwatch.Frequency:F1} ms apart");
        }
    }

    [Fact]
    public async Task WaitingEndsWhenCancelled()
    {
        var log = new StartLog(1, TimeSpan.FromMinutes(10));
        await log.WaitAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = log.WaitAsync(cancel.Token);
        Assert.False(waiting.IsCompleted);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
