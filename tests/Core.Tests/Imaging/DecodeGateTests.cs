using BankcardOcr.Imaging;
using BankcardOcr.Recognition;

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
        var image = GeneratedImages.Bmp(1200, 800, noise: 10);
        DecodeGate.ResetPeak();
        using var start = new ManualResetEventSlim();

        var workers = Enumerable.Range(0, 8)
            .Select(_ => Task.Factory.StartNew(
                () =>
                {
                    start.Wait();
                    return ImagePreflight.Prepare(image, ImageLimits.TencentLegacy, null, new RecognitionLog());
                },
                TaskCreationOptions.LongRunning))
            .ToArray();
        start.Set();
        var results = await Task.WhenAll(workers);

        Assert.All(results, r => Assert.Equal(ImageFormat.Jpeg, ImageSniffer.Sniff(r).Format));
        Assert.InRange(DecodeGate.Peak, 1, DecodeGate.Capacity);
        Assert.Equal(0, DecodeGate.Active);
    }
}
