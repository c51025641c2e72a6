using System.Collections.Concurrent;

namespace BankcardOcr.Emulator.Hosting;

/// <summary>Hands out the next fault for a request: the enqueued ones first (FIFO per API), then the random plan.</summary>
internal sealed class FaultSource
{
    private readonly ConcurrentQueue<EmulatedFault>[] _queues = [new(), new(), new(), new()];
    private readonly Lock _gate = new();
    private FaultPlan? _plan;
    private Random? _random;

    public FaultPlan? Plan
    {
        get => _plan;
        set
        {
            lock (_gate)
            {
                _plan = value;
                _random = value is null ? null : new Random(value.Seed);
            }
        }
    }

    public void Enqueue(EmulatedApi api, EmulatedFault fault) => _queues[(int)api].Enqueue(fault);

    public EmulatedFault? Next(EmulatedApi api, VendorEndpoint endpoint, bool useRandomPlan)
    {
        if (_queues[(int)api].TryDequeue(out var queued))
        {
            return queued;
        }
        return useRandomPlan ? Draw(endpoint) : null;
    }

    private EmulatedFault? Draw(VendorEndpoint endpoint)
    {
        double roll;
        FaultPlan plan;
        lock (_gate)
        {
            if (_plan is null || _random is null)
            {
                return null;
            }
            plan = _plan;
            roll = _random.NextDouble();
        }
        if ((roll -= plan.VendorRateLimit) < 0)
        {
            return EmulatedFault.VendorError(endpoint.RateLimitCode);
        }
        if ((roll -= plan.VendorInternalError) < 0)
        {
            return EmulatedFault.VendorError(endpoint.InternalErrorCode);
        }
        if ((roll -= plan.TooManyRequests) < 0)
        {
            return EmulatedFault.TooManyRequests(plan.RetryAfter);
        }
        if ((roll -= plan.ServerError) < 0)
        {
            return EmulatedFault.ServerError(PickStatus(plan.ServerErrorStatuses));
        }
        if ((roll -= plan.ExpiredCredential) < 0)
        {
            return endpoint.ExpiredCredentialCode is { } expired ? EmulatedFault.VendorError(expired) : null;
        }
        if ((roll -= plan.ConnectionAbort) < 0)
        {
            return EmulatedFault.ConnectionAbort();
        }
        if ((roll -= plan.MalformedJson) < 0)
        {
            return EmulatedFault.MalformedJson();
        }
        if ((roll -= plan.ExtraLatency) < 0)
        {
            return EmulatedFault.ExtraLatency(plan.ExtraLatencyAmount);
        }
        if ((roll -= plan.SlowBody) < 0)
        {
            return EmulatedFault.SlowBody(plan.SlowBodyDuration);
        }
        if ((roll -= plan.CutBody) < 0)
        {
            return EmulatedFault.CutBody();
        }
        if ((roll -= plan.ResetAfterHeaders) < 0)
        {
            return EmulatedFault.ResetAfterHeaders();
        }
        return (roll - plan.TooManyRequestsWithoutRetryAfter) < 0 ? EmulatedFault.TooManyRequestsWithoutRetryAfter() : null;
    }

    /// <summary>One of the plan's 5xx statuses; with the default single status no number is drawn, so older seeds replay alike.</summary>
    private int PickStatus(IReadOnlyList<int> statuses)
    {
        if (statuses.Count == 1)
        {
            return statuses[0];
        }

        lock (_gate)
        {
            return statuses[_random!.Next(statuses.Count)];
        }
    }
}
