using System.Diagnostics;
using System.Runtime.InteropServices;
using Perfolizer.Horology;

namespace ProviderBench;

/// <summary>
/// A BenchmarkDotNet clock that reads this process's CPU time (all threads: the caller, thread-pool
/// continuations, socket I/O and the GC) instead of the wall clock. With the emulator in another process,
/// the time spent waiting for its answer costs nothing here, so what BenchmarkDotNet reports per operation
/// is the client's own CPU.
/// </summary>
internal sealed class ProcessCpuClock : IClock
{
    public static readonly ProcessCpuClock Instance = new();

    // CLOCK_PROCESS_CPUTIME_ID: nanosecond resolution; Process.TotalProcessorTime reads /proc in 10 ms ticks on Linux.
    private const int ClockProcessCpuTimeId = 2;

    public string Title => "Process CPU time";

    public bool IsAvailable => true;

    public Frequency Frequency => OperatingSystem.IsLinux() ? Frequency.GHz : new Frequency(TimeSpan.TicksPerSecond);

    public long GetTimestamp()
    {
        if (OperatingSystem.IsLinux())
        {
            clock_gettime(ClockProcessCpuTimeId, out var now);
            return (now.Seconds * 1_000_000_000L) + now.Nanoseconds;
        }

        return Process.GetCurrentProcess().TotalProcessorTime.Ticks;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", SetLastError = false)]
#pragma warning disable SA1300, IDE1006 // the C function's own name
    private static extern int clock_gettime(int clockId, out TimeSpec time);
#pragma warning restore SA1300, IDE1006
}
