using BankcardOcr.Imaging;

namespace BankcardOcr.Core.Tests.Imaging;

public class ExifOrientationTests
{
    private static readonly Lazy<byte[]> Plain = new(() => TestImages.PhotoJpeg(16, 8, noise: 0));

    [Theory]
    [InlineData(1, false)]
    [InlineData(3, false)]
    [InlineData(6, true)]
    [InlineData(8, false)]
    [InlineData(5, true)]
    public void OrientationIsReadInEitherByteOrder(int orientation, bool bigEndian)
    {
        var jpeg = TestImages.WithExifOrientation(Plain.Value, (ushort)orientation, bigEndian);

        Assert.Equal(orientation, ExifOrientation.Read(jpeg));
    }

    [Fact]
    public void JpegWithoutExifIsUpright() => Assert.Equal(1, ExifOrientation.Read(Plain.Value));

    [Fact]
    public void OutOfRangeValueIsUpright() =>
        Assert.Equal(1, ExifOrientation.Read(TestImages.WithExifOrientation(Plain.Value, 9)));

    // A 3x2 image whose pixels are numbered 1..6 row by row (value in all three channels):
    //   1 2 3
    //   4 5 6
    [Theory]
    [InlineData(1, 3, new byte[] { 1, 2, 3, 4, 5, 6 })]
    [InlineData(2, 3, new byte[] { 3, 2, 1, 6, 5, 4 })]
    [InlineData(3, 3, new byte[] { 6, 5, 4, 3, 2, 1 })]
    [InlineData(4, 3, new byte[] { 4, 5, 6, 1, 2, 3 })]
    [InlineData(5, 2, new byte[] { 1, 4, 2, 5, 3, 6 })]
    [InlineData(6, 2, new byte[] { 4, 1, 5, 2, 6, 3 })]
    [InlineData(7, 2, new byte[] { 6, 3, 5, 2, 4, 1 })]
    [InlineData(8, 2, new byte[] { 3, 6, 2, 5, 1, 4 })]
    public void PixelsAreTurnedAsTheTagSays(int orientation, int width, byte[] expected)
    {
        var source = new RgbImage(new byte[] { 1, 2, 3, 4, 5, 6 }.SelectMany(v => new[] { v, v, v }).ToArray(), 3, 2);

        var result = ExifOrientation.Apply(source, orientation);

        Assert.Equal(width, result.Width);
        Assert.Equal(expected, result.Pixels.Where((_, i) => i % 3 == 0).ToArray());
    }
}
