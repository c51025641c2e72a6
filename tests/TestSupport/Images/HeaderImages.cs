using System.Buffers.Binary;
using System.Text;

namespace BankcardOcr.TestSupport;

/// <summary>
/// The image factory. This part: images assembled byte by byte from the format specifications, a header with the
/// declared size and just enough after it for a sniffer. None needs to decode: the module's preflight and the
/// emulator read headers only, so a correct header is a valid card photo to them. A <c>tag</c> makes the bytes (and
/// so the SHA-256 the emulator registers a card under) distinct. The default size is a card scanned at 10 px/mm.
/// Plain .NET only: tests/Emulator.Tests compiles this file alone, beside the emulator.
/// </summary>
public static partial class TestImages
{
    private static readonly Dictionary<int, byte[]> Filler = [];

    /// <summary>Signature, IHDR (depth 8, truecolour) and IEND; <paramref name="tag"/> follows as trailing bytes.</summary>
    public static byte[] Png(int width = 856, int height = 540, string tag = "")
    {
        var bytes = new List<byte> { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
        bytes.AddRange(BigEndian32(13));
        bytes.AddRange(Ascii("IHDR"));
        bytes.AddRange(BigEndian32((uint)width));
        bytes.AddRange(BigEndian32((uint)height));
        bytes.AddRange(new byte[] { 8, 2, 0, 0, 0 }); // depth 8, truecolour, deflate, adaptive, no interlace
        bytes.AddRange(new byte[4]); // CRC (not checked by the sniffer)
        bytes.AddRange(new byte[] { 0, 0, 0, 0 });
        bytes.AddRange(Ascii("IEND"));
        bytes.AddRange(new byte[] { 0xAE, 0x42, 0x60, 0x82 });
        bytes.AddRange(Encoding.UTF8.GetBytes(tag));
        return bytes.ToArray();
    }

    /// <summary>
    /// A PNG of exactly <paramref name="size"/> bytes, the header and then filler, distinct per <paramref name="seed"/>.
    /// The filler is made once per size: a seeded <see cref="Random"/> costs about as much CPU per 100 KB as a whole
    /// request, and a benchmark's batch would measure it.
    /// </summary>
    public static byte[] PngOfSize(int size, int seed = 0)
    {
        byte[]? filler;
        lock (Filler)
        {
            if (!Filler.TryGetValue(size, out filler))
            {
                filler = new byte[size];
                new Random(size).NextBytes(filler);
                Filler[size] = filler;
            }
        }

        var data = (byte[])filler.Clone();
        Png().CopyTo(data, 0);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(size - 4), seed);
        return data;
    }

    /// <summary>GIF89a with its logical screen size, no colour table, and the trailer.</summary>
    public static byte[] Gif(int width = 856, int height = 540)
    {
        var bytes = new List<byte>(Ascii("GIF89a"));
        bytes.AddRange(LittleEndian16((ushort)width));
        bytes.AddRange(LittleEndian16((ushort)height));
        bytes.AddRange(new byte[] { 0x00, 0x00, 0x00, 0x3B }); // no colour table, background, aspect, trailer
        return bytes.ToArray();
    }

    /// <summary>A BITMAPINFOHEADER bitmap, 24 bits, no pixels; a negative height is a top-down one.</summary>
    public static byte[] Bmp(int width = 856, int height = -540) =>
        BmpHeader(40, [.. LittleEndian32((uint)width), .. LittleEndian32((uint)height)], rest: 24);

    /// <summary>An OS/2 1.x / Windows 2.x bitmap with the 12-byte BITMAPCOREHEADER.</summary>
    public static byte[] BmpCore(int width, int height) =>
        BmpHeader(12, [.. LittleEndian16((ushort)width), .. LittleEndian16((ushort)height)], rest: 0);

    /// <summary>
    /// A JPEG: SOI, the given segments before the frame header, then SOFn (marker C0 baseline, C2 progressive)
    /// with three components, SOS and EOI.
    /// </summary>
    public static byte[] Jpeg(int width = 856, int height = 540, byte sofMarker = 0xC0, params byte[][] before)
    {
        var bytes = new List<byte> { 0xFF, 0xD8 };
        foreach (var segment in before)
        {
            bytes.AddRange(segment);
        }

        bytes.AddRange(new byte[] { 0xFF, sofMarker, 0x00, 17, 8 });
        bytes.AddRange(BigEndian16((ushort)height));
        bytes.AddRange(BigEndian16((ushort)width));
        bytes.AddRange(new byte[] { 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1 });
        bytes.AddRange(new byte[] { 0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 0x3F, 0, 0x12, 0x34, 0xFF, 0xD9 });
        return bytes.ToArray();
    }

    /// <summary>A segment with marker FF <paramref name="marker"/> and a payload of the given length.</summary>
    public static byte[] Segment(byte marker, string signature, int payloadLength)
    {
        var payload = new byte[payloadLength];
        Encoding.ASCII.GetBytes(signature).CopyTo(payload, 0);
        var bytes = new List<byte> { 0xFF, marker };
        bytes.AddRange(BigEndian16((ushort)(payloadLength + 2)));
        bytes.AddRange(payload);
        return bytes.ToArray();
    }

