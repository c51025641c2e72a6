using BankcardOcr.Providers.Huawei;
using BankcardOcr.Providers.TencentLegacy;
using BankcardOcr.Providers.Tencent;
using BankcardOcr.Imaging;
using BankcardOcr.Calls;
using StbImageSharp;

namespace BankcardOcr.Core.Tests.Imaging;

[Collection(DecodingCollection.Name)]
public class ImagePreparationTests
{
    private const int MiB = 1024 * 1024;

    // 1600x1200 with heavy noise, 3.3 MB at quality 95 and still over 1 MB at quality 90, so it must be downscaled, not just re-encoded.
    private static readonly Lazy<byte[]> NoisyPhoto = new(() => TestImages.PhotoJpeg(1600, 1200, noise: 60));

    [Fact]
    public async Task NoisyPhotoOverOneMegabyteIsDownscaledToFitTencentLegacy()
    {
        var photo = NoisyPhoto.Value;
        Assert.True(photo.Length > MiB);

        var sent = await ImagePreflight.PrepareAsync(photo, TencentLegacyDescriptor.Limits, "TencentLegacy", new RecognitionLog());

        var info = ImageSniffer.Sniff(sent);
        Assert.True(sent.Length <= MiB, $"{sent.Length:N0} bytes");
        Assert.Equal(ImageFormat.Jpeg, info.Format);
        Assert.True(info.Width < 1600, info.ToString());
        Assert.True(Math.Abs(info.Width!.Value - info.Height!.Value * 4.0 / 3) <= 1, info.ToString());
        Assert.True(info.Width >= ImageFitter.LegibleLongSide, info.ToString());
    }

    [Fact]
    public async Task VerboseLineNamesTheImageWhatWasDoneAndTheLimit()
    {
        var log = new RecognitionLog("card.jpg");

        var sent = await ImagePreflight.PrepareAsync(NoisyPhoto.Value, TencentLegacyDescriptor.Limits, "TencentLegacy", log);

        var info = ImageSniffer.Sniff(sent);
        var verbose = Assert.Single(log.Drain(), e => e.Level == LogLevel.Verbose).Message;
        Assert.Matches(@"^card\.jpg: 3\.3 MB 1600x1200 JPEG re-encoded to 0\.\d+ MB \d+x\d+ JPEG \(quality 90\) to fit TencentLegacy's limit of 1 MB\.$", verbose);
        Assert.Contains($" {info.Width}x{info.Height} JPEG", verbose);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("bmp")]
    public async Task LosslessImageIsReEncodedAtFullSizeWhenThatFits(string format)
    {
        var image = format == "png" ? TestImages.PhotoPng(1200, 800, noise: 10) : TestImages.PhotoBmp(1200, 800, noise: 10);
        Assert.True(image.Length > MiB);

        var sent = await ImagePreflight.PrepareAsync(image, TencentLegacyDescriptor.Limits, null, new RecognitionLog());

        var info = ImageSniffer.Sniff(sent);
        Assert.Equal((ImageFormat.Jpeg, 1200, 800), (info.Format, info.Width, info.Height));
        Assert.True(sent.Length <= MiB);
    }

    [Fact]
    public async Task ImageWithinLimitsIsReturnedUnchanged()
    {
        var image = TestImages.PhotoJpeg(400, 300, noise: 10);
        var log = new RecognitionLog("small.jpg");

        var sent = await ImagePreflight.PrepareAsync(image, TencentLegacyDescriptor.Limits, "TencentLegacy", log);

        Assert.Same(image, sent);
        var entry = Assert.Single(log.Drain());
        Assert.Equal(LogLevel.Debug, entry.Level);
        Assert.StartsWith("small.jpg: ", entry.Message);
    }

    [Fact]
    public async Task ImageThatCannotFitAboveTheLegibilityFloorIsTooLarge()
    {
        var limits = new ImageLimits("Tiny", new[] { ImageFormat.Jpeg }, maxImageBytes: 50_000);

        var error = await Assert.ThrowsAsync<BankcardOcrException>(() => ImagePreflight.PrepareAsync(NoisyPhoto.Value, limits, null, new RecognitionLog()));

        Assert.Equal(BankcardOcrErrorKind.ImageTooLarge, error.Kind);
        Assert.StartsWith("The image is 3.3 MB (3,459,271 bytes); Tiny accepts at most 48.8 KB (50,000 bytes). ", error.Message);
        Assert.Contains("Even at 1000x750 pixels (smaller would risk the card number's legibility) and JPEG quality 75 it is ", error.Message);
    }

