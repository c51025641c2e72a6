using System.Text.Json.Nodes;
using BankcardOcr.Emulator.Huawei;
using BankcardOcr.Emulator.Tencent;
using BankcardOcr.Emulator.TencentLegacy;
using Microsoft.AspNetCore.Http;

namespace BankcardOcr.Emulator.Hosting;

/// <summary>
/// Maps each request to its service. All services share one host, because clients are pointed at the
/// emulator through their endpoint overrides and keep the vendors' paths.
/// </summary>
internal sealed class Router(EmulatorState state, RequestPipeline pipeline)
{
    private readonly TokenStore _tokens = new();
    private LegacyEndpoint? _legacy;
    private TencentEndpoint? _tencent;
    private IamEndpoint? _iam;
    private HuaweiOcrEndpoint? _huawei;

    /// <summary>The control API for tests in another process; set by <see cref="CloudEmulator"/>.</summary>
    public ControlEndpoint? Control { get; set; }

    private LegacyEndpoint Legacy => _legacy ??= new(state);
    private TencentEndpoint Tencent => _tencent ??= new(state);
    private IamEndpoint Iam => _iam ??= new(state, _tokens);
    private HuaweiOcrEndpoint Huawei => _huawei ??= new(state, _tokens);

    public Task DispatchAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var path = context.Request.Path.Value ?? "/";
        var post = HttpMethods.IsPost(method);
        var get = HttpMethods.IsGet(method);

        if (get && path == "/_emulator/health")
        {
            return JsonReply.WriteAsync(context, 200, new JsonObject { ["status"] = "ok" });
        }
        if (path.StartsWith(ControlEndpoint.Prefix, StringComparison.Ordinal) && Control != null)
        {
            return Control.DispatchAsync(context, path);
        }
        if (get && path.StartsWith("/images/", StringComparison.Ordinal))
        {
            return ImageAsync(context, Uri.UnescapeDataString(path["/images/".Length..]));
        }
        if (post && path == "/ocr/bankcard")
        {
            return pipeline.RunAsync(context, Legacy, isOcr: true);
        }
        if (post && path == "/")
        {
            return pipeline.RunAsync(context, Tencent, isOcr: true);
        }
        if ((post && path == "/v3/auth/tokens") || (get && path == "/v3/projects"))
        {
            return pipeline.RunAsync(context, Iam, isOcr: false);
        }
        var segments = path.Split('/');
        if (post && segments is ["", "v2", { Length: > 0 }, "ocr", "bankcard"])
        {
            return pipeline.RunAsync(context, Huawei, isOcr: true);
        }
        // Anything else is an API that does not exist, in API Gateway's words (docs/huaweicloud.md §4).
        return JsonReply.WriteAsync(context, 404, new JsonObject
        {
            ["error_code"] = "APIG.0101",
            ["error_msg"] = "The API does not exist or has not been published in the environment",
        });
    }

    private Task ImageAsync(HttpContext context, string name)
    {
        if (!state.Images.TryGetImage(name, out var image))
        {
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        }
        var type = ImageInspector.Inspect(image).Format switch
        {
            ImageFormat.Jpeg => "image/jpeg",
            ImageFormat.Png => "image/png",
            ImageFormat.Bmp => "image/bmp",
            ImageFormat.Gif => "image/gif",
            ImageFormat.Tiff => "image/tiff",
            _ => "application/octet-stream",
        };
        context.Response.ContentType = type;
        context.Response.ContentLength = image.Length;
        return context.Response.Body.WriteAsync(image, context.RequestAborted).AsTask();
    }
}
