using BankcardOcr.Providers.Huawei;
using BankcardOcr.Providers.TencentLegacy;
using BankcardOcr.Providers.Tencent;
using BankcardOcr.Imaging;

namespace BankcardOcr.Core.Tests.Imaging;

public class ImageLimitsTests
{
    [Fact]
    public void PresetsFollowTheVendorDocuments()
    {
        Assert.Equal(
            (1024L * 1024, (long?)null, (long?)(6L * 1024 * 1024)),
            (TencentLegacyDescriptor.Limits.MaxImageBytes, TencentLegacyDescriptor.Limits.MaxEncodedBytes, TencentLegacyDescriptor.Limits.MaxBodyBytes));
        Assert.Equal(new[] { ImageFormat.Jpeg, ImageFormat.Png, ImageFormat.Bmp }, TencentDescriptor.Limits.AcceptedFormats);
        Assert.Equal(10L * 1024 * 1024, TencentDescriptor.Limits.MaxEncodedBytes);
        Assert.Equal((15, 8192), (HuaweiDescriptor.Limits.MinSide, HuaweiDescriptor.Limits.MaxSide));
        Assert.Equal(10L * 1024 * 1024, HuaweiDescriptor.Limits.MaxEncodedBytes);
        Assert.True(HuaweiDescriptor.Limits.Accepts(ImageFormat.Tiff));
        Assert.False(TencentLegacyDescriptor.Limits.Accepts(ImageFormat.Gif));
    }

    [Fact]
    public void UnknownIsNeverAnAcceptedFormat() =>
        Assert.Throws<ArgumentException>(() => new ImageLimits("Test", new[] { ImageFormat.Unknown }, 100));

    [Fact]
    public void MinimumSideAboveMaximumIsRefused() =>
        Assert.Throws<ArgumentException>(() => new ImageLimits("Test", new[] { ImageFormat.Png }, 100, minSide: 20, maxSide: 10));

    [Fact]
    public void NonPositiveLimitIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImageLimits("Test", new[] { ImageFormat.Png }, 0));

    [Fact]
    public void CustomLimitsApplyLikePresets()
    {
        var limits = new ImageLimits("Scanner", new[] { ImageFormat.Png }, maxImageBytes: 1000, minSide: 100);

        var error = Assert.Throws<BankcardOcrException>(() => ImagePreflight.Check(TestImages.Png(99, 200), limits, null));

        Assert.Equal((BankcardOcrErrorKind.ImageTooSmall, "Scanner"), (error.Kind, error.Provider));
    }
}
