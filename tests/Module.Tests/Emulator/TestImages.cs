using System.Buffers.Binary;
using System.Text;

namespace BankcardOcr.Module.Tests.Emulator;

/// <summary>
/// Header-only images: the emulator reads format and size from headers and never decodes pixels, so a
/// correct header followed by filler is a valid image to it. <paramref name="tag"/> makes the bytes (and
/// so the SHA-256 a card is registered under) distinct. <see cref="Bitmap"/> is the exception: real pixels, for
/// the tests that need the module to decode and fit an image.
/// </summary>
internal static class TestImages
{
    public static byte[] Png(int width = 856, int height = 540, string tag = "")
    {
        var data = new byte[33 + tag.Length];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(data, 0);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(8), 13);
        "IHDR"u8.CopyTo(data.AsSpan(12));
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(16), (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(20), (uint)height);
        data[24] = 8;
        data[25] = 2;
        Encoding.ASCII.GetBytes(tag).CopyTo(data, 33);
        return data;
    }

    public static byte[] Jpeg(int width = 856, int height = 540)
    {
        // SOI, an APP0 segment to skip, then SOF0 with the frame size.
        var data = new List<byte> { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x06, (byte)'J', (byte)'F', (byte)'I', (byte)'F' };
        data.AddRange([0xFF, 0xC0, 0x00, 0x11, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x03]);
        data.AddRange(new byte[9]);
        data.AddRange([0xFF, 0xD9]);
        return [.. data];
    }

    public static byte[] Bmp(int width = 856, int height = -540)
    {
        var data = new byte[54];
        data[0] = (byte)'B';
        data[1] = (byte)'M';
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(22), height);
        return data;
    }

    public static byte[] Tiff(int width = 856, int height = 540, bool bigEndian = false, byte tag = 0)
    {
        var data = new byte[8 + 2 + (2 * 12) + 4 + 1];
        data[^1] = tag;
        void U16(int at, int v)
        {
            if (bigEndian) BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(at), (ushort)v);
            else BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(at), (ushort)v);
        }
        void U32(int at, uint v)
        {
            if (bigEndian) BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(at), v);
            else BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(at), v);
        }
        (bigEndian ? "MM\0*"u8 : "II*\0"u8).CopyTo(data);
        U32(4, 8);
        U16(8, 2);
        U16(10, 256); U16(12, 3); U32(14, 1); U16(18, width);   // ImageWidth, SHORT
        U16(22, 257); U16(24, 4); U32(26, 1); U32(30, (uint)height); // ImageLength, LONG
        return data;
    }

    public static byte[] Gif(int width = 856, int height = 540)
    {
        var data = new byte[13];
        "GIF89a"u8.CopyTo(data);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(6), (ushort)width);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(8), (ushort)height);
        return data;
    }

    /// <summary>A decodable 24-bit bottom-up BMP with a gradient and light noise, like a flat scan.</summary>
    public static byte[] Bitmap(int width, int height, int seed)
    {
        var stride = ((width * 3) + 3) & ~3;
        var data = new byte[54 + (stride * height)];
        data[0] = (byte)'B';
        data[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(2), data.Length);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(22), height);
        BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(28), 24);
        var random = new Random(seed);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var at = 54 + (y * stride) + (x * 3);
                var shade = (x * 200 / width) + random.Next(8);
                data[at] = (byte)shade;
                data[at + 1] = (byte)((shade / 2) + 60);
                data[at + 2] = (byte)(255 - shade);
            }
        }

        return data;
    }
}
