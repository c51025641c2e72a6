using BankcardOcr.Emulator.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace BankcardOcr.Emulator.Huawei;

/// <summary>Checks an AK/SK-signed request as API Gateway would, from the request line and headers as received.</summary>
internal static class AkSkVerifier
{
    /// <summary>Null when the request is correctly signed; otherwise why not (for the error message).</summary>
    public static string? Problem(HttpContext context, byte[] body, EmulatorState state)
    {
        var request = context.Request;
        string? Header(string name) => request.Headers.TryGetValue(name, out var v) ? v.ToString() : null;

        if (!SdkHmacSignature.TryParseAuthorization(Header("Authorization"), out var auth))
        {
            return "Authorization header is not SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…";
        }
        if (auth.AccessKey != state.Options.HuaweiAccessKey)
        {
            return "access key not found";
        }
        var sdkDate = Header("X-Sdk-Date");
        if (!SdkHmacSignature.TryParseDate(sdkDate, out var date))
        {
            return "X-Sdk-Date missing or not yyyyMMddTHHmmssZ";
        }
        if ((state.Time.GetUtcNow() - date).Duration() > state.Options.HuaweiSdkDateSkew)
        {
            return "X-Sdk-Date expired";
        }
        // docs/huaweicloud.md §5.1: X-Sdk-Date must be signed; the set is lowercase, sorted, of headers sent.
        if (!auth.SignedHeaders.Contains("x-sdk-date")
            || auth.SignedHeaders.Any(h => h != h.ToLowerInvariant() || Header(h) is null)
            || !auth.SignedHeaders.SequenceEqual(auth.SignedHeaders.Order(StringComparer.Ordinal)))
        {
            return "SignedHeaders must list sent headers in lowercase and sorted, including x-sdk-date";
        }
        // docs/huaweicloud.md §5.1: X-Sdk-Content-Sha256, when present, stands in for the body hash (UNSIGNED-PAYLOAD).
        var payloadHash = Header("X-Sdk-Content-Sha256") ?? SdkHmacSignature.PayloadHash(body);
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.Path + request.QueryString);
        var q = target.IndexOf('?');
        var (path, query) = q < 0 ? (target, "") : (target[..q], target[(q + 1)..]);
        var canonical = SdkHmacSignature.CanonicalRequest(request.Method, path, query, auth.SignedHeaders, Header, payloadHash);
        var expected = SdkHmacSignature.Signature(state.Options.HuaweiSecretKey, SdkHmacSignature.StringToSign(sdkDate!, canonical));
        return SdkHmacSignature.SignatureMatches(expected, auth.Signature) ? null : "verify aksk signature fail";
    }
}
