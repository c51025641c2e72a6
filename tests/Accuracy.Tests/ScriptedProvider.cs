using BankcardOcr.Providers;
using BankcardOcr.Calls;

namespace BankcardOcr.Accuracy.Tests;

/// <summary>A provider whose answer for each image (by its source name) is set by the test.</summary>
internal sealed class ScriptedProvider : IRecognitionProvider
{
    private readonly Dictionary<string, Func<BankcardRecognitionResult>> _answers;

    public ScriptedProvider(Dictionary<string, Func<BankcardRecognitionResult>> answers) => _answers = answers;

    public string Name => "Scripted";

    /// <summary>It stands in for the offline recognizer, the provider the harness measures.</summary>
    public ProviderDescriptor Descriptor => BankcardOcr.Providers.Local.LocalDescriptor.Instance;

    public Task<byte[]> PrepareImageAsync(byte[] image, RecognitionLog log, CancellationToken cancellationToken) => Task.FromResult(image);

    public Task<BankcardRecognitionResult> RecognizeAsync(ProviderRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(_answers[request.Input.Source]());

    public void Dispose()
    {
    }
}
