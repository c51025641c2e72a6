using System.Net;
using BankcardOcr.Cards;
using BankcardOcr.Providers.Local;
using BankcardOcr.Cloud.Http;
using BankcardOcr.Imaging;
using BankcardOcr.Providers;
using BankcardOcr.Providers.Huawei;
using BankcardOcr.Providers.Tencent;
using BankcardOcr.Providers.TencentLegacy;
using BankcardOcr.Calls;

namespace BankcardOcr.Fuzz;

/// <summary>
/// What is fuzzed: each provider's answer parser followed by the shared result validation (exactly the path an
/// answer takes in a batch), Huawei IAM's token reader, and the image preflight. Each target turns one input
/// into an outcome name: <c>Success</c> or a documented error id. Anything else escapes as an exception,
/// which <see cref="FuzzRun"/> records as a failure.
/// </summary>
public sealed class FuzzTarget
{
    private FuzzTarget(string name, Func<Random, byte[]> make, Func<Random, byte[], string> run)
    {
        Name = name;
        Make = make;
        Run = run;
    }

    /// <summary>The target's name in reports.</summary>
    public string Name { get; }

    /// <summary>Makes one input.</summary>
    public Func<Random, byte[]> Make { get; }

    /// <summary>Runs one input, returning the outcome name.</summary>
    public Func<Random, byte[], string> Run { get; }

    private static readonly int[] Statuses = [200, 200, 200, 200, 400, 401, 403, 404, 429, 500, 502, 503];

    private const string TencentSuccess = """
        {"Response":{"CardNo":"6225768888888888","BankInfo":"招商银行(03080000)","ValidDate":"08/2028","CardType":"借记卡","CardName":"一卡通(银联卡)",
        "BorderCutImage":null,"CardNoImage":null,"WarningCode":[-9114,-9112],"QualityValue":80,"CardCategory":"标准实体银行卡","RequestId":"3c140219-cfe9-470e-b241-907877d6fb03"}}
        """;

    private const string TencentError = """
        {"Response":{"Error":{"Code":"FailedOperation.NoBankCardError","Message":"未检测到银行卡"},"RequestId":"3c140219-cfe9-470e-b241-907877d6fb03"}}
        """;

    private const string LegacySuccess = """
        {"code":0,"message":"OK","data":{"session_id":"10000011579925413","items":[
        {"item":"卡号","itemcoord":{"x":28,"y":101,"width":244,"height":22},"itemconf":0.95,"itemstring":"6225768888888888"},
        {"item":"卡类型","itemcoord":{"x":10,"y":10,"width":10,"height":10},"itemconf":0.95,"itemstring":"贷记卡"},
        {"item":"卡名字","itemconf":0.95,"itemstring":"中银万事达信用卡"},
        {"item":"银行信息","itemconf":0.95,"itemstring":"中国银行(01040000)"},
        {"item":"有效期","itemconf":0.93,"itemstring":"08/2028"}]}}
        """;

    private const string LegacyError = """{"code":-1101,"message":"未检测到银行卡","data":{"session_id":"","items":[]}}""";

    private const string HuaweiSuccess = """
        {"result":{"card_number":"6225 7688 8888 8888","bank_name":"招商银行","issue_date":"","expiry_date":"08/28","type":"借记卡",
        "confidence":{"card_number":0.99,"bank_name":0.98,"expiry_date":0.9},
        "text_location":{"card_number":[[1,2],[3,4],[5,6],[7,8]]}}}
        """;

    private const string HuaweiError = """{"error_code":"AIS.0103","error_msg":"The image size does not meet the requirements."}""";

    private const string IamToken = """
        {"token":{"expires_at":"2026-12-03T04:00:00.000000Z","issued_at":"2026-12-02T04:00:00.000000Z",
        "project":{"id":"0123456789abcdef0123456789abcdef","name":"cn-north-4"},"user":{"name":"ocr","domain":{"name":"acme"}}}}
        """;

    private const string IamError = """{"error":{"code":401,"message":"The username or password is wrong.","title":"Unauthorized"}}""";

