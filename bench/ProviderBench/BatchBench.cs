using System.Diagnostics;
using System.Globalization;
using System.Text;
using BankcardOcr.Providers;
using BankcardOcr.Providers.Tencent;
using BankcardOcr.Engine;
using BankcardOcr.Calls;

namespace ProviderBench;

/// <summary>
/// Whole-run measurements of <see cref="RecognitionBatch"/>, the engine under Invoke-BankcardRecognition,
/// driven the way the cmdlet drives it (submit while a slot is free, take what is ready, wait for progress),
/// with the Tencent API 3.0 provider against the emulator in a child process with 50 ms latency.
/// </summary>
internal static class BatchBench
{
    private static int ImageBytes = 100 * 1024;
    private static int QuotaCount = 640;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(50);

    public static async Task<int> RunAsync(string[] args)
    {
        var mode = args.FirstOrDefault() ?? "all";
        await using var emulator = await EmulatorHost.StartAsync();
        emulator.Latency = Latency;
        switch (mode)
        {
            case "throughput":
                ImageBytes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : ImageBytes;
                Throughput(emulator);
                break;
            case "quota":
                QuotaCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : QuotaCount;
                Quota(emulator);
                break;
            case "direct":
                ImageBytes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : ImageBytes;
                Direct(emulator);
                break;
            case "memory":
                Memory(emulator, args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000);
                break;
            default:
                Throughput(emulator);
                Quota(emulator);
                // Peak working set only ever grows: measured in a fresh process, not after the runs above.
                return await RunChildAsync("memory");
        }

        return 0;
    }

    /// <summary>(a) ThrottleLimit 16, no client rate: the ideal is 16 / 50 ms = 320 requests per second.</summary>
    private static void Throughput(EmulatorHost emulator)
    {
        const int throttle = 16;
        using var provider = Provider(emulator);
        var options = new RecognitionOptions { ThrottleLimit = throttle, MaxRequestsPerSecond = 0 };
        Drive(provider, options, Inputs(200)); // warm-up: JIT, connections
        emulator.Stats.Reset();
        const int count = 3000;
        var clientCpu = CpuTime();
        var emulatorCpu = emulator.CpuTime;
        var watch = Stopwatch.StartNew();
        var (results, errors) = Drive(provider, options, Inputs(count));
        watch.Stop();
        clientCpu = CpuTime() - clientCpu;
        emulatorCpu = emulator.CpuTime - emulatorCpu;
        var stats = emulator.Stats;
        var rate = count / watch.Elapsed.TotalSeconds;
        var ideal = throttle / Latency.TotalSeconds;
        Console.WriteLine($"(a) throughput: {count} requests in {watch.Elapsed.TotalSeconds:F2} s = {rate:F1} req/s = {rate / ideal:F3} of {ideal:F0}; "
            + $"results {results}, errors {errors}, emulator max concurrent {stats.MaxConcurrent}, requests {stats.TotalRequests}; "
            + $"{ImageBytes / 1024} KB images; CPU of the run: client {clientCpu.TotalSeconds:F1} s, emulator {emulatorCpu.TotalSeconds:F1} s");
    }

    /// <summary>(b) The emulator allows 20 requests in any one-second window; the client is told 20 per second.</summary>
    private static void Quota(EmulatorHost emulator)
    {
        const double quota = 20;
        using var provider = Provider(emulator);
        emulator.RateLimitPerSecond = quota;
        emulator.Stats.Reset();
        var options = new RecognitionOptions { ThrottleLimit = 16, MaxRequestsPerSecond = quota };
        var count = QuotaCount; // 640 by default: 32 s at the full rate
        var watch = Stopwatch.StartNew();
        var (results, errors) = Drive(provider, options, Inputs(count));
        watch.Stop();
        var stats = emulator.Stats;
        emulator.RateLimitPerSecond = null;
        // Request n may start no earlier than (n-1)/rate after the first, and its answer comes one latency later.
        var rate = (count - 1) / (watch.Elapsed - Latency).TotalSeconds;
        Console.WriteLine($"(b) quota: {count} requests in {watch.Elapsed.TotalSeconds:F2} s = {rate:F2} req/s = {rate / quota:F3} of {quota}; "
            + $"rate-limit answers {stats.RateLimited}, emulator requests {stats.TotalRequests}, results {results}, errors {errors}");
    }

