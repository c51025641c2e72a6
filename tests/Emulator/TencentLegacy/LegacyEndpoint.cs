using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using BankcardOcr.Emulator.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace BankcardOcr.Emulator.TencentLegacy;

/// <summary>
/// Legacy <c>POST /ocr/bankcard</c> (docs/tencentcloud.md §5). The envelope is
/// <c>{"code","message","data"}</c>; every answer is HTTP 200 and the JSON <c>code</c> carries the outcome.
/// </summary>
internal sealed partial class LegacyEndpoint(EmulatorState state) : VendorEndpoint(state)
{
    /// <summary>"每个请求的包体大小限制为6MB" (docs/tencentcloud.md §5.1).</summary>
    private const int MaxBodyLength = 6 * 1024 * 1024;

    /// <summary>"图片过大，单个文件最大支持1MB" (docs/tencentcloud.md §5.3, code 20).</summary>
    internal const int MaxImageLength = 1024 * 1024;

    /// <summary>§6.1: a multi-use signature expires at most three months ahead.</summary>
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(92);

    private readonly ConcurrentDictionary<string, byte> _usedOneTime = new(StringComparer.Ordinal);
    private long _session = 10000011579925413;

    public override EmulatedApi Api => EmulatedApi.TencentLegacy;

    public override string RateLimitCode => "15";

    public override string InternalErrorCode => "-5208";

    /// <summary>Code 9, "签名过期": a multi-use signature past its expiry.</summary>
    public override string? ExpiredCredentialCode => "9";

    protected override string TruncatedBody => "{\"code\":0,\"message\":\"OK\",\"data\":{\"session_id\":\"1000";

    public override async Task HandleAsync(HttpContext context)
    {
        var signature = await CheckSignatureAsync(context);
        if (signature is null)
        {
            return;
        }
        var (body, tooLarge) = await JsonReply.ReadBodyAsync(context, MaxBodyLength);
        if (tooLarge)
        {
            await ErrorAsync(context, "20", "包体大小超过 6MB");
            return;
        }
        var input = await ReadInputAsync(context, body);
        if (input is null)
        {
            return;
        }
        // docs/tencentcloud.md §5.1: appid must match the signature's a; so must a bucket both sides name.
        if (input.AppId != signature.AppId)
        {
            await ErrorAsync(context, "12");
            return;
        }
        if (input.Bucket.Length > 0 && signature.Bucket.Length > 0 && input.Bucket != signature.Bucket)
        {
            await ErrorAsync(context, "6");
            return;
        }
        await RecognizeAsync(context, input);
    }

    private async Task<LegacySignatureFields?> CheckSignatureAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            await AuthErrorAsync(context, "4");
            return null;
        }
        if (!LegacySignature.TryDecode(header, out var digest, out var original) || !LegacySignature.TryParse(original, out var fields))
        {
            await AuthErrorAsync(context, "5");
            return null;
        }
        var options = State.Options;
        if (fields.AppId != options.TencentAppId)
        {
            await AuthErrorAsync(context, "10");
            return null;
        }
        if (fields.SecretId != options.TencentSecretId)
        {
            await AuthErrorAsync(context, "11");
            return null;
        }
        if (!LegacySignature.DigestMatches(digest, original, options.TencentSecretKey))
        {
            await AuthErrorAsync(context, "14");
            return null;
        }
        var now = Now.ToUnixTimeSeconds();
        if (fields.IsOneTime)
        {
            // 单次有效签名: e = 0, bound to a file, and good for one request only (a second use is a replay).
            if (fields.FileId.Length == 0)
            {
                await AuthErrorAsync(context, "5", "单次有效签名必须指定 fileid");
                return null;
            }
            if (!_usedOneTime.TryAdd(header, 0))
            {
                await AuthErrorAsync(context, "13");
                return null;
            }
            return fields;
        }
        if (fields.Expires <= fields.Created || fields.Expires - now > (long)MaxLifetime.TotalSeconds)
        {
            await AuthErrorAsync(context, "5", "签名有效期必须晚于 t 且不超过三个月");
            return null;
        }
        if (fields.Expires < now)
        {
            await AuthErrorAsync(context, "9");
            return null;
        }
        return fields;
    }

    private sealed record LegacyInput(string AppId, string Bucket, string? Url, byte[]? Image, bool ImageUndecodable);

    private async Task<LegacyInput?> ReadInputAsync(HttpContext context, byte[] body)
    {
        MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var media);
        var type = media?.MediaType.ToString().ToLowerInvariant();
        // docs/tencentcloud.md §5.1: application/json (older: text/json) with url or base64 image, or multipart.
        if (type is "application/json" or "text/json")
        {
            JsonObject? json = null;
            try
            {
                json = JsonNode.Parse(body) as JsonObject;
            }
            catch (JsonException)
            {
            }
            if (json is null || json.Any(p => p.Value is not null && p.Value.GetValueKind() != JsonValueKind.String))
            {
                await ErrorAsync(context, "21");
                return null;
            }
            string? Field(string name) => json[name]?.GetValue<string>();
            var (image, bad) = DecodeBase64(Field("image"));
            return new(Field("appid") ?? "", Field("bucket") ?? "", Field("url"), image, bad);
        }
        if (type is "multipart/form-data")
        {
            context.Request.Body = new MemoryStream(body);
            IFormCollection form;
            try
            {
                form = await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException)
            {
                await ErrorAsync(context, "3");
                return null;
            }
            byte[]? image = null;
            var bad = false;
            if (form.Files.GetFile("image") is { } file)
            {
                using var copy = new MemoryStream();
                await file.CopyToAsync(copy, context.RequestAborted);
                image = copy.ToArray();
            }
            else
            {
                (image, bad) = DecodeBase64(form["image"].FirstOrDefault());
            }
            return new(form["appid"].ToString(), form["bucket"].ToString(), form.ContainsKey("url") ? form["url"].ToString() : null, image, bad);
        }
        await ErrorAsync(context, "3", "Content-Type 必须是 application/json 或 multipart/form-data");
        return null;
    }

    private static (byte[]? Image, bool Undecodable) DecodeBase64(string? text)
    {
        if (text is null)
        {
            return (null, false);
        }
        try
        {
            return (Convert.FromBase64String(text), false);
        }
        catch (FormatException)
        {
            return (null, true);
        }
    }
}
