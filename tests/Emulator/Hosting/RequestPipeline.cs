using Microsoft.AspNetCore.Http;

namespace BankcardOcr.Emulator.Hosting;

/// <summary>
/// The stages every OCR request passes: count it, take a place in the rate window, take a fault, wait
/// for the configured latency (honouring client aborts), then answer. IAM requests skip the latency and
/// the rate window, which model the OCR services only.
/// </summary>
internal sealed class RequestPipeline(EmulatorState state, FaultSource faults)
{
    public TimeSpan Latency { get; set; }

    public double? RateLimitPerSecond { get; set; }

    private readonly RateWindow _window = new();

    public async Task RunAsync(HttpContext context, VendorEndpoint endpoint, bool isOcr)
    {
        var stats = state.Stats;
        stats.Received(endpoint.Api);
        if (isOcr)
        {
            stats.Enter();
        }
        try
        {
            endpoint.Prepare(context);
            var admitted = !isOcr || _window.TryAdmit(RateLimitPerSecond);
            var fault = admitted ? faults.Next(endpoint.Api, endpoint, useRandomPlan: isOcr) : null;
            if (fault is not null)
            {
                // Counted when drawn: an answer delayed past the client's timeout is never written, but was a fault.
                stats.FaultInjected();
            }

            var delay = (isOcr ? Latency : TimeSpan.Zero) + (fault?.Kind == EmulatedFaultKind.ExtraLatency ? fault.Delay : TimeSpan.Zero);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            if (!admitted)
            {
                stats.RateLimitApplied();
                await endpoint.ErrorAsync(context, endpoint.RateLimitCode);
            }
            else if (fault is not null)
            {
                await endpoint.ApplyFaultAsync(context, fault);
            }
            else
            {
                await endpoint.HandleAsync(context);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            stats.Failed(endpoint.Api, "ClientAborted");
        }
        catch (Exception) when (!context.Response.HasStarted)
        {
            // An emulator bug must not look like a vendor answer: count it and answer a bare 500.
            stats.Failed(endpoint.Api, "EmulatorException");
            context.Response.Clear();
            context.Response.StatusCode = 500;
        }
        finally
        {
            if (isOcr)
            {
                stats.Leave();
            }
        }
    }
}
