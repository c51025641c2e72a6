using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace BankcardOcr.Emulator.Hosting;

/// <summary>
/// One emulated service: how it answers success and errors, which codes it uses for rate limiting and
/// transient failure, and how injected faults look in its envelope.
/// </summary>
internal abstract class VendorEndpoint(EmulatorState state)
{
    protected EmulatorState State { get; } = state;

    public abstract EmulatedApi Api { get; }

    /// <summary>The vendor's own "too many requests" code.</summary>
    public abstract string RateLimitCode { get; }

    /// <summary>The vendor's transient server-side code.</summary>
    public abstract string InternalErrorCode { get; }

    /// <summary>
    /// The vendor's "signature or token expired, sign or log in again" code, for <see cref="FaultPlan.ExpiredCredential"/>;
    /// null where the API has none.
    /// </summary>
    public virtual string? ExpiredCredentialCode => null;

    /// <summary>A body cut off half way, for <see cref="EmulatedFaultKind.MalformedJson"/>.</summary>
    protected abstract string TruncatedBody { get; }

    protected virtual string ContentType => "application/json";

    public abstract Task HandleAsync(HttpContext context);

    /// <summary>Headers every answer carries (Huawei's X-Request-Id); called before anything is written.</summary>
    public virtual void Prepare(HttpContext context)
    {
    }

    protected abstract Task WriteErrorAsync(HttpContext context, string code, string message, int status);

    protected abstract string StockMessage(string code);

    protected abstract int StatusFor(string code);

    /// <summary>Answers <paramref name="code"/> in the vendor's envelope and counts it.</summary>
    public Task ErrorAsync(HttpContext context, string code, string? message = null, int? status = null)
    {
        State.Stats.Failed(Api, code);
        return WriteErrorAsync(context, code, message ?? StockMessage(code), status ?? StatusFor(code));
    }

    /// <summary>As <see cref="ErrorAsync"/>, and counts a failed signature, token or credential.</summary>
    protected Task AuthErrorAsync(HttpContext context, string code, string? message = null)
    {
        State.Stats.AuthFailed();
        return ErrorAsync(context, code, message);
    }

    protected Task SuccessAsync(HttpContext context, int status, JsonNode body)
    {
        State.Stats.Succeeded(Api);
        return JsonReply.WriteAsync(context, status, body, ContentType);
    }

