using BankcardOcr.Imaging;
using BankcardOcr.Providers;
using BankcardOcr.Calls;
using BankcardOcr.Cloud;

namespace BankcardOcr.TestSupport;

/// <summary>
/// A provider whose answers the test scripts, per request or per input name; it records calls and the most calls in
/// flight at once. Its descriptor (<see cref="ScriptedDescriptor"/>) takes pace and file limit from the init properties.
/// </summary>
public sealed class ScriptedProvider : IRecognitionProvider
{
    private readonly Func<ProviderRequest, CancellationToken, Task<BankcardRecognitionResult>> _answer;
    private int _inFlight;
    private int _maxInFlight;
    private int _calls;

    /// <summary>A provider that answers each request with <paramref name="answer"/>.</summary>
    public ScriptedProvider(Func<ProviderRequest, CancellationToken, Task<BankcardRecognitionResult>> answer) => _answer = answer;

    /// <summary>A provider that answers each input by its source name; a missing name is a test bug and throws.</summary>
    public ScriptedProvider(IReadOnlyDictionary<string, Func<BankcardRecognitionResult>> answersBySource)
        : this((request, _) => Task.FromResult(answersBySource[request.Input.Source]()))
    {
    }

    /// <inheritdoc/>
    public string Name { get; init; } = "Scripted";

    /// <summary>The descriptor's default ThrottleLimit.</summary>
    public int DefaultThrottleLimit { get; init; } = 4;

    /// <summary>The descriptor's default pace; null for none.</summary>
    public double? DefaultRequestsPerSecond { get; init; }

    /// <summary>The descriptor's file limit; null for the base descriptor's.</summary>
    public long? MaxFileBytes { get; init; }

    /// <inheritdoc/>
    public ProviderDescriptor Descriptor => new ScriptedDescriptor(this);

    /// <summary>The most requests that were in <see cref="RecognizeAsync"/> at once.</summary>
    public int MaxInFlight => _maxInFlight;

    /// <summary>How many requests came.</summary>
    public int Calls => _calls;

    /// <summary>A result that holds only a card number.</summary>
    public static BankcardRecognitionResult Card(string number) => new() { CardNumber = number };

    /// <inheritdoc/>
    public Task<byte[]> PrepareImageAsync(byte[] image, RecognitionLog log, CancellationToken cancellationToken) => Task.FromResult(image);

    /// <inheritdoc/>
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

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}

/// <summary>The scripted provider's descriptor: its pace and file limit come from the provider's init properties.</summary>
public sealed class ScriptedDescriptor : CloudProviderDescriptor
{
    private readonly ScriptedProvider _provider;

    /// <summary>The descriptor of <paramref name="provider"/>.</summary>
    public ScriptedDescriptor(ScriptedProvider provider) => _provider = provider;

    /// <inheritdoc/>
    public override string Name => _provider.Name;

    /// <inheritdoc/>
    public override ImageLimits ImageLimits { get; } = new("Scripted", new[] { ImageFormat.Jpeg }, 1 << 20);

    /// <inheritdoc/>
    public override int DefaultThrottleLimit => _provider.DefaultThrottleLimit;

    /// <inheritdoc/>
    public override double? DefaultRequestsPerSecond => _provider.DefaultRequestsPerSecond;

    /// <inheritdoc/>
    public override long MaxFileBytes => _provider.MaxFileBytes ?? base.MaxFileBytes;

    /// <inheritdoc/>
    public override Task<IRecognitionProvider> CreateAsync(ProviderSettings settings, CancellationToken cancellationToken) =>
        Task.FromResult<IRecognitionProvider>(_provider);
}
