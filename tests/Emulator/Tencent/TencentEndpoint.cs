using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BankcardOcr.Emulator.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace BankcardOcr.Emulator.Tencent;

/// <summary>API 3.0 <c>POST /</c>, <c>X-TC-Action: BankCardOCR</c> (docs/tencentcloud.md §2).</summary>
internal sealed partial class TencentEndpoint(EmulatorState state) : VendorEndpoint(state)
{
    /// <summary>ImageBase64 may be 10 MB after encoding (§2.2); the JSON around it gets a little room.</summary>
    internal const int MaxBase64Length = 10 * 1024 * 1024;
    private const int MaxBodyLength = MaxBase64Length + (64 * 1024);

    private static readonly HashSet<string> KnownFields = new(StringComparer.Ordinal)
    {
        "ImageBase64", "ImageUrl", "RetBorderCutImage", "RetCardNoImage",
        "EnableCopyCheck", "EnableReshootCheck", "EnableBorderCheck", "EnableQualityValue",
    };

    public override EmulatedApi Api => EmulatedApi.Tencent;

    public override string RateLimitCode => "RequestLimitExceeded";

    public override string InternalErrorCode => "InternalError";

    public override string? ExpiredCredentialCode => "AuthFailure.SignatureExpire";

    protected override string TruncatedBody => "{\"Response\": {\"CardNo\": \"6225768";

    public override async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var (body, tooLarge) = await JsonReply.ReadBodyAsync(context, MaxBodyLength);
        if (tooLarge)
        {
            await ErrorAsync(context, "RequestSizeLimitExceeded");
            return;
        }
        if (await CheckHeadersAndSignatureAsync(context, body) is false)
        {
            return;
        }
        // Only JSON bodies carry images (§2.1: GET is form-urlencoded and limited to 32 KB).
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var media) || !media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await ErrorAsync(context, "InvalidParameter", "请求的 Content-Type 必须是 application/json。");
            return;
        }
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            json = null;
        }
        if (json is null)
        {
            await ErrorAsync(context, "InvalidParameter", "请求体不是合法的 JSON 对象。");
            return;
        }
        await RecognizeAsync(context, json);
    }

    /// <summary>Action, version, timestamp and signature, in the order a gateway would look at them.</summary>
    private async Task<bool> CheckHeadersAndSignatureAsync(HttpContext context, byte[] body)
    {
        var headers = context.Request.Headers;
        string? Header(string name) => headers.TryGetValue(name, out var v) ? v.ToString() : null;

        var action = Header("X-TC-Action");
        if (string.IsNullOrEmpty(action))
        {
            await ErrorAsync(context, "MissingParameter", "缺少参数 `X-TC-Action`。");
            return false;
        }
        if (action != "BankCardOCR")
        {
            await ErrorAsync(context, "InvalidAction", $"接口 `{action}` 不存在。");
            return false;
        }
        var version = Header("X-TC-Version");
        if (string.IsNullOrEmpty(version))
        {
            await ErrorAsync(context, "MissingParameter", "缺少参数 `X-TC-Version`。");
            return false;
        }
        if (version != "2018-11-19")
        {
            await ErrorAsync(context, "NoSuchVersion", $"版本 `{version}` 不存在。");
            return false;
        }
        if (!long.TryParse(Header("X-TC-Timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            await ErrorAsync(context, "MissingParameter", "缺少参数 `X-TC-Timestamp` 或其值不是 Unix 秒。");
            return false;
        }
        if (!Tc3Signature.TryParseAuthorization(Header("Authorization"), out var auth) || auth.Terminator != "tc3_request")
        {
            await AuthErrorAsync(context, "AuthFailure.InvalidAuthorization");
            return false;
        }
        var skew = Math.Abs(Now.ToUnixTimeSeconds() - timestamp);
        if (skew > State.Options.TencentTimestampSkew.TotalSeconds)
        {
            await AuthErrorAsync(context, "AuthFailure.SignatureExpire",
                $"签名过期。Timestamp 和服务器时间相差不得超过五分钟，请检查本地时间是否和标准时间同步。(request {timestamp}, server {Now.ToUnixTimeSeconds()})");
            return false;
        }
        if (auth.SecretId != State.Options.TencentSecretId)
        {
            await AuthErrorAsync(context, "AuthFailure.SecretIdNotFound");
            return false;
        }
        var failure = SignatureProblem(context, auth, timestamp, body, Header);
        if (failure is not null)
        {
            await AuthErrorAsync(context, "AuthFailure.SignatureFailure", failure);
            return false;
        }
        var token = Header("X-TC-Token");
        if (!string.IsNullOrEmpty(token))
        {
            // The emulator issues no temporary credentials, so any token is unknown to it.
            await AuthErrorAsync(context, "AuthFailure.TokenFailure");
            return false;
        }
        return true;
    }

    private string? SignatureProblem(HttpContext context, Tc3Authorization auth, long timestamp, byte[] body, Func<string, string?> header)
    {
        if (auth.Service != "ocr")
        {
            return $"签名的服务名必须是 ocr，收到 `{auth.Service}`。";
        }
        if (auth.Date != Tc3Signature.DateOf(timestamp))
        {
            return "Credential 中的日期必须是 X-TC-Timestamp 的 UTC 日期。";
        }
        // §3: the signed set must contain at least content-type and host, and only headers that were sent.
        if (!auth.SignedHeaders.Contains("content-type") || !auth.SignedHeaders.Contains("host")
            || auth.SignedHeaders.Any(h => h != h.ToLowerInvariant() || header(h) is null)
            || !auth.SignedHeaders.SequenceEqual(auth.SignedHeaders.Order(StringComparer.Ordinal)))
        {
            return "SignedHeaders 必须按字典序列出已发送的小写头部名，并至少包含 content-type 和 host。";
        }
        var canonical = Tc3Signature.CanonicalRequest(context.Request.Method, "/", "", auth.SignedHeaders, header, body);
        var expected = Tc3Signature.Signature(State.Options.TencentSecretKey, auth.Date, auth.Service,
            Tc3Signature.StringToSign(timestamp, auth.Service, canonical));
        return Tc3Signature.SignatureMatches(expected, auth.Signature) ? null : "The provided credentials could not be validated. Please check your signature is correct.";
    }
}
