using BankcardOcr.Imaging;

namespace BankcardOcr.Core.Tests.Imaging;

public class BoxResamplerTests
{
    [Theory]
    [InlineData(7, 3)]
    [InlineData(4032, 1800)]
    [InlineData(1000, 1000)]
    public void WeightsOfEveryOutputPixelSumToOne(int from, int to)
    {
        var spans = BoxResampler.Spans(from, to);

        Assert.All(spans, s => Assert.Equal(1.0, s.Weights.Sum(), 4));
        Assert.Equal(0, spans[0].First);
        Assert.Equal(from - 1, spans[^1].First + spans[^1].Weights.Length - 1);
    }

    [Fact]
    public void WholeRatioAveragesEachBlock()
    {
        // 4x2 -> 2x1: each output pixel is the mean of a 2x2 block.
        var source = new RgbImage(new byte[]
        {
            0, 10, 20, 4, 14, 24, 100, 0, 0, 200, 0, 0,
            8, 18, 28, 12, 22, 32, 0, 0, 0, 100, 0, 0,
        }, 4, 2);

        var result = BoxResampler.Resize(source, 2, 1);

        Assert.Equal(new byte[] { 6, 16, 26, 100, 0, 0 }, result.Pixels);
    }

    [Fact]
    public void FractionalRatioWeighsCutPixelsByCoverage()
    {
        // 3 -> 2 across: output 0 covers pixel 0 and half of pixel 1, output 1 the other half and pixel 2.
        var source = new RgbImage(new byte[] { 0, 0, 0, 90, 90, 90, 150, 150, 150 }, 3, 1);

        var result = BoxResampler.Resize(source, 2, 1);

        Assert.Equal(new byte[] { 30, 30, 30, 130, 130, 130 }, result.Pixels);
    }

    [Fact]
    public void UniformImageStaysUniform()
    {
        var pixels = Enumerable.Repeat((byte)173, 97 * 61 * 3).ToArray();

        var result = BoxResampler.Resize(new RgbImage(pixels, 97, 61), 40, 25);

        Assert.All(result.Pixels, p => Assert.Equal(173, p));
    }
}
