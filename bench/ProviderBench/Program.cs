// Client cost per provider call and whole-batch behaviour, against the emulator in a child process.
//
//   dotnet run --project bench/ProviderBench -c Release -- requests       per-call CPU and allocation (BenchmarkDotNet)
//   dotnet run --project bench/ProviderBench -c Release -- batch [throughput|quota|memory]   RecognitionBatch runs
//   dotnet run --project bench/ProviderBench -c Release -- soak [images] [rounds]   20 % mixed faults (docs/reliability.md)
//
// BenchmarkDotNet runs in process (the emulator is already out of it) on a process-CPU clock; see
// docs/performance.md for the method and the numbers.
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ProviderBench;

switch (args.FirstOrDefault())
{
    case "batch":
        return await BatchBench.RunAsync(args.Skip(1).ToArray());
    case "soak":
        return SoakBench.Run(args.Skip(1).ToArray());
}

// In process: a custom clock object cannot be handed to a generated child project, and the emulator is a
// separate process anyway. The clock makes every reported time CPU time.
var job = Job.Default
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithClock(ProcessCpuClock.Instance)
    .WithWarmupCount(4)
    .WithIterationCount(12)
    .WithId("CpuClock");
var config = DefaultConfig.Instance.AddJob(job.AsDefault());
var rest = args.FirstOrDefault() == "requests" ? args.Skip(1).ToArray() : args;
if (args.FirstOrDefault() == "requests")
{
    BenchmarkRunner.Run<RequestBenchmarks>(config, rest);
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(RequestBenchmarks).Assembly).Run(rest, config);
}

return 0;
