using System.Text;
using System.Text.Json;
using BankcardOcr.Emulator;

namespace BankcardOcr.Module.Tests.Emulator;

public class HuaweiEndpointTests
{
    private static string ImageBody(byte[]? image = null) => JsonSerializer.Serialize(new { image = Convert.ToBase64String(image ?? TestImages.Png()) });

    private static HttpRequestMessage TokenRequest(CloudEmulator emulator, string body) =>
        new(HttpMethod.Post, new Uri(emulator.BaseAddress, "v3/auth/tokens")) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private static HttpRequestMessage WithToken(CloudEmulator emulator, string token, string body, string? projectId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseAddress, $"v2/{projectId ?? emulator.Options.HuaweiProjectId}/ocr/bankcard"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("X-Auth-Token", token);
        return request;
    }

    private static async Task<string> GetTokenAsync(CloudEmulator emulator, string? scope = null)
    {
        var (status, _, response) = await EmulatorHttp.SendAsync(TokenRequest(emulator, TestSigners.IamPasswordBody(emulator.Options, scope: scope)));
        Assert.Equal(201, status);
        return response.Headers.GetValues("X-Subject-Token").Single();
    }

    [Fact]
    public async Task PasswordTokenIsProjectScopedAndHasTheDocumentedBody()
    {
        await using var emulator = await CloudEmulator.StartAsync();
        var (status, body, response) = await EmulatorHttp.SendAsync(TokenRequest(emulator, TestSigners.IamPasswordBody(emulator.Options)));

        Assert.Equal(201, status);
        Assert.StartsWith("MII", response.Headers.GetValues("X-Subject-Token").Single());
        var token = body.GetProperty("token");
        Assert.Equal(emulator.Options.HuaweiProjectId, token.Str("project", "id"));
        Assert.Equal("cn-north-4", token.Str("project", "name"));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", token.Str("expires_at"));
        var lifetime = DateTimeOffset.Parse(token.Str("expires_at")) - DateTimeOffset.Parse(token.Str("issued_at"));
        Assert.Equal(TimeSpan.FromHours(24), lifetime);
        Assert.True(token.TryGetProperty("catalog", out _));
    }

    [Theory]
    [InlineData("wrong-password", 401, "IAM.0062")]
    [InlineData("console-only", 403, "IAM.0081")]
    public async Task IamRefusesWithTheDocumentedCode(string problem, int status, string code)
    {
        await using var emulator = await CloudEmulator.StartAsync();
        emulator.Options.HuaweiProgrammaticAccess = problem != "console-only";
        var password = problem == "wrong-password" ? "guess" : null;
        var (actual, body, _) = await EmulatorHttp.SendAsync(TokenRequest(emulator, TestSigners.IamPasswordBody(emulator.Options, password)));
        Assert.Equal((status, code), (actual, body.Str("error_code")));
    }

    [Fact]
    public async Task ProjectsAreListedForAnAkSkSignedRequest()
    {
        await using var emulator = await CloudEmulator.StartAsync();
        var (status, body, _) = await EmulatorHttp.SendAsync(TestSigners.HuaweiAkSk(emulator, HttpMethod.Get, "/v3/projects?name=cn-north-4", null));
        Assert.Equal(200, status);
        Assert.Equal(emulator.Options.HuaweiProjectId, body.GetProperty("projects").EnumerateArray().Single().Str("id"));
    }

    [Fact]
    public async Task TokenAuthenticatedOcrAnswersTheDocumentedResult()
    {
        await using var emulator = await CloudEmulator.StartAsync();
        var image = TestImages.Tiff(tag: 0);
        emulator.RegisterCard(image, new EmulatedCard { CardNumber = "6222020200112233445", BankName = "中国工商银行", CardType = "贷记卡", ValidFrom = "12/2010", ValidThru = "12/2020" });
        var token = await GetTokenAsync(emulator);

        var (status, body, response) = await EmulatorHttp.SendAsync(WithToken(emulator, token,
            JsonSerializer.Serialize(new { image = Convert.ToBase64String(image), return_text_location = true })));

        Assert.Equal(200, status);
        Assert.True(response.Headers.Contains("X-Request-Id"));
        var result = body.GetProperty("result");
        Assert.Equal("6222 0202 0011 2233 445", result.Str("card_number"));
        Assert.Equal(("12/10", "12/20"), (result.Str("issue_date"), result.Str("expiry_date")));
        Assert.Equal(("中国工商银行", "信用卡"), (result.Str("bank_name"), result.Str("type")));
        Assert.True(result.GetProperty("confidence").GetProperty("card_number").GetDouble() > 0);
        Assert.Equal(4, result.GetProperty("text_location").GetProperty("card_number").GetArrayLength());
    }