    /// <summary>Answers with <paramref name="fault"/>; the caller has counted it.</summary>
    public async Task ApplyFaultAsync(HttpContext context, EmulatedFault fault)
    {
        switch (fault.Kind)
        {
            case EmulatedFaultKind.VendorError:
                await ErrorAsync(context, fault.Code ?? InternalErrorCode, fault.Message, fault.StatusCode);
                break;
            case EmulatedFaultKind.TooManyRequests:
                if (fault.RetryAfter is { } after)
                {
                    context.Response.Headers.RetryAfter = Math.Ceiling(after.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }
                State.Stats.Failed(Api, "HTTP429");
                await WriteErrorAsync(context, RateLimitCode, fault.Message ?? StockMessage(RateLimitCode), fault.StatusCode ?? 429);
                break;
            case EmulatedFaultKind.ServerError:
                var status = fault.StatusCode ?? 503;
                State.Stats.Failed(Api, "HTTP" + status.ToString(CultureInfo.InvariantCulture));
                if (fault.EmptyBody)
                {
                    context.Response.StatusCode = status;
                    context.Response.ContentLength = 0;
                    break;
                }
                // A gateway in front of the service answers in HTML, not in the vendor's JSON.
                await JsonReply.WriteTextAsync(context, status, $"<html><body><h1>{status} Server Error</h1></body></html>", "text/html");
                break;
            case EmulatedFaultKind.ConnectionAbort:
                State.Stats.Failed(Api, "Abort");
                context.Abort();
                break;
            case EmulatedFaultKind.MalformedJson:
                State.Stats.Failed(Api, "MalformedJson");
                await JsonReply.WriteTextAsync(context, 200, TruncatedBody, ContentType);
                break;
            case EmulatedFaultKind.ExtraLatency:
                await HandleAsync(context);
                break;
            case EmulatedFaultKind.SlowBody:
                await TrickleAnswerAsync(context, fault.Delay);
                break;
            case EmulatedFaultKind.CutBody:
                State.Stats.Failed(Api, "CutBody");
                await BreakOffAsync(context, sendBody: true);
                break;
            case EmulatedFaultKind.ResetAfterHeaders:
                State.Stats.Failed(Api, "ResetAfterHeaders");
                await BreakOffAsync(context, sendBody: false);
                break;
        }
    }

    private static readonly TimeSpan BreakOffPause = TimeSpan.FromMilliseconds(20);

    /// <summary>The normal answer, headers first and then its body in ten pieces spread over <paramref name="duration"/>.</summary>
    private async Task TrickleAnswerAsync(HttpContext context, TimeSpan duration)
    {
        var wire = context.Response.Body;
        using var answer = new MemoryStream();
        context.Response.Body = answer;
        try
        {
            await HandleAsync(context);
        }
        finally
        {
            context.Response.Body = wire;
        }

        var bytes = answer.ToArray();
        const int Pieces = 10;
        var piece = Math.Max(1, (bytes.Length + Pieces - 1) / Pieces);
        try
        {
            await context.Response.StartAsync(context.RequestAborted);
            await wire.FlushAsync(context.RequestAborted);
            for (var offset = 0; offset < bytes.Length; offset += piece)
            {
                await Task.Delay(duration / Pieces, context.RequestAborted);
                await wire.WriteAsync(bytes.AsMemory(offset, Math.Min(piece, bytes.Length - offset)), context.RequestAborted);
                await wire.FlushAsync(context.RequestAborted);
            }
        }
        catch (IOException)
        {
            // The client gave up (its timeout) and closed the connection mid-body.
        }
    }

    /// <summary>
    /// A 200 declaring twice the length of <see cref="TruncatedBody"/> (an answer cut off mid-JSON), then that body or
    /// nothing at all, and the connection closed: the client has its headers and must notice the body never completes.
    /// </summary>
    private async Task BreakOffAsync(HttpContext context, bool sendBody)
    {
        var whole = System.Text.Encoding.UTF8.GetBytes(TruncatedBody);
        context.Response.StatusCode = 200;
        context.Response.ContentType = ContentType;
        context.Response.ContentLength = whole.Length * 2L;
        await context.Response.StartAsync(context.RequestAborted);
        if (sendBody)
        {
            await context.Response.Body.WriteAsync(whole, context.RequestAborted);
        }

        await context.Response.Body.FlushAsync(context.RequestAborted);
        // A flush hands the bytes to the transport, not to the socket; an abort at once would reset the connection
        // before the headers left, which is a plain dropped connection (ConnectionAbort), not this fault.
        await Task.Delay(BreakOffPause, context.RequestAborted);
        context.Abort();
    }

    /// <summary>
    /// Applies a fault registered for this request's image (<see cref="ImageStore.EnqueueFault"/>), once the
    /// image has been read from the request; true when it answered. Extra latency only delays the normal answer.
    /// </summary>
    protected async Task<bool> ApplyImageFaultAsync(HttpContext context, byte[] image)
    {
        if (State.Images.TakeFault(image) is not { } fault)
        {
            return false;
        }

        State.Stats.FaultInjected();
        if (fault.Kind == EmulatedFaultKind.SlowBody)
        {
            throw new NotSupportedException("A slow body renders the normal answer, whose request body is already read; queue it per API instead.");
        }

        if (fault.Kind == EmulatedFaultKind.ExtraLatency)
        {
            await Task.Delay(fault.Delay, context.RequestAborted);
            return false;
        }

        await ApplyFaultAsync(context, fault);
        return true;
    }

    protected DateTimeOffset Now => State.Time.GetUtcNow();
}
