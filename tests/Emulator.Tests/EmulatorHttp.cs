using System.Text.Json;

namespace BankcardOcr.Module.Tests.Emulator;

/// <summary>Sends a request and parses the JSON answer.</summary>
internal static class EmulatorHttp
{
    public static HttpClient Client { get; } = new();

    public static async Task<(int Status, JsonElement Body, HttpResponseMessage Response)> SendAsync(HttpRequestMessage request)
    {
        var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return ((int)response.StatusCode, body, response);
    }

    public static string Str(this JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            element = element.GetProperty(name);
        }
        return element.ValueKind == JsonValueKind.Number ? element.GetRawText() : element.GetString()!;
    }
}
