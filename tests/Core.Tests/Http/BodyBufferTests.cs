using System.Text.Json;
using BankcardOcr.Cloud.Http;

namespace BankcardOcr.Core.Tests.Http;

public class BodyBufferTests
{
    [Fact]
    public void BodySizedTooSmallStillHoldsEveryByte()
    {
        var image = Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray();
        var buffer = new BodyBuffer(10);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteBase64String("ImageBase64", image);
            writer.WriteEndObject();
        }

        Assert.Equal("{\"ImageBase64\":\"" + Convert.ToBase64String(image) + "\"}", System.Text.Encoding.UTF8.GetString(buffer.Written));
    }

    [Fact]
    public async Task ContentIsExactlyTheWrittenBytes()
    {
        var buffer = new BodyBuffer(1024);
        buffer.GetSpan(3)[..3].Fill((byte)'a');
        buffer.Advance(3);

        var sent = await buffer.ToContent().ReadAsByteArrayAsync();

        Assert.Equal("aaa"u8.ToArray(), sent);
    }
}