    /// <summary>(c) File inputs, read when their turn comes; peak working set after 1,000 and after all.</summary>
    private static void Memory(EmulatorHost emulator, int count)
    {
        var folder = Directory.CreateTempSubdirectory("bankcardocr-bench-");
        try
        {
            // 500 distinct files, each named by many inputs: the batch reads every input anew, as for 10,000 files.
            var files = Enumerable.Range(0, 500).Select(i =>
            {
                var path = Path.Combine(folder.FullName, $"card{i:D4}.png");
                File.WriteAllBytes(path, TestImages.PngOfSize(ImageBytes, seed: i));
                return path;
            }).ToArray();
            using var provider = Provider(emulator);
            var options = new RecognitionOptions { ThrottleLimit = 16, MaxRequestsPerSecond = 0 };
            var start = Peak();
            var samples = new List<(int Done, long Peak, long Managed)>();
            var inputs = Enumerable.Range(0, count).Select(i => RecognitionInput.FromFile(files[i % files.Length]));
            var watch = Stopwatch.StartNew();
            var (results, errors) = Drive(provider, options, inputs, done =>
            {
                if (done == 1000 || done == count || done % 2500 == 0)
                {
                    samples.Add((done, Peak(), GC.GetTotalMemory(false)));
                }
            });
            watch.Stop();
            Console.WriteLine($"(c) memory: {count} file inputs of {ImageBytes / 1024} KB in {watch.Elapsed.TotalSeconds:F1} s, results {results}, errors {errors}; "
                + $"peak working set before the batch {start / 1048576.0:F1} MB");
            foreach (var (done, peak, managed) in samples)
            {
                Console.WriteLine($"    after {done,6}: peak working set {peak / 1048576.0:F1} MB, managed heap {managed / 1048576.0:F1} MB");
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The provider called from 16 plain loops, without the batch engine: the ceiling the engine is measured
    /// against, so engine overhead and emulator/machine limits can be told apart.
    /// </summary>
    private static void Direct(EmulatorHost emulator)
    {
        using var provider = Provider(emulator);
        const int Loops = 16;
        const int PerLoop = 150;
        var images = Enumerable.Range(0, Loops).Select(i => TestImages.PngOfSize(ImageBytes, seed: i)).ToArray();
        var watch = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, Loops).Select(loop => Task.Run(async () =>
        {
            for (var i = 0; i < PerLoop; i++)
            {
                var input = RecognitionInput.FromBytes(images[loop], "x");
                await provider.RecognizeAsync(new ProviderRequest(input, images[loop], 0, new RecognitionLog()), CancellationToken.None);
            }
        })).ToArray();
        Task.WaitAll(tasks);
        var rate = Loops * PerLoop / watch.Elapsed.TotalSeconds;
        Console.WriteLine($"(direct) {Loops * PerLoop} requests from {Loops} loops, no engine: {rate:F1} req/s = {rate / (Loops / Latency.TotalSeconds):F3} of {Loops / Latency.TotalSeconds:F0}; {ImageBytes / 1024} KB images");
    }

    /// <summary>One call through the session, as the cmdlet runs it: submit while a slot is free, write what is ready.</summary>
    private static (int Results, int Errors) Drive(TencentProvider provider, RecognitionOptions options, IEnumerable<RecognitionInput> inputs, Action<int>? onOutcome = null)
    {
        using var session = RecognitionSession.Over(provider, options, CancellationToken.None);
        var results = 0;
        var errors = 0;
        session.Run(inputs, new CallbackWriter(outcome =>
        {
            if (outcome.Result is null)
            {
                errors++;
            }
            else
            {
                results++;
            }

            onOutcome?.Invoke(results + errors);
        }));

        return (results, errors);
    }

    /// <summary>Bytes inputs made one at a time as the batch asks for them, so the input list holds nothing.</summary>
    private static IEnumerable<RecognitionInput> Inputs(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return RecognitionInput.FromBytes(TestImages.PngOfSize(ImageBytes, seed: i), $"card{i}.png");
        }
    }

    private static TencentProvider Provider(EmulatorHost emulator) => new(new TencentOptions
    {
        SecretId = emulator.Options.TencentSecretId,
        SecretKey = Encoding.UTF8.GetBytes(emulator.Options.TencentSecretKey),
        Endpoint = emulator.BaseAddress,
    });

    private static TimeSpan CpuTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static long Peak()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }

    private static async Task<int> RunChildAsync(string mode)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BatchBench).Assembly.Location);
        }

        start.ArgumentList.Add("batch");
        start.ArgumentList.Add(mode);
        using var child = Process.Start(start)!;
        await child.WaitForExitAsync();
        return child.ExitCode;
    }
}
