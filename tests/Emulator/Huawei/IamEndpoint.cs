using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BankcardOcr.Emulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace BankcardOcr.Emulator.Huawei;

/// <summary>IAM <c>POST /v3/auth/tokens</c> (password method) and <c>GET /v3/projects</c> (docs/huaweicloud.md §7).</summary>
internal sealed class IamEndpoint(EmulatorState state, TokenStore tokens) : VendorEndpoint(state)
{
    public override EmulatedApi Api => EmulatedApi.HuaweiIam;

    public override string RateLimitCode => "IAM.0012";

    public override string InternalErrorCode => "APIG.0201";

    protected override string ContentType => HuaweiErrors.ContentType;

    protected override string TruncatedBody => "{\"token\":{\"expires_at\":\"20";

    public override Task HandleAsync(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/v3/projects") ? ProjectsAsync(context) : TokenAsync(context);

    private async Task TokenAsync(HttpContext context)
    {
        var (body, tooLarge) = await JsonReply.ReadBodyAsync(context, 1024 * 1024);
        JsonNode? auth = null;
        try
        {
            auth = tooLarge ? null : (JsonNode.Parse(body) as JsonObject)?["auth"];
        }
        catch (JsonException)
        {
        }
        var identity = auth?["identity"];
        var user = identity?["password"]?["user"];
        if (auth is not JsonObject || user is not JsonObject)
        {
            await ErrorAsync(context, "IAM.0011");
            return;
        }
        string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var methods = identity?["methods"] as JsonArray;
        if (methods is null || !methods.Any(m => Text(m) == "password"))
        {
            await ErrorAsync(context, "IAM.0007", "Only the password method is supported.");
            return;
        }

        // §7.1: domain.name is the account name; user.name the IAM user (equal for the account itself).
        var options = State.Options;
        var domain = user["domain"];
        var domainMatches = Text(domain?["name"]) is { } dn ? dn == options.HuaweiDomainName : Text(domain?["id"]) == options.HuaweiDomainId;
        if (!domainMatches || Text(user["name"]) != options.HuaweiUserName)
        {
            await AuthErrorAsync(context, "IAM.0001");
            return;
        }
        if (Text(user["password"]) != options.HuaweiPassword)
        {
            await AuthErrorAsync(context, "IAM.0062");
            return;
        }
        if (!options.HuaweiProgrammaticAccess)
        {
            await AuthErrorAsync(context, "IAM.0081");
            return;
        }

        // §7.1: project (by id or name) wins over domain; without a scope the token covers global services only.
        var scope = auth["scope"];
        string? projectId = null, projectName = null;
        var domainScoped = false;
        if (scope?["project"] is JsonObject project)
        {
            var byId = Text(project["id"]);
            var byName = Text(project["name"]);
            if ((byId is not null && byId != options.HuaweiProjectId) || (byId is null && byName != options.HuaweiProjectName))
            {
                await ErrorAsync(context, "IAM.0007", "The project in the scope does not exist.");
                return;
            }
            (projectId, projectName) = (options.HuaweiProjectId, options.HuaweiProjectName);
        }
        else if (scope?["domain"] is JsonObject)
        {
            domainScoped = true;
        }

        var issued = Now;
        var token = new IssuedToken(projectId, projectName, issued, issued + options.TokenLifetime);
        context.Response.Headers["X-Subject-Token"] = tokens.Issue(token, options.TokenLength);
        await SuccessAsync(context, 201, new JsonObject { ["token"] = TokenBody(context, token, domainScoped) });
    }

    private JsonObject TokenBody(HttpContext context, IssuedToken token, bool domainScoped)
    {
        var options = State.Options;
        JsonObject Domain() => new() { ["id"] = options.HuaweiDomainId, ["name"] = options.HuaweiDomainName };
        var body = new JsonObject
        {
            ["methods"] = new JsonArray("password"),
            ["expires_at"] = Timestamp(token.ExpiresAt),
            ["issued_at"] = Timestamp(token.IssuedAt),
            ["user"] = new JsonObject
            {
                ["domain"] = Domain(),
                ["id"] = "u0u0u0u0u0u0u0u0u0u0u0u0u0u0u0u0",
                ["name"] = options.HuaweiUserName,
                ["password_expires_at"] = "",
            },
            ["roles"] = new JsonArray(new JsonObject { ["id"] = "0", ["name"] = "op_gated_ocr" }),
        };
        if (token.ProjectId is not null)
        {
            body["project"] = new JsonObject { ["domain"] = Domain(), ["id"] = token.ProjectId, ["name"] = token.ProjectName };
        }
        if (domainScoped)
        {
            body["domain"] = Domain();
        }
        // ?nocatalog=<anything> omits the service catalog (§7.1).
        if (string.IsNullOrEmpty(context.Request.Query["nocatalog"]))
        {
            body["catalog"] = new JsonArray(new JsonObject
            {
                ["endpoints"] = new JsonArray(new JsonObject
                {
                    ["id"] = "e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0",
                    ["interface"] = "public",
                    ["region"] = options.HuaweiProjectName,
                    ["region_id"] = options.HuaweiProjectName,
                    ["url"] = State.BaseAddress.ToString().TrimEnd('/'),
                }),
                ["id"] = "c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0",
                ["name"] = "ocr",
                ["type"] = "ocr",
            });
        }
        return body;
    }

    /// <summary>ISO-8601 UTC with six fractional digits and "Z" (docs/huaweicloud.md §7.2).</summary>
    private static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>§7.3: the SDK signs <c>GET /v3/projects?name=region</c> with AK/SK and expects one match.</summary>
    private async Task ProjectsAsync(HttpContext context)
    {
        var tokenHeader = context.Request.Headers["X-Auth-Token"].ToString();
        if (tokenHeader.Length > 0)
        {
            var token = tokens.Find(tokenHeader);
            if (token is null)
            {
                await AuthErrorAsync(context, "IAM.0067");
                return;
            }
            if (token.ExpiresAt <= Now)
            {
                await AuthErrorAsync(context, "IAM.0066");
                return;
            }
        }
        else if (AkSkVerifier.Problem(context, [], State) is { } problem)
        {
            await AuthErrorAsync(context, "APIG.0301", "Incorrect IAM authentication information: " + problem);
            return;
        }
        var options = State.Options;
        var name = context.Request.Query["name"].ToString();
        var projects = new JsonArray();
        if (name.Length == 0 || name == options.HuaweiProjectName)
        {
            projects.Add(new JsonObject
            {
                ["id"] = options.HuaweiProjectId,
                ["name"] = options.HuaweiProjectName,
                ["domain_id"] = options.HuaweiDomainId,
                ["parent_id"] = options.HuaweiDomainId,
                ["enabled"] = true,
                ["is_domain"] = false,
                ["description"] = "",
                ["links"] = new JsonObject { ["self"] = new Uri(State.BaseAddress, "v3/projects/" + options.HuaweiProjectId).ToString() },
            });
        }
        await SuccessAsync(context, 200, new JsonObject
        {
            ["projects"] = projects,
            ["links"] = new JsonObject { ["self"] = new Uri(State.BaseAddress, "v3/projects").ToString() },
        });
    }

    protected override Task WriteErrorAsync(HttpContext context, string code, string message, int status) =>
        HuaweiErrors.WriteAsync(context, code, message, status);

    protected override string StockMessage(string code) => HuaweiErrors.StockMessage(code);

    protected override int StatusFor(string code) => HuaweiErrors.StatusFor(code);
}
