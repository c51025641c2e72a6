using System.Buffers.Binary;
using BankcardOcr.Emulator;

namespace BankcardOcr.Module.Tests.Recognition;

/// <summary>Oversized images through the cmdlet: shrunk or re-encoded to fit the provider, and Verbose says so.</summary>
public class ImageFittingTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public ImageFittingTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
        fixture.Reset();
    }

    [Fact]
    public void ABitmapOverTheLegacyLimitIsSentAsAFittingJpeg()
    {
        var bmp = TestImages.ScanBmp(1200, 800, seed: 1200);
        Assert.True(bmp.Length > 1024 * 1024, "the test image must break TencentLegacy's 1 MB limit");
        var path = _fixture.WriteImage("scan.bmp", bmp);

        var run = HostedPowerShell.Run(
            $"Invoke-BankcardRecognition '{path}' -Provider TencentLegacy -Credential $Cred -AppId $AppId -Endpoint $Endpoint -Verbose",
            _fixture.Variables());

        Assert.Empty(run.Errors);
        Assert.Single(run.Output);
        Assert.Equal(1, _fixture.Emulator.Stats.Successes(EmulatedApi.TencentLegacy));
        var line = Assert.Single(run.Verbose, v => v.Message.Contains("re-encoded", StringComparison.Ordinal));
        Assert.Contains("scan.bmp", line.Message, StringComparison.Ordinal);
        Assert.Contains("JPEG", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TiffGoesToHuaweiButNotToTencent()
    {
        var tiff = new byte[1100 * 1024];
        "II*\0"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(8), 2);
        WriteTag(tiff, 10, 256, 3000);
        WriteTag(tiff, 22, 257, 2000);
        var path = _fixture.WriteImage("big.tif", tiff);

        var huawei = HostedPowerShell.Run($"Invoke-BankcardRecognition '{path}' -Provider Huawei -Credential $HwKeys -Endpoint $Endpoint -IamEndpoint $Endpoint -ProjectId $HwProjectId", _fixture.Variables());
        Assert.Empty(huawei.Errors);

        var tencent = HostedPowerShell.Run($"Invoke-BankcardRecognition '{path}' -Provider Tencent -Credential $Cred -Endpoint $Endpoint", _fixture.Variables());
        Assert.StartsWith("UnsupportedImageFormat,", tencent.Errors.Single().FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void AnImageThatCannotBeShrunkIsImageTooLargeAndNothingIsSent()
    {
        // A PNG header claiming 10000x10000 pixels, padded past 1 MB: too many pixels to decode here, so it
        // cannot be shrunk to TencentLegacy's limit.
        var png = new byte[1100 * 1024];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52 }.CopyTo(png, 0);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), 10000);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), 10000);
        png[24] = 8;
        png[25] = 2;
        var path = _fixture.WriteImage("huge.png", png);

        var run = HostedPowerShell.Run($"Invoke-BankcardRecognition '{path}' -Provider TencentLegacy -Credential $Cred -AppId $AppId -Endpoint $Endpoint", _fixture.Variables());

        var error = run.Errors.Single();
        Assert.StartsWith("ImageTooLarge,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("megapixels", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, _fixture.Emulator.Stats.Requests(EmulatedApi.TencentLegacy));
    }

    private static void WriteTag(byte[] tiff, int at, ushort tag, ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), tag);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at + 2), 3); // SHORT
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 4), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at + 8), value);
    }
}
