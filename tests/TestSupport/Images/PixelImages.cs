using System.Buffers.Binary;
using StbImageWriteSharp;

namespace BankcardOcr.TestSupport;

/// <summary>
/// The image factory, continued: real, decodable pictures, for tests that need an image decoded, fitted or turned.
/// The Photo* members encode with StbImageWriteSharp, which comes with src/Core (a project using them references
/// Core); <see cref="ScanBmp"/> is written by hand and needs nothing.
/// </summary>
public static partial class TestImages
{
    /// <summary>
    /// RGB pixels of a smooth gradient with dark bars (edges like printed text) and seeded noise, which compresses
    /// about as badly as a phone photo's sensor noise.
    /// </summary>
    public static byte[] PhotoPixels(int width, int height, int noise, int seed = 1)
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

    /// <summary><see cref="PhotoPixels"/> as a JPEG.</summary>
    public static byte[] PhotoJpeg(int width, int height, int noise, int quality = 95, int seed = 1) =>
        EncodeJpeg(PhotoPixels(width, height, noise, seed), width, height, quality);

    /// <summary><see cref="PhotoPixels"/> as a PNG.</summary>
    public static byte[] PhotoPng(int width, int height, int noise, int seed = 1) =>
        Write((w, s) => w.WritePng(PhotoPixels(width, height, noise, seed), width, height, ColorComponents.RedGreenBlue, s));

    /// <summary><see cref="PhotoPixels"/> as a 24-bit BMP.</summary>
    public static byte[] PhotoBmp(int width, int height, int noise, int seed = 1) =>
        Write((w, s) => w.WriteBmp(PhotoPixels(width, height, noise, seed), width, height, ColorComponents.RedGreenBlue, s));

    /// <summary>Encodes the given RGB pixels as a JPEG.</summary>
    public static byte[] EncodeJpeg(byte[] pixels, int width, int height, int quality = 95) =>
        Write((w, s) => w.WriteJpg(pixels, width, height, ColorComponents.RedGreenBlue, s, quality));

    /// <summary>Inserts an Exif APP1 segment holding only Orientation (tag 274) right after SOI.</summary>
    public static byte[] WithExifOrientation(byte[] jpeg, ushort orientation, bool bigEndian = false)
    {
        var tiff = new List<byte>();
        tiff.AddRange(bigEndian ? new byte[] { (byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8 } : new byte[] { (byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0 });
        tiff.AddRange(Order16(1, bigEndian)); // one entry
        tiff.AddRange(Order16(0x0112, bigEndian));
        tiff.AddRange(Order16(3, bigEndian)); // SHORT
        tiff.AddRange(Order32(1, bigEndian));
        tiff.AddRange(Order16(orientation, bigEndian));
        tiff.AddRange(new byte[6]); // value padding, then no next IFD
        var payload = new List<byte>(Ascii("Exif\0\0"));
        payload.AddRange(tiff);
        var segment = new List<byte> { 0xFF, 0xE1 };
        segment.AddRange(BigEndian16((ushort)(payload.Count + 2)));
        segment.AddRange(payload);
        return jpeg.Take(2).Concat(segment).Concat(jpeg.Skip(2)).ToArray();
    }

    /// <summary>A decodable 24-bit bottom-up BMP with a gradient and light noise, like a flat scan.</summary>
    public static byte[] ScanBmp(int width, int height, int seed)
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

    private static byte Clamp(int value, int noise, Random random) =>
        (byte)Math.Clamp(value + (noise == 0 ? 0 : random.Next(-noise, noise + 1)), 0, 255);

    private static byte[] Write(Action<ImageWriter, Stream> write)
    {
        using var stream = new MemoryStream();
        write(new ImageWriter(), stream);
        return stream.ToArray();
    }
}