    [Fact]
    public async Task AkSkSignedOcrIsAcceptedAndABadSignatureIsApig0301()
    {
        await using var emulator = await CloudEmulator.StartAsync();
        var path = TestSigners.HuaweiOcrPath(emulator);

        var (ok, _, _) = await EmulatorHttp.SendAsync(TestSigners.HuaweiAkSk(emulator, HttpMethod.Post, path, ImageBody()));
        var (bad, body, _) = await EmulatorHttp.SendAsync(TestSigners.HuaweiAkSk(emulator, HttpMethod.Post, path, ImageBody(), secretKey: "wrong"));
        var (stale, staleBody, _) = await EmulatorHttp.SendAsync(TestSigners.HuaweiAkSk(emulator, HttpMethod.Post, path, ImageBody(), at: DateTimeOffset.UtcNow.AddMinutes(-20)));

        Assert.Equal(200, ok);
        Assert.Equal((401, "APIG.0301"), (bad, body.Str("error_code")));
        Assert.Equal((401, "APIG.0301"), (stale, staleBody.Str("error_code")));
        Assert.Equal(2, emulator.Stats.AuthFailures);
    }

    [Fact]
    public async Task ExpiredTokenIsApig0307()
    {
        await using var emulator = await CloudEmulator.StartAsync();
        emulator.Options.TokenLifetime = TimeSpan.FromMilliseconds(300);
        var token = await GetTokenAsync(emulator);
        // The one sleep: the token's lifetime has to pass.
        await Task.Delay(TimeSpan.FromMilliseconds(400));

        var (status, body, _) = await EmulatorHttp.SendAsync(WithToken(emulator, token, ImageBody()));

        Assert.Equal((401, "APIG.0307"), (status, body.Str("error_code")));
    }

    [Fact]
    public async Task TokenWithoutProjectScopeIsModelArts0212()
    {
        await using var emulator = await CloudEmulator.StartAsync();
        var token = await GetTokenAsync(emulator, scope: """{"domain":{"name":"emulator-account"}}""");
        var (_, body, _) = await EmulatorHttp.SendAsync(WithToken(emulator, token, ImageBody()));
        Assert.Equal("ModelArts.0212", body.Str("error_code"));
    }

    [Theory]
    [InlineData("data-uri", "AIS.0102")]
    [InlineData("gif", "AIS.0102")]
    [InlineData("tiny", "AIS.0103")]
    [InlineData("huge", "AIS.0103")]
    [InlineData("image-and-url", "AIS.0101")]
    [InlineData("malformed-json", "ModelArts.4105")]
    [InlineData("foreign-url", "ModelArts.4603")]
    [InlineData("not-a-card", "AIS.0105")]
    public async Task RequestProblemsAnswerTheDocumentedCodeWithStatus400(string problem, string code)
    {
        await using var emulator = await CloudEmulator.StartAsync();
        if (problem == "not-a-card")
        {
            emulator.Options.DefaultCard = null;
        }
        var body = problem switch
        {
            "data-uri" => JsonSerializer.Serialize(new { image = "data:image/png;base64," + Convert.ToBase64String(TestImages.Png()) }),
            "gif" => ImageBody(TestImages.Gif()),
            "tiny" => ImageBody(TestImages.Png(14, 400)),
            "huge" => ImageBody(TestImages.Jpeg(8193, 400)),
            "image-and-url" => JsonSerializer.Serialize(new { image = "AAAA", url = "http://x/y.png" }),
            "malformed-json" => "{\"image\":",
            "foreign-url" => JsonSerializer.Serialize(new { url = "https://example.com/card.png" }),
            _ => ImageBody(),
        };
        var token = await GetTokenAsync(emulator);
        var (status, answer, _) = await EmulatorHttp.SendAsync(WithToken(emulator, token, body));
        Assert.Equal((400, code), (status, answer.Str("error_code")));
    }
}
