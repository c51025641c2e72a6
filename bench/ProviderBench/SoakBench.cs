using System.Diagnostics;
using System.Globalization;
using System.Text;
using BankcardOcr;
using BankcardOcr.Emulator;
using BankcardOcr.Providers;
using BankcardOcr.Providers.Huawei;
using BankcardOcr.Providers.Tencent;
using BankcardOcr.Providers.TencentLegacy;
using BankcardOcr.Engine;
using BankcardOcr.Calls;

namespace ProviderBench;

/// <summary>
/// The soak of issues 12 and 19: a batch per cloud provider against the emulator in a child process answering 20 % of
/// requests with a mixed fault, in rounds. It checks that every input had exactly one outcome (none lost, none twice),
/// that no result took more attempts than the retry budget allows and the service saw no more requests than that
/// budget, and samples sockets, threads, handles and memory, so that a leak shows as growth from the first tenth of
/// the run to the last.
/// </summary>
internal static class SoakBench
{
    private const int Seed = 20261219;

    private static readonly RecognitionOptions Options = new()
    {
        ThrottleLimit = 16,
        MaxRequestsPerSecond = 0,
        MaxRetries = 3,
        Timeout = TimeSpan.FromSeconds(1),
        RetryBaseDelay = TimeSpan.FromMilliseconds(50),
    };

    /// <summary>
    /// The fault mix, 20 % in all, 1.5 % each unless said: 500/502/503 gateway pages 3.5 %, the vendor's own rate limit
    /// and server error, HTTP 429 with Retry-After 1 s and without, connections dropped before any answer, a 200 whose
    /// JSON is cut off (complete as sent), a 200 declaring more body than comes before the connection closes, a 200's
    /// headers and then a reset, an answer 3 s late, an answer whose body trickles over 3 s, and expired signatures or
    /// tokens. The attempt timeout is 1 s, so the last two are timeouts.
    /// </summary>
    public static FaultPlan Faults(int seed) => new()
    {
        Seed = seed,
        ServerError = 0.035,
        ServerErrorStatuses = [500, 502, 503],
        VendorRateLimit = 0.015,
        VendorInternalError = 0.015,
        TooManyRequests = 0.015,
        ConnectionAbort = 0.015,
        MalformedJson = 0.015,
        ExpiredCredential = 0.015,
        ExtraLatency = 0.015,
        ExtraLatencyAmount = TimeSpan.FromSeconds(3),
        RetryAfter = TimeSpan.FromSeconds(1),
        SlowBody = 0.015,
        SlowBodyDuration = TimeSpan.FromSeconds(3),
        CutBody = 0.015,
        ResetAfterHeaders = 0.015,
        TooManyRequestsWithoutRetryAfter = 0.015,
    };

