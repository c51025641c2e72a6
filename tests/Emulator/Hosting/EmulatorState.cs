namespace BankcardOcr.Emulator.Hosting;

/// <summary>What every endpoint shares: the options it checks against, the counters, the images.</summary>
internal sealed class EmulatorState(EmulatorOptions options)
{
    public EmulatorOptions Options { get; } = options;

    public EmulatorStats Stats { get; } = new();

    public ImageStore Images { get; } = new();

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public Uri BaseAddress { get; set; } = new("http://127.0.0.1/");
}
