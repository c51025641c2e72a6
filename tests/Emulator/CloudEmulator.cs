using System.Net;
using BankcardOcr.Emulator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace BankcardOcr.Emulator;

/// <summary>
/// A real HTTP server on 127.0.0.1 (random port) that answers like Tencent's and Huawei's bank-card OCR
/// services: Tencent legacy <c>/ocr/bankcard</c>, Tencent API 3.0 <c>BankCardOCR</c>, Huawei IAM and
/// Huawei <c>/v2/{project_id}/ocr/bankcard</c>. It checks signatures and tokens with its own code,
/// written from the vendors' documents.
/// </summary>
public sealed class CloudEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private readonly FaultSource _faults;
    private readonly RequestPipeline _pipeline;

    private CloudEmulator(WebApplication app, EmulatorState state, FaultSource faults, RequestPipeline pipeline)
    {
        _app = app;
        _state = state;
        _faults = faults;
        _pipeline = pipeline;
    }

    /// <summary>Starts a server on a free loopback port.</summary>
    public static async Task<CloudEmulator> StartAsync(EmulatorOptions? options = null) => await StartAsync(options, port: 0);

    internal static async Task<CloudEmulator> StartAsync(EmulatorOptions? options, int port)
    {
        options ??= new EmulatorOptions();
        var state = new EmulatorState(options) { Time = options.ClockOffset == TimeSpan.Zero ? TimeProvider.System : new ShiftedTime(options.ClockOffset) };
        var faults = new FaultSource();
        var pipeline = new RequestPipeline(state, faults);
        var router = new Router(state, pipeline) { Control = new ControlEndpoint(state, faults, pipeline) };

        // The empty builder registers no logging provider: nothing reaches the console, so no request
        // header (signatures, tokens) can end up in a log.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.AddServerHeader = false;
            // Room for bodies past every documented limit, so the emulator, not Kestrel, answers them.
            kestrel.Limits.MaxRequestBodySize = 64L * 1024 * 1024;
            // IAM tokens can exceed 8 KB (docs/huaweicloud.md §7.2).
            kestrel.Limits.MaxRequestHeadersTotalSize = 128 * 1024;
        });
        var app = builder.Build();
        app.Run(router.DispatchAsync);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var bound = new Uri(address);
        state.BaseAddress = new Uri($"http://127.0.0.1:{bound.Port}/");
        state.Images.Port = bound.Port;
        return new CloudEmulator(app, state, faults, pipeline);
    }

    /// <summary><c>http://127.0.0.1:{port}/</c>; every service lives under this one address.</summary>
    public Uri BaseAddress => _state.BaseAddress;

    /// <summary>The credentials the emulator accepts and its adjustable behaviour.</summary>
    public EmulatorOptions Options => _state.Options;

    /// <summary>Thread-safe counters of requests, answers, errors and concurrency.</summary>
    public EmulatorStats Stats => _state.Stats;

    /// <summary>Answers <paramref name="card"/> for exactly these image bytes (keyed by their SHA-256).</summary>
    public void RegisterCard(byte[] image, EmulatedCard card)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(card);
        _state.Images.RegisterCard(image, card);
    }

    /// <summary>
    /// Serves <paramref name="image"/> at <c>GET /images/{name}</c> and returns that URL. URL-input
    /// requests that point there are "downloaded" by the emulator; any other URL fails to download.
    /// </summary>
    public Uri RegisterImageUrl(string name, byte[] image)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(image);
        _state.Images.RegisterImage(name, image);
        return new Uri(BaseAddress, "images/" + Uri.EscapeDataString(name));
    }

    /// <summary>The next request to <paramref name="api"/> gets <paramref name="fault"/> (first in, first out).</summary>
    public void EnqueueFault(EmulatedApi api, EmulatedFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        _faults.Enqueue(api, fault);
    }

    /// <summary>
    /// The next <paramref name="times"/> OCR requests carrying exactly these image bytes get <paramref name="fault"/>,
    /// whichever API they reach and whatever else is queued: one image's trouble among healthy ones.
    /// </summary>
    public void EnqueueImageFault(byte[] image, EmulatedFault fault, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        _state.Images.EnqueueFault(image, fault, times);
    }

    /// <summary>Seeded random faults for OCR requests once the queue is empty; null turns them off.</summary>
    public FaultPlan? RandomFaults
    {
        get => _faults.Plan;
        set => _faults.Plan = value;
    }

    /// <summary>Delay added to every OCR request; a client that gives up ends the wait.</summary>
    public TimeSpan Latency
    {
        get => _pipeline.Latency;
        set => _pipeline.Latency = value;
    }

    /// <summary>
    /// Sliding one-second window across all OCR requests; requests over it get the vendor's rate-limit
    /// answer (legacy code 15, RequestLimitExceeded, APIG.0308). Null turns it off.
    /// </summary>
    public double? RateLimitPerSecond
    {
        get => _pipeline.RateLimitPerSecond;
        set => _pipeline.RateLimitPerSecond = value;
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>The system clock moved by a fixed offset (<see cref="EmulatorOptions.ClockOffset"/>).</summary>
internal sealed class ShiftedTime(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
