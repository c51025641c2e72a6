using System.Net.Http.Headers;
using System.Text.Json;
using BankcardOcr.Emulator;

namespace BankcardOcr.Module.Tests.Emulator;

public class TencentLegacyEndpointTests
{
    private static readonly EmulatedCard BocCard = new()
    {
        CardNumber = "514958888888888", BankName = "中国银行", BankCode = "01040000",
        CardType = "贷记卡", CardName = "中银万事达信用卡", ValidThru = "08/2008",
    };

    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static string ValidSignature(CloudEmulator e) => TestSigners.LegacySignature(e.Options, Now, Now + 2592000);

    private static string Json(CloudEmulator e, string field, string value, string? appId = null) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["appid"] = appId ?? e.Options.TencentAppId, ["bucket"] = "test", [field] = value });

    [Fact]
    public async Task JsonUrlRequestAnswersTheDocumentedItems()
    {
        await using var emulator = await CloudEmulator.StartAsync();
        var image = TestImages.Png(tag: "boc");
        emulator.RegisterCard(image, BocCard);
        var url = emulator.RegisterImageUrl("boc.png", image);

        var (status, body, _) = await EmulatorHttp.SendAsync(TestSigners.LegacyJson(emulator, Json(emulator, "url", url.ToString()), ValidSignature(emulator)));

        Assert.Equal(200, status);
        Assert.Equal(("0", "OK"), (body.Str("code"), body.Str("message")));
        var items = body.GetProperty("data").GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.Str("item"), i => i.Str("itemstring"));
        Assert.Equal("514958888888888", items["卡号"]);
        Assert.Equal("贷记卡", items["卡类型"]);
        Assert.Equal("中银万事达信用卡", items["卡名字"]);
        Assert.Equal("中国银行(01040000)", items["银行信息"]);
        Assert.Equal("08/2008", items["有效期"]);
        Assert.False(string.IsNullOrEmpty(body.Str("data", "session_id")));
        Assert.Equal(1, emulator.Stats.Successes(EmulatedApi.TencentLegacy));
    }

    [Fact]
    public async Task MultipartImagePartIsRecognised()
    {
        await using var emulator = await CloudEmulator.StartAsync();
        var image = TestImages.Jpeg();
        emulator.RegisterCard(image, BocCard);
        var form = new MultipartFormDataContent("--------------acebdf13572468")
        {
            { new StringContent(emulator.Options.TencentAppId), "appid" },
            { new StringContent("test"), "bucket" },
        };
        var file = new ByteArrayContent(image);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "image", "test.jpg");
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseAddress, "ocr/bankcard")) { Content = form };
        request.Headers.TryAddWithoutValidation("Authorization", ValidSignature(emulator));

        var (_, body, _) = await EmulatorHttp.SendAsync(request);

        Assert.Equal("0", body.Str("code"));
        Assert.Contains(body.GetProperty("data").GetProperty("items").EnumerateArray(), i => i.Str("itemstring") == "514958888888888");
    }

    [Fact]
    public async Task Base64ImageInJsonIsAccepted()
    {
        await using var emulator = await CloudEmulator.StartAsync();
        var (_, body, _) = await EmulatorHttp.SendAsync(TestSigners.LegacyJson(emulator,
            Json(emulator, "image", Convert.ToBase64String(TestImages.Bmp())), ValidSignature(emulator)));
        Assert.Equal("0", body.Str("code"));
    }

    public static TheoryData<string, string> SignatureFailures => new()
    {
        { "wrong-key", "14" },
        { "expired", "9" },
        { "missing", "4" },
        { "garbage", "5" },
        { "other-appid", "10" },
    };

    [Theory]
    [MemberData(nameof(SignatureFailures))]
    public async Task SignatureProblemsAnswerTheDocumentedCode(string problem, string code)
    {
        await using var emulator = await CloudEmulator.StartAsync();
        var o = emulator.Options;
        var signature = problem switch
        {
            "wrong-key" => TestSigners.LegacySignature(o, Now, Now + 600, secretKey: "not-the-key"),
            "expired" => TestSigners.LegacySignature(o, Now - 600, Now - 10),
            "missing" => null,
            "garbage" => "FCHXdPTEwMDAwMzc5Jms9QUtJRGVRZDBrRU1yM2J4ZjhRckJi==",
            _ => TestSigners.LegacySignature(o, Now, Now + 600, appId: "1259999999"),
        };
        var (status, body, _) = await EmulatorHttp.SendAsync(TestSigners.LegacyJson(emulator,
            Json(emulator, "image", Convert.ToBase64String(TestImages.Png())), signature));

        Assert.Equal(200, status);
        Assert.Equal(code, body.Str("code"));
        Assert.Equal(1, emulator.Stats.AuthFailures);
        Assert.Equal(1, emulator.Stats.ErrorCount(code));
    }

    [Fact]
    public async Task BodyAppIdMustMatchTheSignature()
    {
        await using var emulator = await CloudEmulator.StartAsync();
        var (_, body, _) = await EmulatorHttp.SendAsync(TestSigners.LegacyJson(emulator,
            Json(emulator, "image", Convert.ToBase64String(TestImages.Png()), appId: "1259999999"), ValidSignature(emulator)));
        Assert.Equal("12", body.Str("code"));
    }

    [Fact]
    public async Task OneTimeSignatureIsAcceptedOnceThenIsAReplay()
    {
        await using var emulator = await CloudEmulator.StartAsync();
        var signature = TestSigners.LegacySignature(emulator.Options, Now, 0, fileId: "card.png");
        var json = Json(emulator, "image", Convert.ToBase64String(TestImages.Png()));

        var (_, first, _) = await EmulatorHttp.SendAsync(TestSigners.LegacyJson(emulator, json, signature));
        var (_, second, _) = await EmulatorHttp.SendAsync(TestSigners.LegacyJson(emulator, json, signature));

        Assert.Equal("0", first.Str("code"));
        Assert.Equal("13", second.Str("code"));
    }

    [Theory]
    [InlineData("too-large", "20")]
    [InlineData("gif", "-1102")]
    [InlineData("not-base64", "-1102")]
    [InlineData("no-image", "18")]
    [InlineData("foreign-url", "-1300")]
    [InlineData("not-a-card", "-9011")]
    public async Task ImageProblemsAnswerTheDocumentedCode(string problem, string code)
    {
        await using var emulator = await CloudEmulator.StartAsync();
        if (problem == "not-a-card")
        {
            emulator.Options.DefaultCard = null;
        }
        var png = TestImages.Png();
        var json = problem switch
        {
            "too-large" => Json(emulator, "image", Convert.ToBase64String([.. png, .. new byte[1024 * 1024]])),
            "gif" => Json(emulator, "image", Convert.ToBase64String(TestImages.Gif())),
            "not-base64" => Json(emulator, "image", "data:image/png;base64,AAAA"),
            "no-image" => JsonSerializer.Serialize(new { appid = emulator.Options.TencentAppId }),
            "foreign-url" => Json(emulator, "url", "http://example.com/card.jpg"),
            _ => Json(emulator, "image", Convert.ToBase64String(png)),
        };
        var (_, body, _) = await EmulatorHttp.SendAsync(TestSigners.LegacyJson(emulator, json, ValidSignature(emulator)));
        Assert.Equal(code, body.Str("code"));
    }
}
