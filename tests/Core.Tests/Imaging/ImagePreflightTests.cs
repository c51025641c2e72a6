using BankcardOcr.Providers.Local;
using BankcardOcr.Providers.Huawei;
using BankcardOcr.Providers.TencentLegacy;
using BankcardOcr.Providers.Tencent;
using BankcardOcr.Imaging;

namespace BankcardOcr.Core.Tests.Imaging;

public class ImagePreflightTests
{
    private const int MiB = 1024 * 1024;

    [Fact]
    public void LegacyTencentTakesExactlyOneMegabyte()
    {
        var info = ImagePreflight.Check(PaddedJpeg(MiB), TencentLegacyDescriptor.Limits, "TencentLegacy");

        Assert.Equal(MiB, info.ByteLength);
    }

    [Fact]
    public void LegacyTencentRefusesOneByteOverOneMegabyte()
    {
        var error = Assert.Throws<BankcardOcrException>(() => ImagePreflight.Check(PaddedJpeg(MiB + 1), TencentLegacyDescriptor.Limits, "TencentLegacy"));

        Assert.Equal(BankcardOcrErrorKind.ImageTooLarge, error.Kind);
        Assert.Equal("TencentLegacy", error.Provider);
        Assert.Equal("The image is 1 MB (1,048,577 bytes); TencentLegacy accepts at most 1 MB (1,048,576 bytes).", error.Message);
    }

    [Fact]
    public void TooLargeMessageGivesActualSizeAndLimitUnmasked()
    {
        var error = Assert.Throws<BankcardOcrException>(() => ImagePreflight.Check(PaddedJpeg(1_468_006), TencentLegacyDescriptor.Limits, "TencentLegacy"));

        Assert.Equal("The image is 1.4 MB (1,468,006 bytes); TencentLegacy accepts at most 1 MB (1,048,576 bytes).", error.Message);
    }

    [Fact]
    public void TencentTakesTheLargestImageWhoseBase64IsTenMegabytes()
    {
        Assert.Equal(10L * MiB, ImagePreflight.Base64Length(TencentDescriptor.Limits.MaxImageBytes));

        var info = ImagePreflight.Check(PaddedJpeg(7_864_320), TencentDescriptor.Limits, "Tencent");

        Assert.Equal(ImageFormat.Jpeg, info.Format);
    }

    [Fact]
    public void TencentRefusesAnImageWhoseBase64ExceedsTenMegabytes()
    {
        var error = Assert.Throws<BankcardOcrException>(() => ImagePreflight.Check(PaddedJpeg(7_864_321), TencentDescriptor.Limits, "Tencent"));

        Assert.Equal(BankcardOcrErrorKind.ImageTooLarge, error.Kind);
        Assert.Equal(
            "The image is 7.5 MB (7,864,321 bytes), 10 MB (10,485,764 bytes) as Base64; Tencent accepts at most 10 MB (10,485,760 bytes) of Base64.",
            error.Message);
    }

    [Theory]
    [InlineData(15, 15)]
    [InlineData(8192, 8192)]
    [InlineData(15, 8192)]
    public void HuaweiTakesSidesFrom15To8192(int width, int height)
    {
        var info = ImagePreflight.Check(TestImages.Png(width, height), HuaweiDescriptor.Limits, "Huawei");

        Assert.Equal((width, height), (info.Width, info.Height));
    }

    [Theory]
    [InlineData(14, 500)]
    [InlineData(500, 14)]
    public void HuaweiRefusesASideUnder15(int width, int height)
    {
        var error = Assert.Throws<BankcardOcrException>(() => ImagePreflight.Check(TestImages.Png(width, height), HuaweiDescriptor.Limits, "Huawei"));

        Assert.Equal(BankcardOcrErrorKind.ImageTooSmall, error.Kind);
        Assert.Equal($"The image is {width}x{height} pixels; Huawei needs at least 15 pixels on each side.", error.Message);
    }

    [Theory]
    [InlineData(8193, 500)]
    [InlineData(500, 8193)]
    public void HuaweiRefusesASideOver8192(int width, int height)
    {
        var error = Assert.Throws<BankcardOcrException>(() => ImagePreflight.Check(TestImages.Tiff(width, height, bigEndian: true, asLong: false), HuaweiDescriptor.Limits, "Huawei"));

        Assert.Equal(BankcardOcrErrorKind.ImageTooLarge, error.Kind);
        Assert.Equal($"The image is {width}x{height} pixels; Huawei accepts at most 8192 pixels on each side.", error.Message);
    }

    [Fact]
    public void HuaweiTakesBase64OfExactlyTenMegabytesAndRefusesOneByteMore()
    {
        ImagePreflight.Check(PaddedJpeg(7_864_320), HuaweiDescriptor.Limits, "Huawei");

        var error = Assert.Throws<BankcardOcrException>(() => ImagePreflight.Check(PaddedJpeg(7_864_321), HuaweiDescriptor.Limits, "Huawei"));
        Assert.Equal(BankcardOcrErrorKind.ImageTooLarge, error.Kind);
    }

    [Fact]
    public void GifIsRefusedByTencentNamingTheAcceptedFormats()
    {
        var error = Assert.Throws<BankcardOcrException>(() => ImagePreflight.Check(TestImages.Gif(600, 400), TencentDescriptor.Limits, "Tencent"));

        Assert.Equal(BankcardOcrErrorKind.UnsupportedImageFormat, error.Kind);
        Assert.Equal("The image is GIF; Tencent accepts JPEG, PNG, BMP.", error.Message);
    }

