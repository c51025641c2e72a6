using BankcardOcr.Engine;
using BankcardOcr.Providers;
using BankcardOcr.Calls;

namespace BankcardOcr.Core.Tests.Recognition;

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
