using BankcardOcr.Emulator.Hosting;

namespace BankcardOcr.Module.Tests.Emulator;

public class ImageInspectorTests
{
    public static TheoryData<byte[], string, int, int> Images => new()
    {
        { TestImages.Png(640, 400), "Png", 640, 400 },
        { TestImages.Jpeg(1024, 768, 0xC0, TestImages.Segment(0xE0, "JFIF\0", 14)), "Jpeg", 1024, 768 },
        { TestImages.Bmp(300, -200), "Bmp", 300, 200 },
        { TestImages.Tiff(500, 9000, asLong: true), "Tiff", 500, 9000 },
        { TestImages.Tiff(20, 30, bigEndian: true), "Tiff", 20, 30 },
        { TestImages.Gif(10, 12), "Gif", 10, 12 },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void ReadsFormatAndSizeFromTheHeader(byte[] image, string format, int width, int height) =>
        Assert.Equal(new ImageInfo(Enum.Parse<ImageFormat>(format), width, height), ImageInspector.Inspect(image));

    [Fact]
    public void UnknownBytesAreUnknownAndTruncatedHeadersHaveNoSize()
    {
        Assert.Equal(ImageFormat.Unknown, ImageInspector.Inspect("hello"u8).Format);
        Assert.False(ImageInspector.Inspect(TestImages.Png()[..20]).HasSize);
        Assert.False(ImageInspector.Inspect([0xFF, 0xD8, 0xFF, 0xE0]).HasSize);
    }
}