    [Fact]
    public void GifIsRefusedByLegacyTencent() =>
        Assert.Equal(
            BankcardOcrErrorKind.UnsupportedImageFormat,
            Assert.Throws<BankcardOcrException>(() => ImagePreflight.Check(TestImages.Gif(600, 400), TencentLegacyDescriptor.Limits, "TencentLegacy")).Kind);

    [Fact]
    public void TiffIsTakenByHuaweiButNotByTencent()
    {
        var tiff = TestImages.Tiff(1000, 630, bigEndian: false, asLong: false);

        Assert.Equal(ImageFormat.Tiff, ImagePreflight.Check(tiff, HuaweiDescriptor.Limits, "Huawei").Format);
        Assert.Throws<BankcardOcrException>(() => ImagePreflight.Check(tiff, TencentDescriptor.Limits, "Tencent"));
    }

    [Fact]
    public void UnrecognisedBytesAreCalledThat()
    {
        var error = Assert.Throws<BankcardOcrException>(() => ImagePreflight.Check("hello, world"u8.ToArray(), HuaweiDescriptor.Limits, "Huawei"));

        Assert.Equal(BankcardOcrErrorKind.UnsupportedImageFormat, error.Kind);
        Assert.Equal("The bytes are not a recognised image. Huawei accepts JPEG, PNG, BMP, TIFF.", error.Message);
    }

    [Fact]
    public void HeicAndPdfAreNamedWhenRefused()
    {
        var heic = Assert.Throws<BankcardOcrException>(() => ImagePreflight.Check(TestImages.Ftyp("heic"), LocalDescriptor.Limits, "Local"));
        var pdf = Assert.Throws<BankcardOcrException>(() => ImagePreflight.Check("%PDF-1.4\n"u8.ToArray(), LocalDescriptor.Limits, "Local"));

        Assert.StartsWith("The image is HEIC;", heic.Message);
        Assert.StartsWith("The image is PDF;", pdf.Message);
    }

    [Fact]
    public void FormatIsCheckedBeforeSize()
    {
        var bigGif = TestImages.Gif(600, 400).Concat(new byte[2 * MiB]).ToArray();

        var error = Assert.Throws<BankcardOcrException>(() => ImagePreflight.Check(bigGif, TencentLegacyDescriptor.Limits, "TencentLegacy"));

        Assert.Equal(BankcardOcrErrorKind.UnsupportedImageFormat, error.Kind);
    }

    [Theory]
    [InlineData("Tencent")]
    [InlineData("TencentLegacy")]
    [InlineData("Huawei")]
    public void AJpegWithoutFrameHeaderIsUnsupportedForEveryProvider(string provider)
    {
        var jpegWithoutFrame = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0, 0 };

        var error = Assert.Throws<BankcardOcrException>(() => ImagePreflight.Check(jpegWithoutFrame, LimitsOf(provider), provider));

        Assert.Equal(BankcardOcrErrorKind.UnsupportedImageFormat, error.Kind);
        Assert.Contains("no pixel size", error.Message);
    }

    private static ImageLimits LimitsOf(string provider) => provider switch
    {
        "Tencent" => TencentDescriptor.Limits,
        "TencentLegacy" => TencentLegacyDescriptor.Limits,
        _ => HuaweiDescriptor.Limits,
    };

    [Fact]
    public void ProviderDefaultsToTheLimitsName()
    {
        var error = Assert.Throws<BankcardOcrException>(() => ImagePreflight.Check(TestImages.Png(10, 10), HuaweiDescriptor.Limits, null));

        Assert.Equal("Huawei", error.Provider);
    }

    [Fact]
    public void FileLengthAtTheRawLimitPasses() =>
        ImagePreflight.CheckFileLength(MiB, TencentLegacyDescriptor.Limits, "TencentLegacy");

    [Theory]
    [InlineData("TencentLegacy", 1_048_577)]
    [InlineData("Tencent", 7_864_321)]
    [InlineData("Huawei", 7_864_321)]
    [InlineData("Local", 52_428_801)]
    public void FileLengthOneByteOverIsRefusedWithoutReading(string provider, long length)
    {
        var limits = provider switch
        {
            "TencentLegacy" => TencentLegacyDescriptor.Limits,
            "Tencent" => TencentDescriptor.Limits,
            "Huawei" => HuaweiDescriptor.Limits,
            _ => LocalDescriptor.Limits,
        };

        ImagePreflight.CheckFileLength(length - 1, limits, provider);
        var error = Assert.Throws<BankcardOcrException>(() => ImagePreflight.CheckFileLength(length, limits, provider));

        Assert.Equal(BankcardOcrErrorKind.ImageTooLarge, error.Kind);
        Assert.Equal(provider, error.Provider);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 4)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(7_864_320, 10_485_760)]
    public void Base64LengthCountsFourCharactersPerStartedThreeBytes(long bytes, long characters) =>
        Assert.Equal(characters, ImagePreflight.Base64Length(bytes));

    /// <summary>A valid JPEG header followed by filler up to <paramref name="length"/> bytes.</summary>
    private static byte[] PaddedJpeg(int length)
    {
        var data = new byte[length];
        TestImages.Jpeg(856, 540).CopyTo(data, 0);
        return data;
    }
}
