using BankcardOcr.Imaging;
using BankcardOcr.Recognition;

namespace BankcardOcr.Core.Tests.Imaging;

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
