using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BankcardOcr.Emulator.Huawei;

/// <summary>The parts of <c>SDK-HMAC-SHA256 Access=AK, SignedHeaders=a;b, Signature=hex</c> (docs/huaweicloud.md §5.1 step 4).</summary>
internal sealed record SdkAuthorization(string AccessKey, IReadOnlyList<string> SignedHeaders, string Signature);

/// <summary>Huawei API Gateway AK/SK signing (docs/huaweicloud.md §5.1), written for verifying a received request.</summary>
internal static class SdkHmacSignature
{
    public const string Algorithm = "SDK-HMAC-SHA256";
    public const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

    public static bool TryParseAuthorization(string? header, out SdkAuthorization authorization)
    {
        authorization = null!;
        // A space, not a comma, follows the algorithm; the parts are separated by ", " (§5.1 step 4).
        if (header is null || !header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            return false;
        }
        string? access = null, signed = null, signature = null;
        foreach (var part in header[(Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0)
            {
                return false;
            }
            switch (part[..eq])
            {
                case "Access": access = part[(eq + 1)..]; break;
                case "SignedHeaders": signed = part[(eq + 1)..]; break;
                case "Signature": signature = part[(eq + 1)..]; break;
                default: return false;
            }
        }
        if (string.IsNullOrEmpty(access) || string.IsNullOrEmpty(signed) || string.IsNullOrEmpty(signature))
        {
            return false;
        }
        authorization = new(access, signed.Split(';'), signature);
        return true;
    }

    /// <summary>RFC 3986: unreserved characters stay, everything else is %XY of its UTF-8 bytes, uppercase hex.</summary>
    public static string Encode(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                result.Append((char)b);
            }
            else
            {
                result.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return result.ToString();
    }

    /// <summary>Each segment of the path as received, decoded and re-encoded, always ending in "/" (§5.1).</summary>
    public static string CanonicalUri(string rawPath)
    {
        var segments = rawPath.Split('/').Select(s => Encode(Uri.UnescapeDataString(s)));
        var path = string.Join('/', segments);
        return path.EndsWith('/') ? path : path + "/";
    }

    /// <summary>Keys sorted ordinally, values of repeated keys sorted too, both RFC 3986 encoded (§5.1).</summary>
    public static string CanonicalQuery(string rawQuery)
    {
        var query = rawQuery.StartsWith('?') ? rawQuery[1..] : rawQuery;
        if (query.Length == 0)
        {
            return "";
        }
        // '+' stays a plus: the SDKs send a space as %20 (§5.1), and RFC 3986 gives '+' no special meaning.
        static string Decode(string s) => Uri.UnescapeDataString(s);
        var pairs = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p =>
        {
            var eq = p.IndexOf('=');
            return eq < 0 ? (Key: Encode(Decode(p)), Value: "") : (Key: Encode(Decode(p[..eq])), Value: Encode(Decode(p[(eq + 1)..])));
        });
        return string.Join('&', pairs
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value));
    }

    /// <summary>§5.1 step 1. Header values are trimmed but keep their case (unlike Tencent's TC3).</summary>
    public static string CanonicalRequest(string method, string rawPath, string rawQuery, IReadOnlyList<string> signedHeaders,
        Func<string, string?> headerValue, string payloadHash)
    {
        var text = new StringBuilder();
        text.Append(method.ToUpperInvariant()).Append('\n')
            .Append(CanonicalUri(rawPath)).Append('\n')
            .Append(CanonicalQuery(rawQuery)).Append('\n');
        foreach (var name in signedHeaders)
        {
            text.Append(name.ToLowerInvariant()).Append(':').Append((headerValue(name) ?? "").Trim()).Append('\n');
        }
        return text.Append('\n').Append(string.Join(';', signedHeaders)).Append('\n').Append(payloadHash).ToString();
    }

    public static string PayloadHash(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    public static string StringToSign(string sdkDate, string canonicalRequest) =>
        $"{Algorithm}\n{sdkDate}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

    /// <summary>§5.1 step 3: the SK is the HMAC key as it is, without derivation.</summary>
    public static string Signature(string secretKey, string stringToSign) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(stringToSign)));

    public static bool SignatureMatches(string expectedHex, string receivedHex) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expectedHex), Encoding.ASCII.GetBytes(receivedHex));

    public static bool TryParseDate(string? value, out DateTimeOffset date) =>
        DateTimeOffset.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out date);
}
