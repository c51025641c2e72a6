using BankcardOcr.Providers;
using BankcardOcr.Engine;
using BankcardOcr.Calls;

namespace BankcardOcr.Core.Tests.Recognition;

/// <summary>A provider whose answers the test scripts; it records concurrency and attempts.</summary>
internal sealed class ScriptedProvider : IRecognitionProvider
{
    private readonly Func<ProviderRequest, CancellationToken, Task<BankcardRecognitionResult>> _answer;
    private int _inFlight;
    private int _maxInFlight;
    private int _calls;

    public ScriptedProvider(Func<ProviderRequest, CancellationToken, Task<BankcardRecognitionResult>> answer) => _answer = answer;

    public string Name { get; init; } = "Scripted";
    public int DefaultThrottleLimit { get; init; } = 4;
    public double? DefaultRequestsPerSecond { get; init; }
    public long? MaxFileBytes { get; init; }
    public ProviderDescriptor Descriptor => new ScriptedDescriptor(this);
    public int MaxInFlight => _maxInFlight;
    public int Calls => _calls;

    public Task<byte[]> PrepareImageAsync(byte[] image, RecognitionLog log, CancellationToken cancellationToken) => Task.FromResult(image);

    public async Task<BankcardRecognitionResult> RecognizeAsync(ProviderRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = _maxInFlight) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            return await _answer(request, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public void Dispose()
    {
    }

    public static BankcardRecognitionResult Card(string number) => new() { CardNumber = number };
}

/// <summary>The scripted provider's descriptor: its pace and file limit come from the provider's init properties.</summary>
internal sealed class ScriptedDescriptor : BankcardOcr.Cloud.CloudProviderDescriptor
{
    private readonly ScriptedProvider _provider;

    public ScriptedDescriptor(ScriptedProvider provider) => _provider = provider;

    public override string Name => _provider.Name;
    public override BankcardOcr.Imaging.ImageLimits ImageLimits { get; } = new("Scripted", new[] { BankcardOcr.Imaging.ImageFormat.Jpeg }, 1 << 20);
    public override int DefaultThrottleLimit => _provider.DefaultThrottleLimit;
    public override double? DefaultRequestsPerSecond => _provider.DefaultRequestsPerSecond;
    public override long MaxFileBytes => _provider.MaxFileBytes ?? base.MaxFileBytes;

    public override Task<IRecognitionProvider> CreateAsync(ProviderSettings settings, CancellationToken cancellationToken) =>
        Task.FromResult<IRecognitionProvider>(_provider);
}

internal static class BatchDriver
{
    /// <summary>Drives a batch the way the cmdlet does: submit while slots are free, take whatever is ready.</summary>
    public static List<RecognitionOutcome> RunAll(RecognitionBatch batch, IEnumerable<RecognitionInput> inputs)
    {
        var outcomes = new List<RecognitionOutcome>();
        void Drain()
        {
            while (batch.TryTake() is { } outcome)
            {
                outcomes.Add(outcome);
            }
        }

        foreach (var input in inputs)
        {
            while (!batch.TrySubmit(input))
            {
                Drain();
                batch.WaitForProgress(TimeSpan.FromMilliseconds(200));
            }

            Drain();
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (batch.Pending > 0 && DateTime.UtcNow < deadline)
        {
            Drain();
            if (batch.Pending > 0)
            {
                batch.WaitForProgress(TimeSpan.FromMilliseconds(200));
            }
        }

        Drain();
        return outcomes;
    }

    public static IEnumerable<RecognitionInput> Images(int count) =>
        Enumerable.Range(0, count).Select(i => RecognitionInput.FromBytes(BitConverter.GetBytes(i), $"image{i}"));

    public static int IndexOf(ProviderRequest request) => BitConverter.ToInt32(request.Image!, 0);
}
