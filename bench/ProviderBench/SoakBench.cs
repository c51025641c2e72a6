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
using BankcardOcr.Recognition;

namespace ProviderBench;

/// <summary>
/// The soak of issue 12: a batch per cloud provider against the emulator in a child process answering 10 % of
/// requests with a mixed fault, in rounds, checking after each that every input had exactly one outcome and
/// sampling sockets, threads, handles and memory, so that a leak shows as growth from round to round.
/// </summary>
internal static class SoakBench
{
    private const int Seed = 20261202;

    /// <summary>
    /// The fault mix, 10 % in all: 500/502/503 gateway pages, the vendor's own rate limit and server error, HTTP 429,
    /// dropped connections, bodies cut off half way, answers slower than the attempt's timeout, and expired
    /// signatures or tokens (Tencent API 3.0 and Huawei; TencentLegacy has no such answer, so it sees 9 %).
    /// </summary>
    public static FaultPlan Faults(int seed) => new()
    {
        Seed = seed,
        ServerError = 0.025,
        ServerErrorStatuses = [500, 502, 503],
        VendorRateLimit = 0.01,
        VendorInternalError = 0.01,
        TooManyRequests = 0.01,
        ConnectionAbort = 0.015,
        MalformedJson = 0.01,
        ExpiredCredential = 0.01,
        ExtraLatency = 0.01,
        ExtraLatencyAmount = TimeSpan.FromSeconds(3), // beyond the 1 s attempt timeout below: a timeout
        RetryAfter = TimeSpan.FromSeconds(1),
    };

    public static int Run(string[] args)
    {
        var images = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;
        using var emulator = EmulatorProcess.Start();
        emulator.SetLatency(TimeSpan.FromMilliseconds(20));
        var options = new RecognitionOptions
        {
            ThrottleLimit = 16,
            MaxRequestsPerSecond = 0,
            MaxRetries = 3,
            Timeout = TimeSpan.FromSeconds(1),
            RetryBaseDelay = TimeSpan.FromMilliseconds(50),
        };

        Console.WriteLine($"Soak: {images:N0} images per provider in {rounds} rounds, 10 % faults (seed {Seed}), throttle {options.ThrottleLimit}, "
            + $"{options.MaxRetries} retries, {options.Timeout.TotalSeconds:0} s attempt timeout; {Environment.ProcessorCount} CPUs");
        var failed = false;
        foreach (var (name, make) in Providers(emulator))
        {
            using var provider = make();
            // Warm-up without faults: JIT, connections, the first token.
            Drive(provider, options, Inputs(name, 64, 0));
            emulator.Reset();
            emulator.SetFaults(Seed);
            var baseline = Sample();
            Console.WriteLine($"  {name,-13} start      : {baseline}");
            var perRound = images / rounds;
            var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var outcomes = 0;
            var attempts = 0L;
            var watch = Stopwatch.StartNew();
            for (var round = 0; round < rounds; round++)
            {
                var (count, tries, errors) = Drive(provider, options, Inputs(name, perRound, (round + 1) * 100_000));
                outcomes += count;
                attempts += tries;
                foreach (var (kind, n) in errors)
                {
                    kinds[kind] = kinds.GetValueOrDefault(kind) + n;
                }

                Console.WriteLine($"  {name,-13} round {round + 1}/{rounds}: {Sample()}");
            }

            watch.Stop();
            var (requests, faults, iam) = emulator.FaultStats();
            emulator.SetFaults(null);
            var errorText = kinds.Count == 0 ? "none" : string.Join(", ", kinds.Select(k => $"{k.Key} {k.Value}"));
            Console.WriteLine($"  {name,-13} {perRound * rounds:N0} inputs -> {outcomes:N0} outcomes in {watch.Elapsed.TotalSeconds:F1} s; "
                + $"{requests:N0} requests ({iam} to IAM), {faults:N0} faults injected ({100.0 * faults / Math.Max(1, requests):F1} %), "
                + $"{attempts:N0} attempts by the results; errors: {errorText}");
            failed |= outcomes != perRound * rounds || kinds.Count > 0;
        }

        return failed ? 1 : 0;
    }

    private static IEnumerable<(string Name, Func<IRecognitionProvider> Make)> Providers(EmulatorProcess emulator)
    {
        var keys = EmulatorProcess.Credentials;
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

    /// <summary>The cmdlet's loop; returns outcomes, the attempts of the results, and the errors by id.</summary>
    private static (int Outcomes, long Attempts, Dictionary<string, int> Errors) Drive(IRecognitionProvider provider, RecognitionOptions options, IEnumerable<RecognitionInput> inputs)
    {
        using var batch = new RecognitionBatch(provider, options, CancellationToken.None);
        var outcomes = 0;
        var attempts = 0L;
        var errors = new Dictionary<string, int>(StringComparer.Ordinal);
        BatchDriver.Run(batch, inputs, outcome =>
        {
            outcomes++;
            if (outcome.Result is { } result)
            {
                attempts += result.Attempts;
            }
            else
            {
                var id = outcome.Error?.Kind.ToString() ?? "NoError";
                if (!errors.ContainsKey(id))
                {
                    Console.WriteLine($"    first {id}: {outcome.Error?.Message}");
                }

                errors[id] = errors.GetValueOrDefault(id) + 1;
            }
        });

        return (outcomes, attempts, errors);
    }

    private static IEnumerable<RecognitionInput> Inputs(string provider, int count, int first)
    {
        for (var i = first; i < first + count; i++)
        {
            yield return RecognitionInput.FromBytes(BenchImages.Png(20 * 1024, seed: i), $"{provider}-{i}.png");
        }
    }

    /// <summary>Sockets, threads, handles and memory of this process, after a full collection.</summary>
    private static string Sample()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        var sockets = OperatingSystem.IsLinux()
            ? Directory.EnumerateFileSystemEntries("/proc/self/fd").Count(fd => (new FileInfo(fd).LinkTarget ?? string.Empty).StartsWith("socket:", StringComparison.Ordinal))
            : -1;
        return $"sockets {sockets,3}, threads {self.Threads.Count,3}, handles {self.HandleCount,4}, managed heap {GC.GetTotalMemory(false) / 1048576.0,6:F1} MB, working set {self.WorkingSet64 / 1048576.0,6:F1} MB";
    }
}
