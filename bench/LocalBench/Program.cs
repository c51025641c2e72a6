using System.Diagnostics;
using BankcardOcr.Providers;
using BankcardOcr.Providers.Local;
using BankcardOcr.Calls;
using BankcardOcr.TestSupport;

// LocalBench latency <photos>    one photo at a time (ThrottleLimit 1: ONNX Runtime gets every core)
// LocalBench throughput <photos> ThrottleLimit = cores (the default): photos in parallel
// LocalBench single <photos>     the default ThrottleLimit, one photo at a time (a foreach loop calling the cmdlet per file)
// LocalBench write <folder> <n>  writes n rendered cards as JPEG files and their numbers in truth.csv
//                                (for the pwsh working-set run, bench/LocalBench/batch.ps1)
var mode = args.Length > 0 ? args[0] : "latency";
if (mode == "write")
{
    Directory.CreateDirectory(args[1]);
    var truth = new List<string>();
    for (var i = 0; i < int.Parse(args[2]); i++)
    {
        var (number, image) = Render(i);
        File.WriteAllBytes(Path.Combine(args[1], $"card{i:0000}.jpg"), image);
        truth.Add($"card{i:0000}.jpg,{number}");
    }

    File.WriteAllLines(Path.Combine(args[1], "truth.csv"), truth);
    return;
}

var count = args.Length > 1 ? int.Parse(args[1]) : 40;
var module = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../out/BankcardOcr"));
var parallel = mode == "throughput" ? Environment.ProcessorCount : 1;
var load = Stopwatch.StartNew();
using var provider = new LocalProvider(new LocalOptions { ModuleDirectory = module, Parallelism = mode == "latency" ? 1 : Environment.ProcessorCount });
Console.WriteLine($"session load: {load.ElapsedMilliseconds} ms (first in process: {provider.ModelLoadMilliseconds} ms)");

var photos = Enumerable.Range(1000, count).Select(Render).ToArray();
await Recognize(photos[0].Image, "warm-up");
var latencies = new List<double>();
var right = 0;
var wrong = 0;
var next = -1;
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var wall = Stopwatch.StartNew();
var workers = Enumerable.Range(0, parallel).Select(_ => Task.Run(async () =>
{
    int i;
    while ((i = Interlocked.Increment(ref next)) < photos.Length)
    {
        var watch = Stopwatch.StartNew();
        string? number = null;
        try
        {
            number = (await Recognize(photos[i].Image, $"card{i}")).CardNumber;
        }
        catch (BankcardOcr.BankcardOcrException)
        {
        }

        lock (latencies)
        {
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            if (number == photos[i].Number)
            {
                right++;
            }
            else if (number != null)
            {
                wrong++;
            }
        }
    }
})).ToArray();
await Task.WhenAll(workers);
wall.Stop();
latencies.Sort();
Console.WriteLine($"{mode}: {count} photos, {parallel} in parallel, {Environment.ProcessorCount} cores");
Console.WriteLine($"  median {latencies[latencies.Count / 2]:0} ms, p95 {latencies[(int)(latencies.Count * 0.95)]:0} ms, max {latencies[^1]:0} ms");
Console.WriteLine($"  throughput {count / wall.Elapsed.TotalSeconds:0.00} photos/s; right {right}, wrong {wrong}, abstained {count - right - wrong}");
Console.WriteLine($"  CPU per photo {(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / count:0} ms (all threads; independent of other load on the machine)");
Console.WriteLine($"  peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB");

Task<BankcardOcr.BankcardRecognitionResult> Recognize(byte[] image, string name) =>
    provider.RecognizeAsync(new ProviderRequest(RecognitionInput.FromBytes(image, name), image, 0, new RecognitionLog(name)), CancellationToken.None);

static (string Number, byte[] Image) Render(int seed)
{
    // Luhn-valid numbers on a 19-digit ABC prefix and a 16-digit Visa prefix, alternating.
    var random = new Random(seed);
    var (prefix, length, groups) = seed % 2 == 0 ? ("622848", 19, new[] { 4, 4, 4, 4, 3 }) : ("4", 16, new[] { 4, 4, 4, 4 });
    var number = CardNumbers.WithCheckDigit(prefix + string.Concat(Enumerable.Range(0, length - 1 - prefix.Length).Select(_ => (char)('0' + random.Next(10)))));
    return (number, TestCards.Card(number, groups, $"{1 + random.Next(12):00}/{25 + random.Next(8)}", index: seed));
}