    [Fact]
    public async Task SideOverHuaweiMaximumIsScaledDown()
    {
        var image = TestImages.PhotoPng(9000, 300, noise: 0);
        Assert.True(image.Length < HuaweiDescriptor.Limits.MaxImageBytes);

        var log = new RecognitionLog();
        var sent = await ImagePreflight.PrepareAsync(image, HuaweiDescriptor.Limits, "Huawei", log);

        var info = ImageSniffer.Sniff(sent);
        Assert.Equal((ImageFormat.Jpeg, 8192, 273), (info.Format, info.Width, info.Height));
        Assert.Contains("to fit Huawei's limit of 7.5 MB and 8192 px a side.", Assert.Single(log.Drain(), e => e.Level == LogLevel.Verbose).Message);
    }

    [Fact]
    public async Task TiffOverTheLimitStaysTooLargeAndSaysWhy()
    {
        var limits = new ImageLimits("TiffOnly", new[] { ImageFormat.Tiff }, maxImageBytes: 1000);
        var tiff = TestImages.Tiff(2000, 1500, bigEndian: false, asLong: false).Concat(new byte[2000]).ToArray();

        var error = await Assert.ThrowsAsync<BankcardOcrException>(() => ImagePreflight.PrepareAsync(tiff, limits, null, new RecognitionLog()));

        Assert.Equal(BankcardOcrErrorKind.ImageTooLarge, error.Kind);
        Assert.EndsWith("TIFF images are not re-encoded here (no TIFF decoder ships with the module); save it as JPEG or PNG.", error.Message);
    }

    [Fact]
    public async Task UndecodableImageTooLargeToSendIsUnsupported()
    {
        // A PNG header with no image data: it needs shrinking, and decoding it for that finds it broken.
        var broken = TestImages.Png(2000, 1500).Concat(new byte[MiB]).ToArray();

        var error = await Assert.ThrowsAsync<BankcardOcrException>(() => ImagePreflight.PrepareAsync(broken, TencentLegacyDescriptor.Limits, null, new RecognitionLog()));

        Assert.Equal(BankcardOcrErrorKind.UnsupportedImageFormat, error.Kind);
        Assert.Contains("truncated or damaged", error.Message);
    }

    [Fact]
    public async Task ExifOrientationIsAppliedToTheShrunkPixels()
    {
        // Stored landscape with a red top-left corner; orientation 6 means "turn 90 degrees clockwise to view",
        // which puts that corner at the top right of a portrait image.
        var pixels = TestImages.PhotoPixels(1200, 900, noise: 30);
        for (var y = 0; y < 200; y++)
        {
            for (var x = 0; x < 200; x++)
            {
                pixels[(y * 1200 + x) * 3] = 255;
                pixels[(y * 1200 + x) * 3 + 1] = 0;
                pixels[(y * 1200 + x) * 3 + 2] = 0;
            }
        }

        var photo = TestImages.WithExifOrientation(TestImages.EncodeJpeg(pixels, 1200, 900), 6);
        var limits = new ImageLimits("Small", new[] { ImageFormat.Jpeg }, maxImageBytes: 300_000);
        var sent = await ImagePreflight.PrepareAsync(photo, limits, null, new RecognitionLog());

        var upright = ImageResult.FromMemory(sent, ColorComponents.RedGreenBlue);
        Assert.True(upright.Height > upright.Width);
        Assert.True(IsRed(upright, upright.Width - 20, 20));
        Assert.False(IsRed(upright, 20, 20));
    }

    [Fact]
    public async Task TransparentPixelsBecomeWhite()
    {
        var rgba = new byte[2 * 1 * 4] { 255, 0, 0, 255, 0, 0, 0, 0 };
        using var stream = new MemoryStream();
        new StbImageWriteSharp.ImageWriter().WritePng(rgba, 2, 1, StbImageWriteSharp.ColorComponents.RedGreenBlueAlpha, stream);

        var decoded = RgbDecoder.Decode(stream.ToArray())!;

        Assert.Equal(new byte[] { 255, 0, 0, 255, 255, 255 }, decoded.Pixels);
    }

    [Fact]
    public async Task TargetIsTheSmallerOfTheRawAndTheBase64Limit()
    {
        Assert.Equal(MiB, ImageFitter.TargetBytes(TencentLegacyDescriptor.Limits));
        Assert.Equal(7_864_320, ImageFitter.TargetBytes(TencentDescriptor.Limits));
        Assert.Equal(7_500, ImageFitter.TargetBytes(new ImageLimits("Both", new[] { ImageFormat.Jpeg }, maxImageBytes: 9_000, maxEncodedBytes: 10_000)));
    }

    private static bool IsRed(ImageResult image, int x, int y)
    {
        var at = (y * image.Width + x) * 3;
        return image.Data[at] > 200 && image.Data[at + 1] < 60 && image.Data[at + 2] < 60;
    }
}
