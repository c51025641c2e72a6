using BankcardOcr;
using BankcardOcr.Engine;
using BankcardOcr.Calls;

namespace ProviderBench;

/// <summary>The benchmarks' outcome writer: hands each outcome to a callback and remembers a fatal stop instead of throwing.</summary>
internal sealed class CallbackWriter(Action<RecognitionOutcome> onOutcome) : IOutcomeWriter
{
    public BankcardOcrException? Fatal { get; private set; }

    public bool Stopping => false;

    public void Write(RecognitionOutcome outcome) => onOutcome(outcome);

    public void Progress(SessionProgress progress)
    {
    }

    public bool ShouldSend(RecognitionInput input, string provider) => true;

    void IOutcomeWriter.Fatal(BankcardOcrException error, RecognitionInput input) => Fatal = error;
}