    public static int Run(string[] args)
    {
        var images = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        using var emulator = EmulatorHost.StartAsync().GetAwaiter().GetResult();
        emulator.Latency = TimeSpan.FromMilliseconds(20);

        // Every retryable fault is 18.5 % of requests (expired credentials get their own extra attempt); an input
        // fails for good when all 1 + MaxRetries of its attempts meet one.
        var expectedFailures = Math.Pow(0.185, Options.MaxRetries + 1);
        Console.WriteLine($"Soak: {images:N0} images per provider in {rounds} rounds, 20 % faults (seed {Seed}), throttle {Options.ThrottleLimit}, "
            + $"{Options.MaxRetries} retries, {Options.Timeout.TotalSeconds:0} s attempt timeout; {Environment.ProcessorCount} CPUs; "
            + $"about {expectedFailures * images:F1} inputs per provider expected to exhaust their retries");
        var failed = false;
        foreach (var (name, make) in Providers(emulator))
        {
            using var provider = make();
            // Warm-up without faults: JIT, connections, the first token.
            Drive(provider, Inputs(name, 64, 0), new SoakTally(64));
            emulator.Stats.Reset();
            emulator.RandomFaults = Faults(Seed);
            var start = ResourceSample.Take(collect: true);
            Console.WriteLine($"  {name,-13} start       : {start}");
            var perRound = images / rounds;
            var tally = new SoakTally(perRound * rounds);
            var samples = new List<(ResourceSample During, ResourceSample After)>();
            var watch = Stopwatch.StartNew();
            for (var round = 0; round < rounds; round++)
            {
                var during = Drive(provider, Inputs(name, perRound, round * perRound), tally);
                var after = ResourceSample.Take(collect: true);
                samples.Add((during, after));
                Console.WriteLine($"  {name,-13} round {round + 1,2}/{rounds}: {after}; in flight at most {during.Sockets} sockets, {during.Threads} threads");
            }

            watch.Stop();
            var (requests, faults, iam) = (emulator.Stats.TotalRequests, emulator.Stats.FaultsInjected, emulator.Stats.Requests(EmulatedApi.HuaweiIam));
            emulator.RandomFaults = null;
            var inputs = perRound * rounds;
            var ocrRequests = requests - iam;
            var budget = (long)inputs * (Options.MaxRetries + 2);
            var errorText = tally.Errors.Count == 0 ? "none" : string.Join(", ", tally.Errors.Select(k => $"{k.Key} {k.Value}"));
            Console.WriteLine($"  {name,-13} {inputs:N0} inputs -> {tally.Outcomes:N0} outcomes ({tally.Distinct:N0} distinct, {tally.Duplicates} twice, "
                + $"{inputs - tally.Distinct} without) in {watch.Elapsed.TotalSeconds:F1} s; {ocrRequests:N0} OCR requests (budget {budget:N0}) + {iam} to IAM, "
                + $"{faults:N0} faults injected ({100.0 * faults / Math.Max(1, requests):F1} %); results took {tally.Attempts:N0} attempts, "
                + $"at most {tally.MostAttempts} for one (budget {Options.MaxRetries + 2}); errors: {errorText}");
            var first = samples[0];
            var last = samples[^1];
            Console.WriteLine($"  {name,-13} first 10 % vs last 10 %: sockets {first.During.Sockets} -> {last.During.Sockets} in flight, "
                + $"{first.After.Sockets} -> {last.After.Sockets} after; threads {first.During.Threads} -> {last.During.Threads} in flight, "
                + $"{first.After.Threads} -> {last.After.Threads} after; handles {first.After.Handles} -> {last.After.Handles}; "
                + $"managed heap {first.After.ManagedMegabytes:F1} -> {last.After.ManagedMegabytes:F1} MB; working set {first.After.WorkingSetMegabytes:F1} -> {last.After.WorkingSetMegabytes:F1} MB");
            failed |= tally.Distinct != inputs || tally.Duplicates > 0 || tally.Outcomes != inputs
                || tally.MostAttempts > Options.MaxRetries + 2 || ocrRequests > budget;
        }

        Console.WriteLine(failed ? "FAILED: an input without exactly one outcome, or retries beyond the budget" : "Every input had exactly one outcome, within the retry budget.");
        return failed ? 1 : 0;
    }

    private static IEnumerable<(string Name, Func<IRecognitionProvider> Make)> Providers(EmulatorHost emulator)
    {
        var keys = emulator.Options;
        yield return ("Tencent", () => new TencentProvider(new TencentOptions
        {
            SecretId = keys.TencentSecretId,
            SecretKey = Encoding.UTF8.GetBytes(keys.TencentSecretKey),
            Endpoint = emulator.BaseAddress,
        }));
        yield return ("TencentLegacy", () => new TencentLegacyProvider(new TencentLegacyOptions
        {
            AppId = keys.TencentAppId,
            SecretId = keys.TencentSecretId,
            SecretKey = Encoding.UTF8.GetBytes(keys.TencentSecretKey),
            Endpoint = emulator.BaseAddress,
        }));
        yield return ("Huawei (token)", () => new HuaweiProvider(new HuaweiOptions
        {
            Endpoint = emulator.BaseAddress,
            ProjectId = keys.HuaweiProjectId,
            TokenSource = HuaweiTokenSource.FromPassword(
                emulator.BaseAddress, keys.HuaweiUserName, Encoding.UTF8.GetBytes(keys.HuaweiPassword), keys.HuaweiDomainName,
                HuaweiProjectScope.ById(keys.HuaweiProjectId), "cn-north-4", new HuaweiTokenCache()),
        }));
    }

