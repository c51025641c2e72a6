using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;

namespace BankcardOcr.Emulator.Hosting;

/// <summary>Registered cards (by SHA-256 of the image bytes) and images served under <c>/images/{name}</c>.</summary>
internal sealed class ImageStore
{
    private readonly ConcurrentDictionary<string, EmulatedCard> _cards = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _images = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<EmulatedFault>> _faults = new(StringComparer.Ordinal);

    public int Port { get; set; }

    public void RegisterCard(byte[] image, EmulatedCard card) => _cards[Key(image)] = card;

    public void RegisterImage(string name, byte[] image) => _images[name] = image;

    public bool TryGetImage(string name, out byte[] image) => _images.TryGetValue(name, out image!);

    /// <summary>The next <paramref name="times"/> requests carrying exactly these image bytes get <paramref name="fault"/>.</summary>
    public void EnqueueFault(byte[] image, EmulatedFault fault, int times)
    {
        var queue = _faults.GetOrAdd(Key(image), _ => new ConcurrentQueue<EmulatedFault>());
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(fault);
        }
    }

    /// <summary>The fault waiting for these image bytes, if any (first in, first out).</summary>
    public EmulatedFault? TakeFault(byte[] image) =>
        !_faults.IsEmpty && _faults.TryGetValue(Key(image), out var queue) && queue.TryDequeue(out var fault) ? fault : null;

    public EmulatedCard? CardFor(byte[] image, EmulatorOptions options) =>
        _cards.TryGetValue(Key(image), out var card) ? card : options.DefaultCard;

    /// <summary>
    /// "Downloads" a URL without touching the network: only this emulator's own <c>/images/{name}</c> on a
    /// loopback host resolves; anything else is a failed download.
    /// </summary>
    public bool TryDownload(string url, out byte[] image)
    {
        image = [];
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.Port != Port)
        {
            return false;
        }
        var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
        const string prefix = "/images/";
        if (!loopback || !uri.AbsolutePath.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }
        return TryGetImage(Uri.UnescapeDataString(uri.AbsolutePath[prefix.Length..]), out image);
    }

    private static string Key(byte[] image) => Convert.ToHexString(SHA256.HashData(image));
}
