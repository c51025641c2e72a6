using StbImageWriteSharp;

namespace BankcardOcr.Core.Tests.Imaging;

/// <summary>
/// Real, decodable images made in the test with StbImageWriteSharp: a smooth gradient with dark bars (edges
/// like printed text) and seeded noise, which compresses about as badly as a phone photo's sensor noise.
/// </summary>
internal static class GeneratedImages
{
    public static byte[] Pixels(int width, int height, int noise, int seed = 1)
    {
        var random = new Random(seed);
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var bar = (x / 40 % 3 == 0) && (y / 60 % 2 == 0);
                var at = (y * width + x) * 3;
                pixels[at] = Clamp(bar ? 20 : 60 + 150 * x / width, noise, random);
                pixels[at + 1] = Clamp(bar ? 20 : 80 + 120 * y / height, noise, random);
                pixels[at + 2] = Clamp(bar ? 30 : 200 - 100 * x / width, noise, random);
            }
        }

        return pixels;
    }

    public static byte[] Jpeg(int width, int height, int noise, int quality = 95, int seed = 1) =>
        Write((w, s) => w.WriteJpg(Pixels(width, height, noise, seed), width, height, ColorComponents.RedGreenBlue, s, quality));

    public static byte[] Png(int width, int height, int noise, int seed = 1) =>
        Write((w, s) => w.WritePng(Pixels(width, height, noise, seed), width, height, ColorComponents.RedGreenBlue, s));

    public static byte[] Bmp(int width, int height, int noise, int seed = 1) =>
        Write((w, s) => w.WriteBmp(Pixels(width, height, noise, seed), width, height, ColorComponents.RedGreenBlue, s));

    /// <summary>Encodes the given pixels as a JPEG.</summary>
    public static byte[] Jpeg(byte[] pixels, int width, int height, int quality = 95) =>
        Write((w, s) => w.WriteJpg(pixels, width, height, ColorComponents.RedGreenBlue, s, quality));

    /// <summary>Inserts an Exif APP1 segment holding only Orientation (tag 274) right after SOI.</summary>
    public static byte[] WithExifOrientation(byte[] jpeg, ushort orientation, bool bigEndian = false)
    {
        var tiff = new List<byte>();
        tiff.AddRange(bigEndian ? new byte[] { (byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8 } : new byte[] { (byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0 });
        tiff.AddRange(Short(1, bigEndian)); // one entry
        tiff.AddRange(Short(0x0112, bigEndian));
        tiff.AddRange(Short(3, bigEndian)); // SHORT
        tiff.AddRange(bigEndian ? new byte[] { 0, 0, 0, 1 } : new byte[] { 1, 0, 0, 0 });
        tiff.AddRange(Short(orientation, bigEndian));
        tiff.AddRange(new byte[6]); // value padding, then no next IFD
        var payload = new List<byte>(System.Text.Encoding.ASCII.GetBytes("Exif\0\0"));
        payload.AddRange(tiff);
        var segment = new List<byte> { 0xFF, 0xE1, (byte)((payload.Count + 2) >> 8), (byte)(payload.Count + 2) };
        segment.AddRange(payload);
        return jpeg.Take(2).Concat(segment).Concat(jpeg.Skip(2)).ToArray();
    }

    private static byte[] Short(int value, bool bigEndian) =>
        bigEndian ? new[] { (byte)(value >> 8), (byte)value } : new[] { (byte)value, (byte)(value >> 8) };

    private static byte Clamp(int value, int noise, Random random) =>
        (byte)Math.Clamp(value + (noise == 0 ? 0 : random.Next(-noise, noise + 1)), 0, 255);

    private static byte[] Write(Action<ImageWriter, Stream> write)
    {
        using var stream = new MemoryStream();
        write(new ImageWriter(), stream);
        return stream.ToArray();
    }
}