    /// <summary>One round as the cmdlet runs it, through the session; returns the most sockets and threads seen while it ran.</summary>
    private static ResourceSample Drive(IRecognitionProvider provider, IEnumerable<RecognitionInput> inputs, SoakTally tally)
    {
        using var session = RecognitionSession.Over(provider, Options, CancellationToken.None);
        var peak = ResourceSample.Take(collect: false);
        var writer = new CallbackWriter(outcome =>
        {
            if (tally.Add(outcome) % 250 == 0)
            {
                peak = peak.Max(ResourceSample.Take(collect: false));
            }
        });
        session.Run(inputs, writer);

        if (writer.Fatal is { } fatal)
        {
            Console.WriteLine($"    the batch stopped: {fatal.Kind}: {fatal.Message}");
        }

        return peak;
    }

    /// <summary>Inputs numbered from <paramref name="first"/>; the number is each input's target, for the tally.</summary>
    private static IEnumerable<RecognitionInput> Inputs(string provider, int count, int first)
    {
        for (var i = first; i < first + count; i++)
        {
            yield return RecognitionInput.FromBytes(TestImages.PngOfSize(20 * 1024, seed: 1_000_000 + i), $"{provider}-{i}.png", i);
        }
    }
}

/// <summary>
/// What the outcomes of a soak add up to: inputs seen once or twice, attempts of the results, errors by id. One bit per
/// input (by its number), so that the tally itself does not grow the heap the soak watches.
/// </summary>
internal sealed class SoakTally(int inputs)
{
    private readonly System.Collections.BitArray _seen = new(inputs);

    public int Outcomes { get; private set; }

    public int Duplicates { get; private set; }

    public int Distinct { get; private set; }

    public long Attempts { get; private set; }

    public int MostAttempts { get; private set; }

    public SortedDictionary<string, int> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>Counts one outcome; returns the outcomes so far.</summary>
    public int Add(RecognitionOutcome outcome)
    {
        Outcomes++;
        var number = (int)outcome.Input.TargetObject;
        if (_seen[number])
        {
            Duplicates++;
        }
        else
        {
            _seen[number] = true;
            Distinct++;
        }

        if (outcome.Result is { } result)
        {
            Attempts += result.Attempts;
            MostAttempts = Math.Max(MostAttempts, result.Attempts);
        }
        else
        {
            var id = outcome.Error?.Kind.ToString() ?? "NoError";
            if (!Errors.ContainsKey(id))
            {
                Console.WriteLine($"    first {id}: {outcome.Error?.Message}");
            }

            Errors[id] = Errors.GetValueOrDefault(id) + 1;
        }

        return Outcomes;
    }
}

/// <summary>Sockets, threads, handles and memory of this process.</summary>
internal readonly record struct ResourceSample(int Sockets, int Threads, int Handles, double ManagedMegabytes, double WorkingSetMegabytes)
{
    /// <summary>A sample now; with <paramref name="collect"/>, after a full collection, so that only live memory counts.</summary>
    public static ResourceSample Take(bool collect)
    {
        if (collect)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        using var self = Process.GetCurrentProcess();
        var sockets = OperatingSystem.IsLinux()
            ? Directory.EnumerateFileSystemEntries("/proc/self/fd").Count(fd => (new FileInfo(fd).LinkTarget ?? string.Empty).StartsWith("socket:", StringComparison.Ordinal))
            : -1;
        return new ResourceSample(sockets, self.Threads.Count, self.HandleCount, GC.GetTotalMemory(false) / 1048576.0, self.WorkingSet64 / 1048576.0);
    }

    public ResourceSample Max(ResourceSample other) => new(
        Math.Max(Sockets, other.Sockets), Math.Max(Threads, other.Threads), Math.Max(Handles, other.Handles),
        Math.Max(ManagedMegabytes, other.ManagedMegabytes), Math.Max(WorkingSetMegabytes, other.WorkingSetMegabytes));

    public override string ToString() =>
        $"sockets {Sockets,3}, threads {Threads,3}, handles {Handles,4}, managed heap {ManagedMegabytes,6:F1} MB, working set {WorkingSetMegabytes,6:F1} MB";
}
