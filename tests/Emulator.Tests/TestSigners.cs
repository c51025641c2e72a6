using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using BankcardOcr.Emulator;

namespace BankcardOcr.Module.Tests.Emulator;

/// <summary>
/// Minimal request builders for driving the emulator over HTTP. Written separately from the emulator's
/// verifiers (and from the module's signers) so that a shared mistake cannot hide.
/// </summary>
internal static class TestSigners
{
    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static byte[] Hmac256(byte[] key, string text) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text));

    /// <summary>docs/tencentcloud.md §6.1: Base64(HMAC-SHA1(SecretKey, original) + original).</summary>
    public static string LegacySignature(EmulatorOptions o, long t, long e, string bucket = "", string fileId = "", uint rand = 12345, string? appId = null, string? secretKey = null)
    {
        var original = $"a={appId ?? o.TencentAppId}&b={bucket}&k={o.TencentSecretId}&e={e}&t={t}&r={rand}&u=0&f={fileId}";
        var bytes = Encoding.UTF8.GetBytes(original);
        var digest = HMACSHA1.HashData(Encoding.UTF8.GetBytes(secretKey ?? o.TencentSecretKey), bytes);
        return Convert.ToBase64String([.. digest, .. bytes]);
    }

    public static HttpRequestMessage LegacyJson(CloudEmulator emulator, string json, string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseAddress, "ocr/bankcard"))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        return request;
    }

    /// <summary>docs/tencentcloud.md §3, signing content-type and host (and x-tc-action when asked).</summary>
    public static HttpRequestMessage Tc3(CloudEmulator emulator, string body, long? timestamp = null, string? secretKey = null,
        string contentType = "application/json", bool signAction = false, string action = "BankCardOCR", string? sentContentType = null)
    {
        var o = emulator.Options;
        var ts = timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var date = DateTimeOffset.FromUnixTimeSeconds(ts).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var host = emulator.BaseAddress.Authority;
        var bytes = Encoding.UTF8.GetBytes(body);
        var headers = $"content-type:{contentType.ToLowerInvariant()}\nhost:{host}\n" + (signAction ? $"x-tc-action:{action.ToLowerInvariant()}\n" : "");
        var signed = signAction ? "content-type;host;x-tc-action" : "content-type;host";
        var canonical = $"POST\n/\n\n{headers}\n{signed}\n{Hex(SHA256.HashData(bytes))}";
        var toSign = $"TC3-HMAC-SHA256\n{ts}\n{date}/ocr/tc3_request\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Hmac256(Hmac256(Hmac256(Encoding.UTF8.GetBytes("TC3" + (secretKey ?? o.TencentSecretKey)), date), "ocr"), "tc3_request");
        var signature = Hex(Hmac256(key, toSign));

        var request = new HttpRequestMessage(HttpMethod.Post, emulator.BaseAddress) { Content = new ByteArrayContent(bytes) };
        // The exact Content-Type that was signed; StringContent would add "; charset=utf-8" (docs/tencentcloud.md §3).
        request.Content.Headers.TryAddWithoutValidation("Content-Type", sentContentType ?? contentType);
        request.Headers.TryAddWithoutValidation("Authorization",
            $"TC3-HMAC-SHA256 Credential={o.TencentSecretId}/{date}/ocr/tc3_request, SignedHeaders={signed}, Signature={signature}");
        request.Headers.Add("X-TC-Action", action);
        request.Headers.Add("X-TC-Version", "2018-11-19");
        request.Headers.Add("X-TC-Timestamp", ts.ToString(CultureInfo.InvariantCulture));
        return request;
    }

    /// <summary>docs/huaweicloud.md §5.1, signing host and x-sdk-date.</summary>
    public static HttpRequestMessage HuaweiAkSk(CloudEmulator emulator, HttpMethod method, string pathAndQuery, string? body,
        DateTimeOffset? at = null, string? secretKey = null)
    {
        var o = emulator.Options;
        var date = (at ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body ?? "");
        var q = pathAndQuery.IndexOf('?');
        var path = q < 0 ? pathAndQuery : pathAndQuery[..q];
        var query = q < 0 ? "" : pathAndQuery[(q + 1)..];
        var host = emulator.BaseAddress.Authority;
        var canonical = $"{method.Method}\n{path}/\n{query}\nhost:{host}\nx-sdk-date:{date}\n\nhost;x-sdk-date\n{Hex(SHA256.HashData(bytes))}";
        var toSign = $"SDK-HMAC-SHA256\n{date}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var signature = Hex(Hmac256(Encoding.UTF8.GetBytes(secretKey ?? o.HuaweiSecretKey), toSign));

        var request = new HttpRequestMessage(method, new Uri(emulator.BaseAddress, pathAndQuery.TrimStart('/')));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        request.Headers.Add("X-Sdk-Date", date);
        request.Headers.TryAddWithoutValidation("Authorization", $"SDK-HMAC-SHA256 Access={o.HuaweiAccessKey}, SignedHeaders=host;x-sdk-date, Signature={signature}");
        return request;
    }

    public static string HuaweiOcrPath(CloudEmulator emulator) => $"/v2/{emulator.Options.HuaweiProjectId}/ocr/bankcard";

    public static string IamPasswordBody(EmulatorOptions o, string? password = null, string? scope = null)
    {
        var user = new Dictionary<string, object>
        {
            ["name"] = o.HuaweiUserName,
            ["password"] = password ?? o.HuaweiPassword,
            ["domain"] = new Dictionary<string, string> { ["name"] = o.HuaweiDomainName },
        };
        var auth = new Dictionary<string, object>
        {
            ["identity"] = new Dictionary<string, object> { ["methods"] = new[] { "password" }, ["password"] = new Dictionary<string, object> { ["user"] = user } },
        };
        auth["scope"] = scope is null
            ? new Dictionary<string, object> { ["project"] = new Dictionary<string, string> { ["name"] = o.HuaweiProjectName } }
            : System.Text.Json.JsonDocument.Parse(scope).RootElement;
        return System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { ["auth"] = auth });
    }
}
