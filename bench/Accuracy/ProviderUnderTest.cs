using System.Diagnostics;
using BankcardOcr.CardSynth;
using BankcardOcr.Providers;
using BankcardOcr.Calls;

namespace BankcardOcr.Accuracy;

/// <summary>
/// Runs cards one at a time through a provider's own API (prepare, then recognise), as the batch pipeline would
/// on its first attempt, and times each. One at a time so that latency is per photo, not shared with a neighbour.
/// </summary>
internal sealed class ProviderUnderTest
{
    private readonly IRecognitionProvider _provider;

    public ProviderUnderTest(IRecognitionProvider provider) => _provider = provider;

    /// <summary>Reads the card's photo, or <paramref name="imageOverride"/> (e.g. its number-line crop) in its place.</summary>
    public async Task<CardReading> ReadAsync(SyntheticCard card, CancellationToken cancellationToken, byte[]? imageOverride = null)
    {
        var bytes = imageOverride ?? card.Image;
        var log = new RecognitionLog(card.FileName);
        var input = RecognitionInput.FromBytes(bytes, card.FileName);
        // CPU time as well as wall time: on a machine shared with other work, wall time measures the neighbours too.
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        double CpuMs()
        {
            process.Refresh();
            return (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        }

        var clock = Stopwatch.StartNew();
        try
        {
            var image = await _provider.PrepareImageAsync(bytes, log, cancellationToken).ConfigureAwait(false);
            var result = await _provider.RecognizeAsync(new ProviderRequest(input, image, 0, log), cancellationToken).ConfigureAwait(false);
            clock.Stop();
            var verdict = CardReading.Judge(card.Number, result.CardNumber);
            return new CardReading(card, verdict, result.CardNumber, result.Confidence, result.ValidThru, clock.Elapsed.TotalMilliseconds, string.Empty) { CpuMilliseconds = CpuMs() };
        }
        catch (BankcardOcrException e)
        {
            clock.Stop();
            var verdict = e.Kind == BankcardOcrErrorKind.NoCardFound ? ReadingVerdict.Abstained : ReadingVerdict.Failed;
            return new CardReading(card, verdict, string.Empty, null, string.Empty, clock.Elapsed.TotalMilliseconds, $"{e.Kind}: {e.Message}") { CpuMilliseconds = CpuMs() };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A crash on one card is a finding, not the end of the run.
            clock.Stop();
            return new CardReading(card, ReadingVerdict.Failed, string.Empty, null, string.Empty, clock.Elapsed.TotalMilliseconds, $"{e.GetType().Name}: {e.Message}") { CpuMilliseconds = CpuMs() };
        }
    }
}
