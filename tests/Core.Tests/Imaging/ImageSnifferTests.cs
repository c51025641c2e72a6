using System.Text;
using BankcardOcr.Imaging;

namespace BankcardOcr.Core.Tests.Imaging;

public class ImageSnifferTests
{
    public static TheoryData<string, byte[], ImageFormat, int, int> ValidImages() => new()
    {
        { "PNG", TestImages.Png(640, 400), ImageFormat.Png, 640, 400 },
        { "GIF", TestImages.Gif(320, 200), ImageFormat.Gif, 320, 200 },
        { "BMP bottom-up", TestImages.Bmp(856, 540), ImageFormat.Bmp, 856, 540 },
        { "BMP top-down", TestImages.Bmp(856, -540), ImageFormat.Bmp, 856, 540 },
        { "BMP core header", TestImages.BmpCore(300, 190), ImageFormat.Bmp, 300, 190 },
        { "JPEG baseline", TestImages.Jpeg(1024, 768), ImageFormat.Jpeg, 1024, 768 },
        { "JPEG progressive", TestImages.Jpeg(800, 500, 0xC2), ImageFormat.Jpeg, 800, 500 },
        { "TIFF II SHORT", TestImages.Tiff(1200, 760, bigEndian: false, asLong: false), ImageFormat.Tiff, 1200, 760 },
        { "TIFF II LONG", TestImages.Tiff(70000, 760, bigEndian: false, asLong: true), ImageFormat.Tiff, 70000, 760 },
        { "TIFF MM SHORT", TestImages.Tiff(1200, 760, bigEndian: true, asLong: false), ImageFormat.Tiff, 1200, 760 },
        { "TIFF MM LONG", TestImages.Tiff(1200, 90000, bigEndian: true, asLong: true), ImageFormat.Tiff, 1200, 90000 },
        { "WebP VP8", TestImages.WebpLossy(1000, 630), ImageFormat.Webp, 1000, 630 },
        { "WebP VP8L", TestImages.WebpLossless(16383, 1), ImageFormat.Webp, 16383, 1 },
        { "WebP VP8X", TestImages.WebpExtended(20000, 12000), ImageFormat.Webp, 20000, 12000 },
    };

    [Theory]
    [MemberData(nameof(ValidImages))]
    public void FormatAndSizeComeFromTheHeader(string name, byte[] image, ImageFormat format, int width, int height)
    {
        var info = ImageSniffer.Sniff(image);

        Assert.True(format == info.Format, name);
        Assert.Equal(width, info.Width);
        Assert.Equal(height, info.Height);
        Assert.Equal(image.Length, info.ByteLength);
    }

    [Theory]
    [MemberData(nameof(ValidImages))]
    public void SeekableAndForwardOnlyStreamsGiveTheSameAnswerAsBytes(string name, byte[] image, ImageFormat format, int width, int height)
    {
        var seekable = new MemoryStream(image);
        var fromSeekable = ImageSniffer.Sniff(seekable);
        var fromForward = ImageSniffer.Sniff(new ForwardOnlyStream(image));

        Assert.True(format == fromSeekable.Format && format == fromForward.Format, name);
        Assert.Equal((width, height), (fromSeekable.Width, fromSeekable.Height));
        Assert.Equal((width, height), (fromForward.Width, fromForward.Height));
        Assert.Equal(0, seekable.Position);
    }

    [Fact]
    public void JpegSizeIsFoundBehindApp0AndLargeExifSegments()
    {
        var image = TestImages.Jpeg(
            1600,
            1000,
            0xC0,
            TestImages.Segment(0xE0, "JFIF\0", 14),
            TestImages.Segment(0xE1, "Exif\0\0", 65533),
            TestImages.Segment(0xE2, "ICC_PROFILE\0", 65533),
            TestImages.Segment(0xDB, string.Empty, 67));

        Assert.Equal((1600, 1000), (ImageSniffer.Sniff(image).Width, ImageSniffer.Sniff(image).Height));
        var forward = ImageSniffer.Sniff(new ForwardOnlyStream(image));
        Assert.Equal((1600, 1000), (forward.Width, forward.Height));
    }

