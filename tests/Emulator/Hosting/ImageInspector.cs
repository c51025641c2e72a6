using System.Buffers.Binary;

namespace BankcardOcr.Emulator.Hosting;

internal enum ImageFormat
{
    Unknown,
    Jpeg,
    Png,
    Bmp,
    Gif,
    Tiff,
}

/// <summary>Format by magic bytes and size from the header; 0×0 when the header is cut short.</summary>
internal readonly record struct ImageInfo(ImageFormat Format, int Width, int Height)
{
    public bool HasSize => Width > 0 && Height > 0;
}

/// <summary>
/// Reads only image headers. The vendors decode the whole picture; the emulator needs just the format
/// (both vendors refuse GIF) and, for Huawei, the pixel size (15–8192 px per side, docs/huaweicloud.md §3.1).
/// </summary>
internal static class ImageInspector
{
    public static ImageInfo Inspect(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        {
            return Jpeg(data);
        }
        if (data.Length >= 8 && data[..8].SequenceEqual(PngSignature))
        {
            return data.Length >= 24 && data.Slice(12, 4).SequenceEqual("IHDR"u8)
                ? new(ImageFormat.Png, ClampInt(BinaryPrimitives.ReadUInt32BigEndian(data[16..])), ClampInt(BinaryPrimitives.ReadUInt32BigEndian(data[20..])))
                : new(ImageFormat.Png, 0, 0);
        }
        if (data.Length >= 2 && data[0] == (byte)'B' && data[1] == (byte)'M')
        {
            return Bmp(data);
        }
        if (data.Length >= 6 && (data[..6].SequenceEqual("GIF87a"u8) || data[..6].SequenceEqual("GIF89a"u8)))
        {
            return data.Length >= 10
                ? new(ImageFormat.Gif, BinaryPrimitives.ReadUInt16LittleEndian(data[6..]), BinaryPrimitives.ReadUInt16LittleEndian(data[8..]))
                : new(ImageFormat.Gif, 0, 0);
        }
        if (data.Length >= 8 && (data[..4].SequenceEqual("II*\0"u8) || data[..4].SequenceEqual("MM\0*"u8)))
        {
            return Tiff(data);
        }
        return new(ImageFormat.Unknown, 0, 0);
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ImageInfo Jpeg(ReadOnlySpan<byte> data)
    {
        var i = 2;
        while (i + 4 <= data.Length)
        {
            if (data[i] != 0xFF)
            {
                break;
            }
            var marker = data[i + 1];
            if (marker == 0xFF)
            {
                i++; // fill byte before a marker
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7))
            {
                i += 2; // markers without a length field
                continue;
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 2)..]);
            // SOF0..SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
            {
                return i + 9 <= data.Length
                    ? new(ImageFormat.Jpeg, BinaryPrimitives.ReadUInt16BigEndian(data[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(data[(i + 5)..]))
                    : new(ImageFormat.Jpeg, 0, 0);
            }
            i += 2 + length;
        }
        return new(ImageFormat.Jpeg, 0, 0);
    }

    private static ImageInfo Bmp(ReadOnlySpan<byte> data)
    {
        if (data.Length < 26)
        {
            return new(ImageFormat.Bmp, 0, 0);
        }
        var dibSize = BinaryPrimitives.ReadUInt32LittleEndian(data[14..]);
        if (dibSize == 12)
        {
            // BITMAPCOREHEADER keeps 16-bit sizes.
            return new(ImageFormat.Bmp, BinaryPrimitives.ReadUInt16LittleEndian(data[18..]), BinaryPrimitives.ReadUInt16LittleEndian(data[20..]));
        }
        // A negative height marks a top-down bitmap; the size is its absolute value.
        var width = BinaryPrimitives.ReadInt32LittleEndian(data[18..]);
        var height = BinaryPrimitives.ReadInt32LittleEndian(data[22..]);
        return new(ImageFormat.Bmp, width == int.MinValue ? 0 : Math.Abs(width), height == int.MinValue ? 0 : Math.Abs(height));
    }

    private static ImageInfo Tiff(ReadOnlySpan<byte> data)
    {
        var little = data[0] == (byte)'I';
        uint U32(ReadOnlySpan<byte> d, int at) => little ? BinaryPrimitives.ReadUInt32LittleEndian(d[at..]) : BinaryPrimitives.ReadUInt32BigEndian(d[at..]);
        ushort U16(ReadOnlySpan<byte> d, int at) => little ? BinaryPrimitives.ReadUInt16LittleEndian(d[at..]) : BinaryPrimitives.ReadUInt16BigEndian(d[at..]);

        var ifd = U32(data, 4);
        if (ifd > int.MaxValue - 2 || ifd + 2 > data.Length)
        {
            return new(ImageFormat.Tiff, 0, 0);
        }
        int count = U16(data, (int)ifd), width = 0, height = 0;
        for (var n = 0; n < count; n++)
        {
            var entry = (int)ifd + 2 + (n * 12);
            if (entry + 12 > data.Length)
            {
                break;
            }
            var tag = U16(data, entry);
            var type = U16(data, entry + 2);
            // Type 3 is SHORT (value in the first two bytes of the field), type 4 is LONG.
            var value = type == 3 ? U16(data, entry + 8) : type == 4 ? ClampInt(U32(data, entry + 8)) : 0;
            if (tag == 256)
            {
                width = value;
            }
            else if (tag == 257)
            {
                height = value;
            }
        }
        return new(ImageFormat.Tiff, width, height);
    }

    private static int ClampInt(uint value) => value > int.MaxValue ? int.MaxValue : (int)value;
}
