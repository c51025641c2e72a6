using System.Buffers.Binary;

namespace ProviderBench;

/// <summary>
/// Images the emulator accepts: it reads only the header (format and size), so a PNG signature and IHDR
/// followed by filler is a valid card photo to it, of exactly the byte size a benchmark needs.
/// </summary>
internal static class BenchImages
{
    private static readonly Dictionary<int, byte[]> Filler = [];

    public static byte[] Png(int size, int seed = 0)
    {
        byte[]? filler;
        lock (Filler)
        {
            if (!Filler.TryGetValue(size, out filler))
            {
                // Filler from a seeded generator, made once per size: a seeded Random costs about as much CPU per
                // 100 KB as a whole request, and the batch runs would measure it.
                filler = new byte[size];
                new Random(size).NextBytes(filler);
                Filler[size] = filler;
            }
        }

        var data = (byte[])filler.Clone();
        BitConverter.TryWriteBytes(data.AsSpan(size - 4), seed); // distinct images per seed
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(data, 0);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(8), 13);
        "IHDR"u8.CopyTo(data.AsSpan(12));
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(16), 856);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(20), 540);
        data[24] = 8;
        data[25] = 2;
        data[26] = data[27] = data[28] = 0;
        return data;
    }
}
