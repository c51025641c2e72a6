using System.Text.Json;
using BankcardOcr.Emulator;

namespace BankcardOcr.Module.Tests.Emulator;

public class TencentEndpointTests
{
    private static string Body(object value) => JsonSerializer.Serialize(value);

    private static string ImageBody(byte[]? image = null) => Body(new { ImageBase64 = Convert.ToBase64String(image ?? TestImages.Png()) });

    [Fact]
    public async Task SignedRequestAnswersTheDocumentedResponse()
    {
        await using var emulator = await CloudEmulator.StartAsync();
        var image = TestImages.Png(tag: "cmb");
        emulator.RegisterCard(image, new EmulatedCard
        {
            CardNumber = "6225768888888888", BankName = "招商银行", BankCode = "03080000", CardType = "贷记卡",
            CardName = "招商银行信用卡", ValidThru = "07/2023", WarningCodes = [-9110, -9114], QualityValue = 77,
        });

        var (status, body, _) = await EmulatorHttp.SendAsync(TestSigners.Tc3(emulator,
            Body(new { ImageBase64 = Convert.ToBase64String(image), EnableQualityValue = true })));

        Assert.Equal(200, status);
        var r = body.GetProperty("Response");
        Assert.False(r.TryGetProperty("Error", out _));
        Assert.Equal("6225768888888888", r.Str("CardNo"));
        Assert.Equal("招商银行(03080000)", r.Str("BankInfo"));
        Assert.Equal("07/2023", r.Str("ValidDate"));
        Assert.Equal(("贷记卡", "招商银行信用卡"), (r.Str("CardType"), r.Str("CardName")));
        // -9114 (reshoot) needs EnableReshootCheck; -9110 is always reported.
        Assert.Equal([-9110L], r.GetProperty("WarningCode").EnumerateArray().Select(w => w.GetInt64()));
        Assert.Equal(77, r.GetProperty("QualityValue").GetInt64());
        Assert.Equal(JsonValueKind.Null, r.GetProperty("BorderCutImage").ValueKind);
        Assert.False(string.IsNullOrEmpty(r.Str("RequestId")));
    }

    [Fact]
    public async Task SigningTheActionHeaderAndUsingImageUrlAlsoWork()
    {
        await using var emulator = await CloudEmulator.StartAsync();
        var url = emulator.RegisterImageUrl("card.jpg", TestImages.Jpeg());
        // §2.2: when both are sent, only ImageUrl is used, so the broken Base64 is ignored.
        var (_, body, _) = await EmulatorHttp.SendAsync(TestSigners.Tc3(emulator,
            Body(new { ImageUrl = url.ToString(), ImageBase64 = "!!" }), contentType: "application/json; charset=utf-8", signAction: true));
        Assert.Equal(emulator.Options.DefaultCard!.CardNumber, body.Str("Response", "CardNo"));
    }

    public static TheoryData<string, string> Failures => new()
    {
        { "wrong-key", "AuthFailure.SignatureFailure" },
        { "stale", "AuthFailure.SignatureExpire" },
        { "content-type-differs", "AuthFailure.SignatureFailure" },
        { "other-action", "InvalidAction" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task AuthenticationProblemsAnswerTheDocumentedCode(string problem, string code)
    {
        await using var emulator = await CloudEmulator.StartAsync();
        var request = problem switch
        {
            "wrong-key" => TestSigners.Tc3(emulator, ImageBody(), secretKey: "not-the-key"),
            "stale" => TestSigners.Tc3(emulator, ImageBody(), timestamp: DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 301),
            // Signed without charset, sent with it: what .NET StringContent does (docs/tencentcloud.md §3).
            "content-type-differs" => TestSigners.Tc3(emulator, ImageBody(), sentContentType: "application/json; charset=utf-8"),
            _ => TestSigners.Tc3(emulator, ImageBody(), action: "IDCardOCR"),
        };
        var (status, body, _) = await EmulatorHttp.SendAsync(request);
        Assert.Equal(200, status);
        Assert.Equal(code, body.Str("Response", "Error", "Code"));
        Assert.False(string.IsNullOrEmpty(body.Str("Response", "RequestId")));
    }

    [Theory]
    [InlineData("gif", "FailedOperation.ImageDecodeFailed")]
    [InlineData("too-large", "LimitExceeded.TooLargeFileError")]
    [InlineData("foreign-url", "FailedOperation.DownLoadError")]
    [InlineData("unknown-field", "UnknownParameter")]
    [InlineData("no-image", "MissingParameter")]
    [InlineData("not-a-card", "FailedOperation.NoBankCardError")]
    public async Task RequestProblemsAnswerTheDocumentedCode(string problem, string code)
    {
        await using var emulator = await CloudEmulator.StartAsync();
        if (problem == "not-a-card")
        {
            emulator.Options.DefaultCard = null;
        }
        var body = problem switch
        {
            "gif" => ImageBody(TestImages.Gif()),
            "too-large" => Body(new { ImageBase64 = new string('A', (10 * 1024 * 1024) + 4) }),
            "foreign-url" => Body(new { ImageUrl = "https://example.com/a.jpg" }),
            "unknown-field" => Body(new { ImageBase64 = Convert.ToBase64String(TestImages.Png()), Region = "ap-guangzhou" }),
            "no-image" => Body(new { RetCardNoImage = true }),
            _ => ImageBody(),
        };
        var (_, answer, _) = await EmulatorHttp.SendAsync(TestSigners.Tc3(emulator, body));
        Assert.Equal(code, answer.Str("Response", "Error", "Code"));
    }
}
