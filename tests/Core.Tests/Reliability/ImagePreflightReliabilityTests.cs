using System.Buffers.Binary;
using BankcardOcr.Providers.Local;
using BankcardOcr.Providers.Huawei;
using BankcardOcr.Providers.TencentLegacy;
using BankcardOcr.Providers.Tencent;
using BankcardOcr.Core.Tests.Imaging;
using BankcardOcr.Imaging;
using BankcardOcr.Calls;

namespace BankcardOcr.Core.Tests.Reliability;

/// <summary>One image preflight for every provider: the same bad image gets the same error id whoever would have read it.</summary>
public class ImagePreflightReliabilityTests
{
    public static TheoryData<string> Providers() => new() { "Tencent", "TencentLegacy", "Huawei", "Local" };

    [Theory]
    [MemberData(nameof(Providers))]
    public void AZeroByZeroPngIsUnsupportedWhateverTheProvider(string provider)
    {
        var error = Assert.Throws<BankcardOcrException>(() => ImagePreflight.Check(TestImages.Png(0, 0), Limits(provider), provider));

        Assert.Equal(BankcardOcrErrorKind.UnsupportedImageFormat, error.Kind);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void APngOrJpegDeclaringSixtyThousandPixelsASideIsRefusedBeforeDecoding(string provider)
    {
        foreach (var bomb in new[] { TestImages.Png(60000, 60000), TestImages.Jpeg(60000, 60000) })
        {
            var error = Assert.Throws<BankcardOcrException>(() => ImagePreflight.Check(bomb, Limits(provider), provider));

            Assert.Equal(BankcardOcrErrorKind.ImageTooLarge, error.Kind);
            Assert.Contains("60000x60000", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ABombNeverReachesTheDecoderEvenWhenItNeedsShrinking()
    {
        // Over TencentLegacy's 1 MB, so it would be shrunk if it could: the pixel cap stops it before any decode.
        // The IEND trailer makes it look complete, so only the decoder's own pixel cap can stop it there.
        byte[] iend = [0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82];
        var bomb = TestImages.Png(60000, 60000).Concat(new byte[1_100_000]).Concat(iend).ToArray();

        var error = await Assert.ThrowsAsync<BankcardOcrException>(() => ImagePreflight.PrepareAsync(bomb, TencentLegacyDescriptor.Limits, null, new RecognitionLog()));

        Assert.Equal(BankcardOcrErrorKind.ImageTooLarge, error.Kind);
        Assert.Null(RgbDecoder.Decode(bomb));
    }

    [Fact]
    public void ThePixelCapIsHuaweisLargestImage() =>
        ImagePreflight.Check(TestImages.Png(8192, 8192), HuaweiDescriptor.Limits, "Huawei");

    [Fact]
    public async Task ATruncatedJpegFoundWhenDecodingForFittingIsUnsupported()
    {
        // A real photo-like JPEG over TencentLegacy's 1 MB, cut off in the middle of its scan data.
        var jpeg = TestImages.PhotoJpeg(1600, 1200, noise: 60);
        Assert.True(jpeg.Length > 1_100_000, $"the test image is only {jpeg.Length} bytes");
        var cut = jpeg.AsSpan(0, jpeg.Length * 2 / 3).ToArray();

        var error = await Assert.ThrowsAsync<BankcardOcrException>(() => ImagePreflight.PrepareAsync(cut, TencentLegacyDescriptor.Limits, null, new RecognitionLog()));

        Assert.Equal(BankcardOcrErrorKind.UnsupportedImageFormat, error.Kind);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDecoderRefusesCutOffDataThatStbImageWouldFillWithGrey()
    {
        var jpeg = TestImages.PhotoJpeg(200, 120, noise: 30);
        var png = TestImages.PhotoPng(200, 120, noise: 30);
        var bmp = TestImages.PhotoBmp(200, 120, noise: 30);

        Assert.NotNull(RgbDecoder.Decode(jpeg));
        Assert.NotNull(RgbDecoder.Decode(png));
        Assert.NotNull(RgbDecoder.Decode(bmp));
        Assert.Null(RgbDecoder.Decode(jpeg.AsSpan(0, jpeg.Length - 200).ToArray()));
        Assert.Null(RgbDecoder.Decode(png.AsSpan(0, png.Length - 20).ToArray()));
        Assert.Null(RgbDecoder.Decode(bmp.AsSpan(0, bmp.Length / 2).ToArray()));
    }

    [Fact]
    public void BytesAfterTheJpegEndMarkerAreNotTruncation()
    {
        var jpeg = TestImages.PhotoJpeg(200, 120, noise: 30).Concat(new byte[500]).ToArray();

        Assert.NotNull(RgbDecoder.Decode(jpeg));
    }

    [Fact]
    public void ABmpWithZeroHeightIsUnsupported()
    {
        var bmp = TestImages.Bmp(100, 0);

        var error = Assert.Throws<BankcardOcrException>(() => ImagePreflight.Check(bmp, TencentDescriptor.Limits, "Tencent"));

        Assert.Equal(BankcardOcrErrorKind.UnsupportedImageFormat, error.Kind);
    }

    [Fact]
    public void ATiffWithoutImageWidthIsUnsupported()
    {
        var tiff = TestImages.Tiff(1200, 760, bigEndian: false, asLong: true);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(22), 999); // the ImageWidth tag (second entry) becomes an unknown one

        var error = Assert.Throws<BankcardOcrException>(() => ImagePreflight.Check(tiff, HuaweiDescriptor.Limits, "Huawei"));

        Assert.Equal(BankcardOcrErrorKind.UnsupportedImageFormat, error.Kind);
    }

    private static ImageLimits Limits(string provider) => provider switch
    {
        "Tencent" => TencentDescriptor.Limits,
        "TencentLegacy" => TencentLegacyDescriptor.Limits,
        "Huawei" => HuaweiDescriptor.Limits,
        _ => LocalDescriptor.Limits,
    };
}
