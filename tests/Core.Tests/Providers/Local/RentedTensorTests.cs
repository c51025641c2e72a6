using System.Linq;
using BankcardOcr.Providers.Local;
using Xunit;

namespace BankcardOcr.Core.Tests.Providers.Local;

public sealed class RentedTensorTests
{
    [Fact]
    public void AClearedTensorIsZeroEvenWhenItsStorageWasUsedBefore()
    {
        var dimensions = new[] { 2, 3, 48, 320 };
        for (var round = 0; round < 3; round++)
        {
            using var tensor = new RentedTensor(dimensions, clear: true);
            Assert.All(tensor.Tensor.Buffer.ToArray(), v => Assert.Equal(0f, v));

            // Dirty it, as a sampler would, before it goes back to the pool for the next round.
            tensor.Values.AsSpan().Fill(7f);
        }
    }

    [Fact]
    public void TheTensorHasExactlyItsDimensionsOverTheStartOfTheStorage()
    {
        using var tensor = new RentedTensor(new[] { 1, 3, 448, 640 }, clear: false);
        Assert.Equal(new[] { 1, 3, 448, 640 }, tensor.Tensor.Dimensions.ToArray());
        Assert.Equal(3 * 448 * 640, tensor.Tensor.Buffer.Length);
        Assert.True(tensor.Values.Length >= tensor.Tensor.Buffer.Length);

        tensor.Values[5] = 1.5f;
        Assert.Equal(1.5f, tensor.Tensor.Buffer.Span[5]);
    }
}
