using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace BankcardOcr.Emulator.Hosting;

/// <summary>
/// <c>/_emulator/…</c>: what <see cref="CloudEmulator"/>'s members do in process, for a test that runs the emulator
/// as a child process (so that the test host never loads ASP.NET Core beside the module). JSON in the shapes of
/// <see cref="EmulatedFault"/>, <see cref="EmulatedCard"/> and <see cref="FaultPlan"/>.
/// </summary>
internal sealed class ControlEndpoint(EmulatorState state, FaultSource faults, RequestPipeline pipeline)
{
    public const string Prefix = "/_emulator/";

    /// <summary>The shape both sides use: camel case, enums by name.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public async Task DispatchAsync(HttpContext context, string path)
    {
        var method = context.Request.Method;
        var route = path[Prefix.Length..];
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var bytes = body.ToArray();

        if (HttpMethods.IsPut(method) && route.StartsWith("images/", StringComparison.Ordinal))
        {
            var name = Uri.UnescapeDataString(route["images/".Length..]);
            state.Images.RegisterImage(name, bytes);
            await JsonReply.WriteAsync(context, 200, new JsonObject { ["url"] = $"{state.BaseAddress}images/{Uri.EscapeDataString(name)}" });
        }
        else if (HttpMethods.IsPost(method) && route.StartsWith("faults/", StringComparison.Ordinal) && Enum.TryParse<EmulatedApi>(route["faults/".Length..], out var api))
        {
            faults.Enqueue(api, JsonSerializer.Deserialize<EmulatedFault>(bytes, Json)!);
            context.Response.StatusCode = 204;
        }
        else if (HttpMethods.IsPost(method) && route == "imagefaults")
        {
            var registration = JsonSerializer.Deserialize<ImageFaultRegistration>(bytes, Json)!;
            state.Images.EnqueueFault(registration.Image, registration.Fault, Math.Max(1, registration.Times));
            context.Response.StatusCode = 204;
        }
        else if (HttpMethods.IsPost(method) && route == "cards")
        {
            var registration = JsonSerializer.Deserialize<CardRegistration>(bytes, Json)!;
            state.Images.RegisterCard(registration.Image, registration.Card);
            context.Response.StatusCode = 204;
        }
        else if (HttpMethods.IsPut(method) && route == "settings")
        {
            var settings = JsonSerializer.Deserialize<Settings>(bytes, Json)!;
            pipeline.Latency = settings.Latency;
            pipeline.RateLimitPerSecond = settings.RateLimitPerSecond;
            faults.Plan = settings.RandomFaults;
            context.Response.StatusCode = 204;
        }
        else if (HttpMethods.IsGet(method) && route == "stats")
        {
            await JsonReply.WriteAsync(context, 200, Snapshot(state.Stats));
        }
        else if (HttpMethods.IsPost(method) && route == "stats/reset")
        {
            state.Stats.Reset();
            context.Response.StatusCode = 204;
        }
        else
        {
            context.Response.StatusCode = 404;
        }
    }

    private static JsonObject Snapshot(EmulatorStats stats)
    {
        JsonObject PerApi(Func<EmulatedApi, long> read)
        {
            var node = new JsonObject();
            foreach (var api in Enum.GetValues<EmulatedApi>())
            {
                node[api.ToString()] = read(api);
            }

            return node;
        }

        var byCode = new JsonObject();
        foreach (var (code, count) in stats.ErrorsByCode)
        {
            byCode[code] = count;
        }

        return new JsonObject
        {
            ["requests"] = PerApi(stats.Requests),
            ["successes"] = PerApi(stats.Successes),
            ["errors"] = PerApi(stats.Errors),
            ["errorsByCode"] = byCode,
            ["rateLimited"] = stats.RateLimited,
            ["authFailures"] = stats.AuthFailures,
            ["faultsInjected"] = stats.FaultsInjected,
            ["inFlight"] = stats.InFlight,
            ["maxConcurrent"] = stats.MaxConcurrent,
        };
    }

    /// <summary>Body of <c>POST /_emulator/cards</c>.</summary>
    public sealed record CardRegistration(byte[] Image, EmulatedCard Card);

    /// <summary>Body of <c>POST /_emulator/imagefaults</c>: the next <c>Times</c> requests for these image bytes get <c>Fault</c>.</summary>
    public sealed record ImageFaultRegistration(byte[] Image, EmulatedFault Fault, int Times = 1);

    /// <summary>Body of <c>PUT /_emulator/settings</c>: the adjustable behaviour, all at once.</summary>
    public sealed record Settings(TimeSpan Latency, double? RateLimitPerSecond, FaultPlan? RandomFaults);
}
