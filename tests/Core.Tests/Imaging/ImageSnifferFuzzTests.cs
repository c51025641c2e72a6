using BankcardOcr.Imaging;

namespace BankcardOcr.Core.Tests.Imaging;

public class ImageSnifferFuzzTests
{
    private const int Cases = 10_000;

    private static readonly byte[][] Seeds =
    [
        TestImages.Png(640, 400),
        TestImages.Gif(320, 200),
        TestImages.Bmp(856, -540),
        TestImages.BmpCore(300, 190),
        TestImages.Jpeg(1024, 768, 0xC0, TestImages.Segment(0xE0, "JFIF\0", 14), TestImages.Segment(0xE1, "Exif\0\0", 40)),
        TestImages.Jpeg(800, 500, 0xC2),
        TestImages.Tiff(1200, 760, bigEndian: false, asLong: false),
        TestImages.Tiff(1200, 760, bigEndian: true, asLong: true),
        TestImages.WebpLossy(1000, 630),
        TestImages.WebpLossless(500, 300),
        TestImages.WebpExtended(2000, 1200),
        TestImages.Ftyp("mif1", "heic"),
    ];

    [Fact]
    public void RandomTruncatedAndMutatedInputNeverThrows()
    {
        var random = new Random(20261123);
        for (var i = 0; i < Cases; i++)
        {
            var data = NextInput(random, i % 4);
            foreach (var info in SniffEveryWay(data))
            {
                // Sizes come in pairs and are never zero or negative, whatever the bytes say.
                Assert.Equal(info.Width.HasValue, info.Height.HasValue);
                Assert.True(info.Width is null || (info.Width > 0 && info.Height > 0), $"case {i}");
            }
        }
    }

    private static IEnumerable<ImageInfo> SniffEveryWay(byte[] data)
    {
        yield return ImageSniffer.Sniff(data);
        yield return ImageSniffer.Sniff(new MemoryStream(data));
        yield return ImageSniffer.Sniff(new ForwardOnlyStream(data));
    }

    private static byte[] NextInput(Random random, int kind)
    {
        var seed = Seeds[random.Next(Seeds.Length)];
        switch (kind)
        {
            case 0: // noise
                var noise = new byte[random.Next(0, 80)];
                random.NextBytes(noise);
                return noise;
            case 1: // a valid image cut short
                return seed.Take(random.Next(0, seed.Length)).ToArray();
            case 2: // a valid image with a few bytes changed, often in its header fields
                var mutated = (byte[])seed.Clone();
                for (var n = random.Next(1, 5); n > 0; n--)
                {
                    mutated[random.Next(Math.Min(mutated.Length, 40))] = (byte)random.Next(256);
                }

                return mutated;
            default: // a real signature followed by noise
                var prefix = seed.Take(random.Next(2, 16)).ToArray();
                var tail = new byte[random.Next(0, 64)];
                random.NextBytes(tail);
                return prefix.Concat(tail).ToArray();
        }
    }
}