    [Fact]
    public void JpegFillBytesAndStandaloneMarkersAreSkipped()
    {
        var fillAndRst = new byte[] { 0xFF, 0xFF, 0xFF, 0xD0, 0xFF, 0x01 };
        var image = TestImages.Jpeg(640, 480, 0xC1, TestImages.Segment(0xE0, "JFIF\0", 14), fillAndRst);

        var info = ImageSniffer.Sniff(image);

        Assert.Equal((640, 480), (info.Width, info.Height));
    }

    [Theory]
    [InlineData(0xC4)] // DHT shares the SOF range but is a table
    [InlineData(0xCC)] // DAC likewise
    public void JpegTablesInTheSofRangeAreNotMistakenForAFrame(byte marker)
    {
        var image = TestImages.Jpeg(640, 480, 0xC0, TestImages.Segment(marker, "\u0001\u0002\u0003\u0004\u0005\u0006", 20));

        var info = ImageSniffer.Sniff(image);

        Assert.Equal((640, 480), (info.Width, info.Height));
    }

    [Fact]
    public void JpegWithScanBeforeAnyFrameHasNoSize()
    {
        var image = new byte[] { 0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 0x3F, 0, 0xFF, 0xD9 };

        var info = ImageSniffer.Sniff(image);

        Assert.Equal(ImageFormat.Jpeg, info.Format);
        Assert.Null(info.Width);
        Assert.Null(info.Height);
    }

    [Theory]
    [InlineData("heic", new string[0], ImageFormat.Heic)]
    [InlineData("mif1", new[] { "heic" }, ImageFormat.Heic)]
    [InlineData("avif", new[] { "mif1" }, ImageFormat.Avif)]
    [InlineData("mif1", new[] { "miaf", "avif" }, ImageFormat.Avif)]
    [InlineData("isom", new[] { "mp41" }, ImageFormat.Unknown)]
    public void IsoMediaFilesAreToldApartByBrand(string major, string[] compatible, ImageFormat expected) =>
        Assert.Equal(expected, ImageSniffer.Sniff(TestImages.Ftyp(major, compatible)).Format);

    [Fact]
    public void PdfIsNamedSoTheUserHearsWhatItIs()
    {
        var info = ImageSniffer.Sniff(Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj"));

        Assert.Equal(ImageFormat.Pdf, info.Format);
        Assert.Equal("application/pdf", info.MimeType);
    }

    [Theory]
    [InlineData(ImageFormat.Jpeg, "image/jpeg")]
    [InlineData(ImageFormat.Png, "image/png")]
    [InlineData(ImageFormat.Bmp, "image/bmp")]
    [InlineData(ImageFormat.Tiff, "image/tiff")]
    [InlineData(ImageFormat.Gif, "image/gif")]
    [InlineData(ImageFormat.Webp, "image/webp")]
    [InlineData(ImageFormat.Unknown, "application/octet-stream")]
    public void MimeTypeFollowsTheFormat(ImageFormat format, string mimeType) =>
        Assert.Equal(mimeType, new ImageInfo(format, null, null, 0).MimeType);

    [Fact]
    public void TextStartingWithBmIsNotABitmap() =>
        Assert.Equal(ImageFormat.Unknown, ImageSniffer.Sniff(Encoding.ASCII.GetBytes("BMW 320i service invoice, March")).Format);

    [Fact]
    public void EmptyInputIsUnknownWithoutSize()
    {
        var info = ImageSniffer.Sniff(Array.Empty<byte>());

        Assert.Equal(ImageFormat.Unknown, info.Format);
        Assert.Null(info.Width);
        Assert.Equal(0, info.ByteLength);
    }

    [Fact]
    public void SniffingAStreamStartsAtItsCurrentPositionAndReturnsThere()
    {
        var png = TestImages.Png(100, 60);
        var stream = new MemoryStream(new byte[10].Concat(png).ToArray()) { Position = 10 };

        var info = ImageSniffer.Sniff(stream);

        Assert.Equal((ImageFormat.Png, 100, 60, png.Length), (info.Format, info.Width, info.Height, info.ByteLength));
        Assert.Equal(10, stream.Position);
    }

    [Fact]
    public void ForwardOnlyStreamLengthIsUnknownPastTheKeptHead()
    {
        var image = TestImages.Jpeg(200, 100, 0xC0, TestImages.Segment(0xE1, "Exif\0\0", 9000));

        var info = ImageSniffer.Sniff(new ForwardOnlyStream(image));

        Assert.Null(info.ByteLength);
        Assert.Equal(200, info.Width);
    }
}
