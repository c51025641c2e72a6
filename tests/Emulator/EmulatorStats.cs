using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace BankcardOcr.Emulator;

/// <summary>Counters of what the emulator saw and answered. Every member is safe to read while requests run.</summary>
public sealed class EmulatorStats
{
    private readonly long[] _requests = new long[4];
    private readonly long[] _successes = new long[4];
    private readonly long[] _errors = new long[4];
    private readonly ConcurrentDictionary<string, StrongBox<long>> _errorsByCode = new(StringComparer.Ordinal);
    private long _rateLimited;
    private long _authFailures;
    private long _faultsInjected;
    private long _inFlight;
    private long _maxInFlight;

    /// <summary>Requests received for <paramref name="api"/>.</summary>
    public long Requests(EmulatedApi api) => Interlocked.Read(ref _requests[(int)api]);

    /// <summary>Successful answers for <paramref name="api"/>.</summary>
    public long Successes(EmulatedApi api) => Interlocked.Read(ref _successes[(int)api]);

    /// <summary>Error answers (vendor envelope, 429, 5xx, aborts, malformed bodies) for <paramref name="api"/>.</summary>
    public long Errors(EmulatedApi api) => Interlocked.Read(ref _errors[(int)api]);

    /// <summary>All requests to the emulated services.</summary>
    public long TotalRequests => Requests(EmulatedApi.TencentLegacy) + Requests(EmulatedApi.Tencent) + Requests(EmulatedApi.HuaweiIam) + Requests(EmulatedApi.HuaweiOcr);

    /// <summary>How often <paramref name="code"/> was answered (<c>15</c>, <c>AuthFailure.SignatureFailure</c>, <c>AIS.0103</c>, <c>HTTP429</c>, <c>HTTP503</c>, <c>Abort</c>, <c>MalformedJson</c>).</summary>
    public long ErrorCount(string code) => _errorsByCode.TryGetValue(code, out var box) ? Interlocked.Read(ref box.Value) : 0;

    /// <summary>A snapshot of the error counts by code.</summary>
    public IReadOnlyDictionary<string, long> ErrorsByCode =>
        _errorsByCode.ToDictionary(p => p.Key, p => Interlocked.Read(ref p.Value.Value), StringComparer.Ordinal);

    /// <summary>Requests refused by the <see cref="CloudEmulator.RateLimitPerSecond"/> window.</summary>
    public long RateLimited => Interlocked.Read(ref _rateLimited);

    /// <summary>Requests refused for a bad, expired or missing signature, token or credential.</summary>
    public long AuthFailures => Interlocked.Read(ref _authFailures);

    /// <summary>Faults drawn from the queues, the random plan or the image faults, counted when drawn.</summary>
    public long FaultsInjected => Interlocked.Read(ref _faultsInjected);

    /// <summary>OCR requests being served right now.</summary>
    public long InFlight => Interlocked.Read(ref _inFlight);

    /// <summary>The most OCR requests that were in flight at once.</summary>
    public long MaxConcurrent => Interlocked.Read(ref _maxInFlight);

    /// <summary>Sets every counter back to zero.</summary>
    public void Reset()
    {
        for (var i = 0; i < _requests.Length; i++)
        {
            Interlocked.Exchange(ref _requests[i], 0);
            Interlocked.Exchange(ref _successes[i], 0);
            Interlocked.Exchange(ref _errors[i], 0);
        }
        _errorsByCode.Clear();
        Interlocked.Exchange(ref _rateLimited, 0);
        Interlocked.Exchange(ref _authFailures, 0);
        Interlocked.Exchange(ref _faultsInjected, 0);
        Interlocked.Exchange(ref _maxInFlight, Interlocked.Read(ref _inFlight));
    }

    internal void Received(EmulatedApi api) => Interlocked.Increment(ref _requests[(int)api]);

    internal void Succeeded(EmulatedApi api) => Interlocked.Increment(ref _successes[(int)api]);

    internal void Failed(EmulatedApi api, string code)
    {
        Interlocked.Increment(ref _errors[(int)api]);
        var box = _errorsByCode.GetOrAdd(code, static _ => new StrongBox<long>());
        Interlocked.Increment(ref box.Value);
    }

    internal void RateLimitApplied() => Interlocked.Increment(ref _rateLimited);

    internal void AuthFailed() => Interlocked.Increment(ref _authFailures);

    internal void FaultInjected() => Interlocked.Increment(ref _faultsInjected);

    internal void Enter()
    {
        var now = Interlocked.Increment(ref _inFlight);
        var seen = Interlocked.Read(ref _maxInFlight);
        while (now > seen)
        {
            var previous = Interlocked.CompareExchange(ref _maxInFlight, now, seen);
            if (previous == seen)
            {
                break;
            }
            seen = previous;
        }
    }

    internal void Leave() => Interlocked.Decrement(ref _inFlight);
}
