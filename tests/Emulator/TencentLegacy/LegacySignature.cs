using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BankcardOcr.Emulator.TencentLegacy;

/// <summary>The fields of a legacy signature's original string (docs/tencentcloud.md §6.1).</summary>
internal sealed record LegacySignatureFields(string AppId, string Bucket, string SecretId, long Expires, long Created, string Rand, string FileId)
{
    /// <summary>单次有效签名: e = 0 and bound to a file.</summary>
    public bool IsOneTime => Expires == 0;
}

/// <summary>
/// Verifies 多次有效签名 / 单次有效签名: Base64 of the raw 20-byte HMAC-SHA1 of the original string
/// followed by the original string itself (docs/tencentcloud.md §6.1).
/// </summary>
internal static class LegacySignature
{
    private const int DigestLength = 20;

    /// <summary>Splits the header into digest and original string; standard Base64 only (§6.1 step 2).</summary>
    public static bool TryDecode(string authorization, out byte[] digest, out string original)
    {
        digest = [];
        original = "";
        byte[] raw;
        try
        {
            raw = Convert.FromBase64String(authorization.Trim());
        }
        catch (FormatException)
        {
            return false;
        }
        if (raw.Length <= DigestLength)
        {
            return false;
        }
        digest = raw[..DigestLength];
        try
        {
            original = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(raw, DigestLength, raw.Length - DigestLength);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        return true;
    }

    /// <summary>
    /// Reads the fields by name, in any order: the SDKs send different subsets in different orders
    /// (§6.2), so a server that insisted on one order would refuse some of them. a, k, e and t are required.
    /// </summary>
    public static bool TryParse(string original, out LegacySignatureFields fields)
    {
        fields = null!;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in original.Split('&'))
        {
            var eq = pair.IndexOf('=');
            if (eq != 1 || !values.TryAdd(pair[..1], pair[2..]))
            {
                return false;
            }
        }
        string Get(string key) => values.TryGetValue(key, out var v) ? v : "";
        if (Get("a").Length == 0 || Get("k").Length == 0
            || !long.TryParse(Get("e"), NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || !long.TryParse(Get("t"), NumberStyles.None, CultureInfo.InvariantCulture, out var created))
        {
            return false;
        }
        // r: a random unsigned decimal of at most 10 digits (§6.1).
        var rand = Get("r");
        if (rand.Length > 10 || rand.Any(c => c is < '0' or > '9'))
        {
            return false;
        }
        fields = new(Get("a"), Get("b"), Get("k"), expires, created, rand, Get("f"));
        return true;
    }

    /// <summary>HMAC-SHA1 over the original string's exact bytes, compared in constant time.</summary>
    public static bool DigestMatches(byte[] digest, string original, string secretKey) =>
        CryptographicOperations.FixedTimeEquals(digest, Digest(original, secretKey));

    public static byte[] Digest(string original, string secretKey) =>
        HMACSHA1.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(original));
}