    /// <summary>All targets.</summary>
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        Answer("Tencent", [TencentSuccess, TencentError], response => TencentResponse.Parse(response), TencentProvider.ProviderName),
        Answer("TencentLegacy", [LegacySuccess, LegacyError], TencentLegacyResponse.Parse, TencentLegacyProvider.ProviderName),
        Answer("Huawei", [HuaweiSuccess, HuaweiError], response => HuaweiResponse.Parse(response, usedToken: response.StatusCode != 403), "Huawei"),
        new FuzzTarget("Huawei IAM", random => AnswerMutator.Next(random, random.Next(3) == 0 ? IamError : IamToken), (random, body) =>
        {
            var response = Response(random, body, header: ("X-Subject-Token", random.Next(8) == 0 ? string.Empty : "MIIF-token"));
            var token = HuaweiIamClient.ReadToken(response, new Uri("https://iam.cn-north-4.myhuaweicloud.com"), "cn-north-4", "ocr", "acme");
            return token.ProjectId.Length > 0 ? "Success" : throw new InvalidOperationException("A token without a project id was accepted.");
        }),
        new FuzzTarget("Image preflight", ImageMutator.Next, (random, image) => Preflight(image)),
        new FuzzTarget("Card number text", CardNumberText.Next, (random, text) => CheckCardNumberText(CardNumberText.Read(text))),
    ];

    /// <summary>
    /// Test-BankcardNumber's reading of <paramref name="text"/>: a card number's text (12-19 digits of any script and
    /// separators) must give exactly its digits in ASCII, anything else must be refused, and neither the reason nor the
    /// masked forms of the text may show a run of 12 or more digits.
    /// </summary>
    private static string CheckCardNumberText(string text)
    {
        var expected = CardNumberText.ExpectedDigits(text);
        var wellFormed = expected != null && expected.Length >= 12 && expected.Length <= 19;
        var accepted = CardNumberInspector.TryInspect(text, out var info, out var problem);
        if (accepted != wellFormed)
        {
            throw new InvalidOperationException(accepted ? "Text that is not a card number's was accepted." : "A card number's text was refused: " + CardNumberMask.MaskInText(problem));
        }

        if (accepted && info.CardNumber != expected)
        {
            throw new InvalidOperationException("The text was read as other digits than it holds.");
        }

        foreach (var (what, shown) in new[] { ("the reason", problem), ("MaskInput", CardNumberMask.MaskInput(text)), ("MaskInText", CardNumberMask.MaskInText(text)), ("the result", info.ToString()) })
        {
            var run = CardNumberText.LongestDigitRun(shown);
            if (run > CardNumberText.LongestAllowedRun)
            {
                throw new InvalidOperationException($"{what} shows a run of {run} digits.");
            }
        }

        return accepted ? "Success" : "InvalidCardNumber";
    }

    private static FuzzTarget Answer(string name, string[] templates, Func<ProviderResponse, BankcardRecognitionResult> parse, string provider) =>
        new FuzzTarget(name, random => AnswerMutator.Next(random, templates[random.Next(templates.Length)]), (random, body) =>
        {
            var result = parse(Response(random, body));
            ResultValidation.Validate(result, provider, new RecognitionLog(name));
            if (!ResultValidation.IsCardNumberShape(result.CardNumber))
            {
                throw new InvalidOperationException("A result without a card number's shape passed validation.");
            }

            return "Success";
        });

    private static ProviderResponse Response(Random random, byte[] body, (string Name, string Value)? header = null)
    {
        var status = Statuses[random.Next(Statuses.Length)];
        using var message = new HttpResponseMessage((HttpStatusCode)status);
        if (header is (string headerName, string value) && value.Length > 0)
        {
            message.Headers.TryAddWithoutValidation(headerName, value);
        }

        if (random.Next(4) == 0)
        {
            message.Headers.TryAddWithoutValidation("Retry-After", random.Next(3) == 0 ? "soon" : random.Next(100000).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return new ProviderResponse(status, message, body);
    }

    /// <summary>The preflight of every cloud provider and the offline one; the outcome of the first that refuses.</summary>
    private static string Preflight(byte[] image)
    {
        var outcome = "Success";
        foreach (var limits in new[] { TencentDescriptor.Limits, TencentLegacyDescriptor.Limits, HuaweiDescriptor.Limits, LocalDescriptor.Limits })
        {
            try
            {
                var info = ImagePreflight.Check(image, limits, null);
                if (!(info.Width > 0 && info.Height > 0 && (long)info.Width * info.Height!.Value <= ImagePreflight.MaxPixels))
                {
                    throw new InvalidOperationException($"{limits.Name} passed an image of {info.Width}x{info.Height}.");
                }
            }
            catch (BankcardOcrException e) when (outcome == "Success")
            {
                outcome = e.Kind.ToString();
            }
            catch (BankcardOcrException)
            {
            }
        }

        // The decoder's own check of the data must never throw either.
        _ = ImageIntegrity.IsComplete(image, ImageSniffer.Sniff(image).Format);
        return outcome;
    }
}
