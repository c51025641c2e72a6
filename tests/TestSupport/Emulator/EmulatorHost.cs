using System.Diagnostics;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using BankcardOcr.Emulator;

namespace BankcardOcr.TestSupport;

/// <summary>
/// The cloud emulator (tests/Emulator) as a child process on a free loopback port, driven through its one control
/// protocol, the <c>/_emulator/…</c> routes. A process of its own so that no host of the module (the test hosts, the
/// demo runner) loads ASP.NET Core, whose shared framework carries System.Threading.RateLimiting 10.0 and hides the
/// copy the module ships (8.0); and so that a benchmark's client never pays the emulator's CPU or memory. The child
/// stops when its standard input closes, so it never outlives this process; disposing kills it at once.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable, IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private static readonly HttpClient Control = new();

    private readonly Process _process;
    private readonly string _optionsFile;
    private TimeSpan _latency;
    private double? _rateLimit;
    private FaultPlan? _randomFaults;

    private EmulatorHost(Process process, string optionsFile, Uri baseAddress, EmulatorOptions options)
    {
        _process = process;
        _optionsFile = optionsFile;
        BaseAddress = baseAddress;
        Options = options;
        Stats = new EmulatorCounters(new Uri(baseAddress, "_emulator/"));
    }

    /// <summary><c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The options the process was started with (keys it accepts, default card, token lifetime, …).</summary>
    public EmulatorOptions Options { get; }

    /// <summary>The process's counters, read afresh on every access.</summary>
    public EmulatorCounters Stats { get; }

    /// <summary>The emulator process's CPU time so far, to tell whether a benchmark was limited by the emulator.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The emulator this build built, in the same configuration: tests/Emulator/bin/{Configuration}/net10.0.</summary>
    public static string EmulatorDll { get; } = Path.Combine(
        RepoRoot(), "tests", "Emulator", "bin", BuildConfiguration(), "net10.0", "BankcardOcr.Emulator.dll");

    /// <summary>Starts the process and waits for the address it prints first.</summary>
    public static async Task<EmulatorHost> StartAsync(EmulatorOptions? options = null)
    {
        options ??= new EmulatorOptions();
        if (!File.Exists(EmulatorDll))
        {
            throw new InvalidOperationException($"{EmulatorDll} is missing; build first: dotnet build BankcardOcr.sln -c {BuildConfiguration()}");
        }

        var optionsFile = Path.Combine(Path.GetTempPath(), $"bankcardocr-emulator-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(optionsFile, JsonSerializer.Serialize(options, Json));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in new[] { EmulatorDll, "--options-file", optionsFile, "--stop-on-stdin-close", "true" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start the emulator.");
        var first = await process.StandardOutput.ReadLineAsync();
        if (first is null || !first.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            File.Delete(optionsFile);
            throw new InvalidOperationException($"The emulator ({EmulatorDll}) did not start: '{first}'.");
        }

        // Keep reading what it prints, so a full pipe never blocks it.
        _ = process.StandardOutput.ReadToEndAsync();
        return new EmulatorHost(process, optionsFile, new Uri(first), options);
    }

    /// <summary>Answers <paramref name="card"/> for exactly these image bytes.</summary>
    public void RegisterCard(byte[] image, EmulatedCard card) =>
        Send(HttpMethod.Post, "cards", JsonContent.Create(new { image, card }, options: Json));

    /// <summary>Serves <paramref name="image"/> at <c>/images/{name}</c> and returns that URL.</summary>
    public Uri RegisterImageUrl(string name, byte[] image)
    {
        Send(HttpMethod.Put, "images/" + Uri.EscapeDataString(name), new ByteArrayContent(image));
        return new Uri(BaseAddress, "images/" + Uri.EscapeDataString(name));
    }

    /// <summary>The next request to <paramref name="api"/> gets <paramref name="fault"/> (first in, first out).</summary>
    public void EnqueueFault(EmulatedApi api, EmulatedFault fault) =>
        Send(HttpMethod.Post, "faults/" + api, JsonContent.Create(fault, options: Json));

    /// <summary>Delay added to every OCR request.</summary>
    public TimeSpan Latency
    {
        get => _latency;
        set { _latency = value; PutSettings(); }
    }

    /// <summary>Requests per second over which the vendor's rate-limit answer comes; null for none.</summary>
    public double? RateLimitPerSecond
    {
        get => _rateLimit;
        set { _rateLimit = value; PutSettings(); }
    }

    /// <summary>Seeded random faults once the queue is empty; null turns them off.</summary>
    public FaultPlan? RandomFaults
    {
        get => _randomFaults;
        set { _randomFaults = value; PutSettings(); }
    }

    /// <summary>Kills the process and removes its options file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        File.Delete(_optionsFile);
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "BankcardOcr.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("BankcardOcr.sln was not found above " + AppContext.BaseDirectory);
    }

    private static string BuildConfiguration() =>
        typeof(EmulatorHost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BuildConfiguration").Value!;

    private void PutSettings() =>
        Send(HttpMethod.Put, "settings", JsonContent.Create(new { latency = _latency, rateLimitPerSecond = _rateLimit, randomFaults = _randomFaults }, options: Json));

    private void Send(HttpMethod method, string route, HttpContent content)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseAddress, "_emulator/" + route)) { Content = content };
        using var response = Control.Send(request);
        response.EnsureSuccessStatusCode();
    }
}

/// <summary>The emulator's counters (<c>GET /_emulator/stats</c>), with the emulator's own names.</summary>
public sealed class EmulatorCounters(Uri control)
{
    private static readonly HttpClient Client = new();

    /// <summary>Requests that reached <paramref name="api"/>.</summary>
    public long Requests(EmulatedApi api) => PerApi("requests", api);

    /// <summary>Answers of <paramref name="api"/> that carried a result.</summary>
    public long Successes(EmulatedApi api) => PerApi("successes", api);

    /// <summary>Error answers of <paramref name="api"/>.</summary>
    public long Errors(EmulatedApi api) => PerApi("errors", api);

    /// <summary>Requests to every service.</summary>
    public long TotalRequests => Enum.GetValues<EmulatedApi>().Sum(api => PerApi("requests", api));

    /// <summary>Error answers with the vendor code <paramref name="code"/>.</summary>
    public long ErrorCount(string code) => Read().GetProperty("errorsByCode").TryGetProperty(code, out var n) ? n.GetInt64() : 0;

    /// <summary>Rate-limit answers.</summary>
    public long RateLimited => Value("rateLimited");

    /// <summary>Refused signatures, keys and tokens.</summary>
    public long AuthFailures => Value("authFailures");

    /// <summary>Faults injected, queued or random.</summary>
    public long FaultsInjected => Value("faultsInjected");

    /// <summary>Requests being served now.</summary>
    public long InFlight => Value("inFlight");

    /// <summary>The most requests served at once.</summary>
    public long MaxConcurrent => Value("maxConcurrent");

    /// <summary>Zeroes the counters.</summary>
    public void Reset()
    {
        using var response = Client.Send(new HttpRequestMessage(HttpMethod.Post, new Uri(control, "stats/reset")));
        response.EnsureSuccessStatusCode();
    }

    private long PerApi(string counter, EmulatedApi api) => Read().GetProperty(counter).GetProperty(api.ToString()).GetInt64();

    private long Value(string counter) => Read().GetProperty(counter).GetInt64();

    private JsonElement Read()
    {
        using var response = Client.Send(new HttpRequestMessage(HttpMethod.Get, new Uri(control, "stats")));
        response.EnsureSuccessStatusCode();
        using var stream = response.Content.ReadAsStream();
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.Clone();
    }
}
