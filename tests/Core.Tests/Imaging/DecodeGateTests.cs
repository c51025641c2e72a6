using BankcardOcr.Providers.TencentLegacy;
using BankcardOcr.Imaging;
using BankcardOcr.Calls;

namespace BankcardOcr.Core.Tests.Imaging;

/// <summary>The gate is process-wide: tests that decode share this collection so they do not run at the same time as the gate's own test.</summary>
[CollectionDefinition(Name)]
public sealed class DecodingCollection
{
    public const string Name = "Decoding";
}

[Collection(DecodingCollection.Name)]
public class DecodeGateTests
{
    [Fact]
    public async Task NoMoreThanTwoImagesAreDecodedAtOnce()
    {
        var image = TestImages.PhotoBmp(1200, 800, noise: 10);
        DecodeGate.ResetPeak();
        using var start = new ManualResetEventSlim();

        var workers = Enumerable.Range(0, 8)
            .Select(_ => Task.Run(async () =>
            {
                start.Wait();
                return await ImagePreflight.PrepareAsync(image, TencentLegacyDescriptor.Limits, null, new RecognitionLog());
            }))
            .ToArray();
        start.Set();
        var results = await Task.WhenAll(workers);

        Assert.All(results, r => Assert.Equal(ImageFormat.Jpeg, ImageSniffer.Sniff(r).Format));
        Assert.InRange(DecodeGate.Peak, 1, DecodeGate.Capacity);
        Assert.Equal(0, DecodeGate.Active);
    }

    [Fact]
    public async Task WaitingForADecodeSlotEndsAtOnceWhenCancelled()
    {
        // Hold both slots, then a third image must wait; cancelling ends that wait without a decode.
        using var first = await DecodeGate.EnterAsync(CancellationToken.None);
        using var second = await DecodeGate.EnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = ImagePreflight.PrepareAsync(TestImages.PhotoBmp(1200, 800, noise: 10), TencentLegacyDescriptor.Limits, null, new RecognitionLog(), cancel.Token);
        Assert.False(waiting.IsCompleted);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
