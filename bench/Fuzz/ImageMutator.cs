using System.Buffers.Binary;
using StbImageWriteSharp;

namespace BankcardOcr.Fuzz;

/// <summary>
/// Makes image files from real small JPEG, PNG and BMP encodings and a hand-made TIFF header: bytes flipped
/// (mostly in the header), sizes set to 0, 1, 65535, 60000 or 2^32-1, data cut off anywhere, segments
/// repeated. Everything comes from the <see cref="Random"/> it is given.
/// </summary>
public static class ImageMutator
{
    private static readonly uint[] Sizes = [0, 1, 2, 14, 15, 16, 8192, 8193, 60000, 65535, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF];

    /// <summary>The unmutated seeds: name and bytes.</summary>
    public static IReadOnlyList<(string Name, byte[] Data)> Seeds { get; } = MakeSeeds();

    /// <summary>One mutated file.</summary>
    public static byte[] Next(Random random)
    {
        var (name, seed) = Seeds[random.Next(Seeds.Count)];
        var data = (byte[])seed.Clone();
        var changes = 1 + random.Next(4);
        for (var i = 0; i < changes; i++)
        {
            data = random.Next(5) switch
            {
                0 => Flip(random, data, header: true),
                1 => Flip(random, data, header: false),
                2 => SetSize(random, data, name),
                3 => data.AsSpan(0, random.Next(data.Length + 1)).ToArray(),
                _ => Repeat(random, data),
            };
        }

        return data;
    }

    private static byte[] Flip(Random random, byte[] data, bool header)
    {
        if (data.Length == 0)
        {
            return data;
        }

        var span = header ? Math.Min(64, data.Length) : data.Length;
        data[random.Next(span)] = (byte)random.Next(256);
        return data;
    }

    /// <summary>Writes an extreme width or height where each format keeps it.</summary>
    private static byte[] SetSize(Random random, byte[] data, string name)
    {
        var value = Sizes[random.Next(Sizes.Length)];
        var height = random.Next(2) == 0;
        switch (name)
        {
            case "png" when data.Length >= 24:
                BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(height ? 20 : 16), value);
                break;
            case "bmp" when data.Length >= 26:
                BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(height ? 22 : 18), value);
                break;
            case "jpeg":
                var sof = Find(data, 0xFF, 0xC0);
                if (sof >= 0 && sof + 9 <= data.Length)
                {
                    BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(sof + (height ? 5 : 7)), (ushort)value);
                }

                break;
            case "tiff" when data.Length >= 8 + 2 + (2 * 12):
                // Entries 0 and 1 of the first IFD are ImageWidth and ImageLength, each a LONG at +8.
                BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(8 + 2 + (height ? 12 : 0) + 8), value);
                break;
        }

        return data;
    }

    private static byte[] Repeat(Random random, byte[] data)
    {
        if (data.Length < 2)
        {
            return data;
        }

        var at = random.Next(data.Length);
        var length = Math.Min(random.Next(1, 64), data.Length - at);
        return [.. data.AsSpan(0, at + length), .. data.AsSpan(at)];
    }

    private static int Find(byte[] data, byte first, byte second)
    {
        for (var i = 0; i + 1 < data.Length; i++)
        {
            if (data[i] == first && data[i + 1] == second)
            {
                return i;
            }
        }

        return -1;
    }

    private static List<(string, byte[])> MakeSeeds()
    {
        const int width = 40, height = 25;
        var pixels = new byte[width * height * 3];
        new Random(7).NextBytes(pixels);
        var writer = new ImageWriter();
        byte[] Encode(Action<Stream> write)
        {
            using var stream = new MemoryStream();
            write(stream);
            return stream.ToArray();
        }

        return
        [
            ("jpeg", Encode(s => writer.WriteJpg(pixels, width, height, ColorComponents.RedGreenBlue, s, 90))),
            ("png", Encode(s => writer.WritePng(pixels, width, height, ColorComponents.RedGreenBlue, s))),
            ("bmp", Encode(s => writer.WriteBmp(pixels, width, height, ColorComponents.RedGreenBlue, s))),
            ("tiff", Tiff(width, height)),
        ];
    }

    /// <summary>A little-endian baseline TIFF header: ImageWidth and ImageLength as LONGs, then strip tags.</summary>
    private static byte[] Tiff(int width, int height)
    {
        var data = new byte[8 + 2 + (4 * 12) + 4 + (width * height)];
        data[0] = (byte)'I';
        data[1] = (byte)'I';
        data[2] = 42;
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(8), 4);
        void Entry(int index, ushort tag, ushort type, uint value)
        {
            var at = 10 + (index * 12);
            BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(at), tag);
            BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(at + 2), type);
            BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(at + 4), 1);
            BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(at + 8), value);
        }

        Entry(0, 256, 4, (uint)width);
        Entry(1, 257, 4, (uint)height);
        Entry(2, 258, 3, 8);
        Entry(3, 273, 4, 8 + 2 + (4 * 12) + 4);
        return data;
    }
}
