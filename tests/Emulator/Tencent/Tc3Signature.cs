using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BankcardOcr.Emulator.Tencent;

/// <summary>The parts of a TC3 <c>Authorization</c> header.</summary>
internal sealed record Tc3Authorization(string SecretId, string Date, string Service, string Terminator, IReadOnlyList<string> SignedHeaders, string Signature);

/// <summary>
/// TC3-HMAC-SHA256 as docs/tencentcloud.md §3 describes it, written for verifying: the canonical request is built
/// from the headers as received, so a client that signs one Content-Type and sends another fails here
/// exactly as it would at Tencent.
/// </summary>
internal static class Tc3Signature
{
    public const string Algorithm = "TC3-HMAC-SHA256";

    /// <summary>Parses <c>TC3-HMAC-SHA256 Credential=id/date/service/tc3_request, SignedHeaders=a;b, Signature=hex</c> (§3 step 4).</summary>
    public static bool TryParseAuthorization(string? header, out Tc3Authorization authorization)
    {
        authorization = null!;
        if (header is null || !header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            return false;
        }
        var parts = header[(Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries);
        string? credential = null, signed = null, signature = null;
        foreach (var part in parts)
        {
            var eq = part.IndexOf('=');
            if (eq <= 0)
            {
                return false;
            }
            var (name, value) = (part[..eq], part[(eq + 1)..]);
            switch (name)
            {
                case "Credential": credential = value; break;
                case "SignedHeaders": signed = value; break;
                case "Signature": signature = value; break;
                default: return false;
            }
        }
        var scope = credential?.Split('/');
        if (scope is not { Length: 4 } || string.IsNullOrEmpty(signed) || string.IsNullOrEmpty(signature))
        {
            return false;
        }
        authorization = new(scope[0], scope[1], scope[2], scope[3], signed.Split(';'), signature);
        return true;
    }

    /// <summary>§3 step 1. <paramref name="headerValue"/> returns the header as received, or null when absent.</summary>
    public static string CanonicalRequest(string method, string canonicalUri, string canonicalQuery,
        IReadOnlyList<string> signedHeaders, Func<string, string?> headerValue, ReadOnlySpan<byte> payload)
    {
        var text = new StringBuilder();
        text.Append(method).Append('\n').Append(canonicalUri).Append('\n').Append(canonicalQuery).Append('\n');
        foreach (var name in signedHeaders)
        {
            // Tencent lowercases the value too (the vectors show x-tc-action:describeinstances).
            var value = (headerValue(name) ?? "").Trim().ToLowerInvariant();
            text.Append(name.ToLowerInvariant()).Append(':').Append(value).Append('\n');
        }
        text.Append('\n').Append(string.Join(';', signedHeaders)).Append('\n').Append(Hex(SHA256.HashData(payload)));
        return text.ToString();
    }

    /// <summary>The UTC date of the timestamp: 1551113065 is 2019-02-25, not the Beijing date (§3 step 2).</summary>
    public static string DateOf(long timestamp) =>
        DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string StringToSign(long timestamp, string service, string canonicalRequest) =>
        $"{Algorithm}\n{timestamp.ToString(CultureInfo.InvariantCulture)}\n{DateOf(timestamp)}/{service}/tc3_request\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

    /// <summary>§3 step 3: the intermediate keys are raw bytes, never hex.</summary>
    public static byte[] SigningKey(string secretKey, string date, string service)
    {
        var secretDate = HMACSHA256.HashData(Encoding.UTF8.GetBytes("TC3" + secretKey), Encoding.UTF8.GetBytes(date));
        var secretService = HMACSHA256.HashData(secretDate, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(secretService, "tc3_request"u8);
    }

    public static string Signature(string secretKey, string date, string service, string stringToSign) =>
        Hex(HMACSHA256.HashData(SigningKey(secretKey, date, service), Encoding.UTF8.GetBytes(stringToSign)));

    /// <summary>Compares in constant time so that the emulator does not teach a timing side channel.</summary>
    public static bool SignatureMatches(string expectedHex, string receivedHex) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expectedHex), Encoding.ASCII.GetBytes(receivedHex));

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
