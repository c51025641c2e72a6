using System.Diagnostics;
using System.Globalization;
using BankcardOcr.Emulator;

namespace ProviderBench;

/// <summary>
/// The emulator in a child process (this program with <c>emulator</c>), so its CPU, allocations and memory
/// stay out of every client measurement. The parent talks to it over the child's stdin and stdout:
/// <c>latency MS</c>, <c>rate N|off</c>, <c>reset</c>, <c>stats</c>, <c>faults SEED|off</c>, <c>faultstats</c>;
/// closing stdin stops it.
/// </summary>
internal sealed class EmulatorProcess : IDisposable
{
    private readonly Process _child;

    private EmulatorProcess(Process child, Uri address)
    {
        _child = child;
        BaseAddress = address;
    }

    public Uri BaseAddress { get; }

    /// <summary>The child's CPU time so far, to tell whether a run was limited by the emulator.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _child.Refresh();
            return _child.TotalProcessorTime;
        }
    }

    /// <summary>The credentials the child accepts: the emulator's defaults, which both sides construct alike.</summary>
    public static EmulatorOptions Credentials { get; } = new();

    public static EmulatorProcess Start()
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(EmulatorProcess).Assembly.Location);
        }

        start.ArgumentList.Add("emulator");
        var child = Process.Start(start) ?? throw new InvalidOperationException("the emulator process did not start");
        var address = child.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the emulator printed no address");
        return new EmulatorProcess(child, new Uri(address));
    }

    public string Send(string command)
    {
        _child.StandardInput.WriteLine(command);
        _child.StandardInput.Flush();
        return _child.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the emulator stopped");
    }

    public void SetLatency(TimeSpan latency) => Send("latency " + latency.TotalMilliseconds.ToString(CultureInfo.InvariantCulture));

    public void SetRateLimit(double? perSecond) => Send("rate " + (perSecond?.ToString(CultureInfo.InvariantCulture) ?? "off"));

    public void Reset() => Send("reset");

    /// <summary>Turns the soak's seeded fault mix on, or off with null.</summary>
    public void SetFaults(int? seed) => Send("faults " + (seed?.ToString(CultureInfo.InvariantCulture) ?? "off"));

    /// <summary>Requests, faults injected and IAM requests since the last reset.</summary>
    public (long Requests, long Faults, long IamRequests) FaultStats()
    {
        var fields = Send("faultstats").Split(' ').Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return (fields[0], fields[1], fields[2]);
    }

    public EmulatorCounters Stats()
    {
        var fields = Send("stats").Split(' ').Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return new EmulatorCounters(fields[0], fields[1], fields[2], fields[3]);
    }

    public void Dispose()
    {
        _child.StandardInput.Close();
        if (!_child.WaitForExit(10_000))
        {
            _child.Kill();
        }

        _child.Dispose();
    }

    /// <summary>The child side: serve until stdin closes, answering one line per command.</summary>
    public static async Task<int> ServeAsync()
    {
        await using var emulator = await CloudEmulator.StartAsync();
        Console.WriteLine(emulator.BaseAddress);
        while (await Console.In.ReadLineAsync() is { } line)
        {
            var parts = line.Split(' ', 2);
            switch (parts[0])
            {
                case "latency":
                    emulator.Latency = TimeSpan.FromMilliseconds(double.Parse(parts[1], CultureInfo.InvariantCulture));
                    break;
                case "rate":
                    emulator.RateLimitPerSecond = parts[1] == "off" ? null : double.Parse(parts[1], CultureInfo.InvariantCulture);
                    break;
                case "reset":
                    emulator.Stats.Reset();
                    break;
                case "faults":
                    emulator.RandomFaults = parts[1] == "off" ? null : SoakBench.Faults(int.Parse(parts[1], CultureInfo.InvariantCulture));
                    break;
                case "faultstats":
                    var f = emulator.Stats;
                    Console.WriteLine(string.Join(' ', f.TotalRequests, f.FaultsInjected, f.Requests(EmulatedApi.HuaweiIam)));
                    continue;
                case "stats":
                    var s = emulator.Stats;
                    Console.WriteLine(string.Join(' ', s.TotalRequests, s.RateLimited, s.MaxConcurrent, s.Successes(EmulatedApi.Tencent) + s.Successes(EmulatedApi.TencentLegacy)));
                    continue;
            }

            Console.WriteLine("ok");
        }

        return 0;
    }
}

internal readonly record struct EmulatorCounters(long TotalRequests, long RateLimited, long MaxConcurrent, long Successes);
