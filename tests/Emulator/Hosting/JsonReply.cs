using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace BankcardOcr.Emulator.Hosting;

/// <summary>Writes JSON answers with Chinese text unescaped, as the vendors send it.</summary>
internal static class JsonReply
{
    private static readonly JsonSerializerOptions Serializer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task WriteAsync(HttpContext context, int status, JsonNode body, string contentType = "application/json") =>
        WriteTextAsync(context, status, body.ToJsonString(Serializer), contentType);

    public static async Task WriteTextAsync(HttpContext context, int status, string text, string contentType)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    /// <summary>Reads the whole body, stopping one byte past <paramref name="cap"/> so oversize bodies are not buffered.</summary>
    public static async Task<(byte[] Body, bool TooLarge)> ReadBodyAsync(HttpContext context, int cap)
    {
        if (context.Request.ContentLength is long declared && declared > cap)
        {
            return ([], true);
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > cap)
            {
                return ([], true);
            }
        }
        return (buffer.ToArray(), false);
    }
}
