using System.Text.Json;
using System.Text.Json.Nodes;
using BankcardOcr.Emulator.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace BankcardOcr.Emulator.Huawei;

/// <summary><c>POST /v2/{project_id}/ocr/bankcard</c> (docs/huaweicloud.md §3).</summary>
internal sealed partial class HuaweiOcrEndpoint(EmulatorState state, TokenStore tokens) : VendorEndpoint(state)
{
    /// <summary>"base64编码后大小不超过10MB" (docs/huaweicloud.md §3.1); a larger body is ModelArts.4104 (docs/huaweicloud.md §4).</summary>
    internal const int MaxBodyLength = 10 * 1024 * 1024;

    public override EmulatedApi Api => EmulatedApi.HuaweiOcr;

    public override string RateLimitCode => "APIG.0308";

    public override string InternalErrorCode => "ModelArts.4402";

    public override string? ExpiredCredentialCode => "APIG.0307";

    protected override string ContentType => HuaweiErrors.ContentType;

    protected override string TruncatedBody => "{\"result\":{\"bank_name\":\"中国";

    /// <summary>Every answer carries X-Request-Id (docs/huaweicloud.md §3.2).</summary>
    public override void Prepare(HttpContext context) =>
        context.Response.Headers["X-Request-Id"] = Guid.NewGuid().ToString("N");

    public override async Task HandleAsync(HttpContext context)
    {
        // The router only sends /v2/{project_id}/ocr/bankcard here.
        var projectId = context.Request.Path.Value!.Split('/')[2];
        var (body, tooLarge) = await JsonReply.ReadBodyAsync(context, MaxBodyLength);
        if (tooLarge)
        {
            await ErrorAsync(context, "ModelArts.4104");
            return;
        }
        if (!await AuthenticateAsync(context, projectId, body))
        {
            return;
        }
        // docs/huaweicloud.md §3.1: Content-Type is required and is application/json (the SDK adds ;charset=UTF-8).
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var media) || !media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await ErrorAsync(context, "AIS.0101", "The Content-Type must be application/json.");
            return;
        }
        JsonObject? json = null;
        try
        {
            json = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
        }
        if (json is null)
        {
            await ErrorAsync(context, "ModelArts.4105");
            return;
        }
        await RecognizeAsync(context, json);
    }

    /// <summary>X-Auth-Token or AK/SK (docs/huaweicloud.md §1, §5); the token wins when both are sent.</summary>
    private async Task<bool> AuthenticateAsync(HttpContext context, string projectId, byte[] body)
    {
        var tokenHeader = context.Request.Headers["X-Auth-Token"].ToString();
        if (tokenHeader.Length > 0)
        {
            var token = tokens.Find(tokenHeader);
            if (token is null)
            {
                await AuthErrorAsync(context, "APIG.0301", "Incorrect IAM authentication information: decrypt token fail");
                return false;
            }
            // docs/huaweicloud.md §4: APIG.0307 "The token must be updated." for a token expired or from elsewhere.
            if (token.ExpiresAt <= Now)
            {
                await AuthErrorAsync(context, "APIG.0307");
                return false;
            }
            if (token.ProjectId is null)
            {
                await AuthErrorAsync(context, "ModelArts.0212");
                return false;
            }
            if (token.ProjectId != projectId)
            {
                await AuthErrorAsync(context, "APIG.0307", "The token must be updated: it is scoped to another project.");
                return false;
            }
            return true;
        }
        if (context.Request.Headers.Authorization.Count == 0)
        {
            await AuthErrorAsync(context, "APIG.0301", "Incorrect IAM authentication information: x-auth-token not found");
            return false;
        }
        if (AkSkVerifier.Problem(context, body, State) is { } problem)
        {
            await AuthErrorAsync(context, "APIG.0301", "Incorrect IAM authentication information: " + problem);
            return false;
        }
        if (projectId != State.Options.HuaweiProjectId)
        {
            // docs/huaweicloud.md §4: APIG.0101 for a wrong URL, project id or region.
            await ErrorAsync(context, "APIG.0101");
            return false;
        }
        return true;
    }

    protected override Task WriteErrorAsync(HttpContext context, string code, string message, int status) =>
        HuaweiErrors.WriteAsync(context, code, message, status);

    protected override string StockMessage(string code) => HuaweiErrors.StockMessage(code);

    protected override int StatusFor(string code) => HuaweiErrors.StatusFor(code);
}
