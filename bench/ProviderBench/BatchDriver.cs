using BankcardOcr.Engine;
using BankcardOcr.Recognition;

namespace ProviderBench;

/// <summary>
/// The cmdlet's loop (InvokeBankcardRecognitionCommand) for the benchmarks: submit while a slot is free, hand every
/// outcome that is ready to <c>onOutcome</c>, and wait for the rest at the end.
/// </summary>
internal static class BatchDriver
{
    public static void Run(RecognitionBatch batch, IEnumerable<RecognitionInput> inputs, Action<RecognitionOutcome> onOutcome)
    {
        void Drain()
        {
            while (batch.TryTake() is { } outcome)
            {
                onOutcome(outcome);
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

        while (batch.Pending > 0)
        {
            batch.WaitForProgress(TimeSpan.FromMilliseconds(200));
            Drain();
        }
    }
}