    /// <summary>
    /// A TIFF with the first IFD right after the header: NewSubfileType, then the dimensions as SHORT (type 3) or
    /// LONG (type 4); <paramref name="tag"/> is one byte after the IFD.
    /// </summary>
    public static byte[] Tiff(int width = 856, int height = 540, bool bigEndian = false, bool asLong = false, byte tag = 0)
    {
        var bytes = new List<byte>();
        bytes.AddRange(bigEndian ? new byte[] { 0x4D, 0x4D, 0x00, 0x2A } : new byte[] { 0x49, 0x49, 0x2A, 0x00 });
        bytes.AddRange(Order32(8, bigEndian));
        bytes.AddRange(Order16(3, bigEndian));
        bytes.AddRange(Entry(254, 4, 0, bigEndian, asLong: true)); // NewSubfileType first, as writers emit it
        bytes.AddRange(Entry(256, asLong ? (ushort)4 : (ushort)3, (uint)width, bigEndian, asLong));
        bytes.AddRange(Entry(257, asLong ? (ushort)4 : (ushort)3, (uint)height, bigEndian, asLong));
        bytes.AddRange(new byte[4]); // no next IFD
        bytes.Add(tag);
        return bytes.ToArray();
    }

    /// <summary>A lossy WebP: RIFF, 'VP8 ', key-frame tag, start code 9D 01 2A, 14-bit sizes (RFC 6386 §9.1).</summary>
    public static byte[] WebpLossy(int width, int height)
    {
        var data = new List<byte> { 0x50, 0x01, 0x00, 0x9D, 0x01, 0x2A };
        data.AddRange(LittleEndian16((ushort)width));
        data.AddRange(LittleEndian16((ushort)height));
        return Riff("VP8 ", data);
    }

    /// <summary>A lossless WebP: signature 2F, then width-1 and height-1 in 14 bits each (RFC 9649 §3.2).</summary>
    public static byte[] WebpLossless(int width, int height)
    {
        var bits = (uint)(width - 1) | ((uint)(height - 1) << 14);
        var data = new List<byte> { 0x2F };
        data.AddRange(LittleEndian32(bits));
        return Riff("VP8L", data);
    }

    /// <summary>An extended WebP: flags, 3 reserved bytes, canvas width-1 and height-1 in 24 bits each (RFC 9649 §2.7).</summary>
    public static byte[] WebpExtended(int width, int height)
    {
        var data = new List<byte> { 0x10, 0, 0, 0 };
        data.AddRange(LittleEndian32((uint)(width - 1)).Take(3));
        data.AddRange(LittleEndian32((uint)(height - 1)).Take(3));
        return Riff("VP8X", data);
    }

    /// <summary>An ISO BMFF file type box with the given major and compatible brands.</summary>
    public static byte[] Ftyp(string major, params string[] compatible)
    {
        var bytes = new List<byte>();
        bytes.AddRange(BigEndian32((uint)(16 + 4 * compatible.Length)));
        bytes.AddRange(Ascii("ftyp"));
        bytes.AddRange(Ascii(major));
        bytes.AddRange(new byte[4]);
        foreach (var brand in compatible)
        {
            bytes.AddRange(Ascii(brand));
        }

        return bytes.ToArray();
    }

    /// <summary>File header, then an info header of <paramref name="infoSize"/> bytes: the size, one plane, 24 bits, zeros.</summary>
    private static byte[] BmpHeader(int infoSize, byte[] size, int rest)
    {
        var bytes = new List<byte>(Ascii("BM"));
        bytes.AddRange(LittleEndian32((uint)(14 + infoSize)));
        bytes.AddRange(new byte[4]);
        bytes.AddRange(LittleEndian32((uint)(14 + infoSize)));
        bytes.AddRange(LittleEndian32((uint)infoSize));
        bytes.AddRange(size);
        bytes.AddRange(LittleEndian16(1));
        bytes.AddRange(LittleEndian16(24));
        bytes.AddRange(new byte[rest]);
        return bytes.ToArray();
    }

    private static byte[] Riff(string chunk, List<byte> data)
    {
        var bytes = new List<byte>(Ascii("RIFF"));
        bytes.AddRange(LittleEndian32((uint)(4 + 8 + data.Count)));
        bytes.AddRange(Ascii("WEBP"));
        bytes.AddRange(Ascii(chunk));
        bytes.AddRange(LittleEndian32((uint)data.Count));
        bytes.AddRange(data);
        return bytes.ToArray();
    }

    private static IEnumerable<byte> Entry(ushort tag, ushort type, uint value, bool bigEndian, bool asLong)
    {
        var bytes = new List<byte>();
        bytes.AddRange(Order16(tag, bigEndian));
        bytes.AddRange(Order16(type, bigEndian));
        bytes.AddRange(Order32(1, bigEndian));
        if (asLong)
        {
            bytes.AddRange(Order32(value, bigEndian));
        }
        else
        {
            // TIFF 6.0: a SHORT value is left-justified in the 4-byte field.
            bytes.AddRange(Order16((ushort)value, bigEndian));
            bytes.AddRange(new byte[2]);
        }

        return bytes;
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static byte[] Order16(ushort value, bool bigEndian) => bigEndian ? BigEndian16(value) : LittleEndian16(value);

    private static byte[] Order32(uint value, bool bigEndian) => bigEndian ? BigEndian32(value) : LittleEndian32(value);

    private static byte[] BigEndian16(ushort value) => [(byte)(value >> 8), (byte)value];

    private static byte[] BigEndian32(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static byte[] LittleEndian16(ushort value) => [(byte)value, (byte)(value >> 8)];

    private static byte[] LittleEndian32(uint value) => [(byte)value, (byte)(value >> 8), (byte)(value >> 16), (byte)(value >> 24)];
}
