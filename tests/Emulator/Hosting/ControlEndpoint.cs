using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace BankcardOcr.Emulator.Hosting;

/// <summary>
/// <c>/_emulator/…</c>: what an out-of-process test (Pester, starting the emulator as a child process) needs
/// that the in-process tests get from <see cref="CloudEmulator"/> directly — the request counters, a reset,
/// and queued faults. Loopback only, like the whole emulator.
/// </summary>
internal sealed class ControlEndpoint(EmulatorState state, FaultSource faults)
{
    /// <summary>Answers a control request; false when <paramref name="path"/> is not one.</summary>
    public bool TryDispatch(HttpContext context, string path, out Task reply)
    {
        var method = context.Request.Method;
        reply = (method, path) switch
        {
            ("GET", "/_emulator/stats") => JsonReply.WriteAsync(context, 200, Stats()),
            ("POST", "/_emulator/reset") => Reset(context),
            ("POST", "/_emulator/faults") => EnqueueFault(context),
            _ => null!,
        };
        return reply != null;
    }

    private JsonObject Stats()
    {
        var stats = state.Stats;
        var requests = new JsonObject();
        foreach (var api in Enum.GetValues<EmulatedApi>())
        {
            requests[api.ToString()] = stats.Requests(api);
        }
        return new JsonObject
        {
            ["requests"] = requests,
            ["total"] = stats.TotalRequests,
            ["authFailures"] = stats.AuthFailures,
            ["maxConcurrent"] = stats.MaxConcurrent,
        };
    }

    private Task Reset(HttpContext context)
    {
        state.Stats.Reset();
        return JsonReply.WriteAsync(context, 200, new JsonObject { ["status"] = "reset" });
    }

    // ?api=Tencent&status=503[&empty=true][&count=2]: a gateway 5xx (empty body when asked) for the next requests.
    private Task EnqueueFault(HttpContext context)
    {
        var query = context.Request.Query;
        if (!Enum.TryParse<EmulatedApi>(query["api"], ignoreCase: true, out var api)
            || !int.TryParse(query["status"], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            return JsonReply.WriteAsync(context, 400, new JsonObject { ["error"] = "need api=<EmulatedApi>&status=<int>" });
        }
        var count = int.TryParse(query["count"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
        var empty = string.Equals(query["empty"], "true", StringComparison.OrdinalIgnoreCase);
        for (var i = 0; i < count; i++)
        {
            faults.Enqueue(api, EmulatedFault.ServerError(status, empty));
        }
        return JsonReply.WriteAsync(context, 200, new JsonObject { ["queued"] = count });
    }
}
