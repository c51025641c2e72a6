using System.Globalization;
using System.Text.Json.Nodes;
using BankcardOcr.Emulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace BankcardOcr.Emulator.TencentLegacy;

internal sealed partial class LegacyEndpoint
{
    private async Task RecognizeAsync(HttpContext context, LegacyInput input)
    {
        byte[] image;
        // docs/tencentcloud.md §5.1: "图片 url 和 image 同时赋值时，则以 url 指定的图像作为输入".
        if (input.Url is not null)
        {
            if (input.Url.Length == 0)
            {
                await ErrorAsync(context, "17");
                return;
            }
            if (!State.Images.TryDownload(input.Url, out image))
            {
                // Nothing could be fetched: the engine sees no image.
                await ErrorAsync(context, "-1300");
                return;
            }
        }
        else if (input.ImageUndecodable)
        {
            await ErrorAsync(context, "-1102");
            return;
        }
        else if (input.Image is null)
        {
            await ErrorAsync(context, "18");
            return;
        }
        else
        {
            image = input.Image;
        }
        if (image.Length == 0)
        {
            await ErrorAsync(context, "-1300");
            return;
        }
        if (image.Length > MaxImageLength)
        {
            await ErrorAsync(context, "20");
            return;
        }
        // No GIF (docs/tencentcloud.md §5.1); JPEG, PNG and BMP are what the image service decodes.
        if (ImageInspector.Inspect(image).Format is not (ImageFormat.Jpeg or ImageFormat.Png or ImageFormat.Bmp))
        {
            await ErrorAsync(context, "-1102");
            return;
        }
        if (await ApplyImageFaultAsync(context, image))
        {
            return;
        }
        var card = State.Images.CardFor(image, State.Options);
        if (card is null)
        {
            await ErrorAsync(context, "-9011");
            return;
        }

        var items = new JsonArray();
        void Add(string name, string value, double confidence, int x, int y, int width, int height)
        {
            // Items are matched by name (docs/tencentcloud.md §5.2); a field the card lacks is left out.
            if (value.Length == 0)
            {
                return;
            }
            items.Add(new JsonObject
            {
                ["item"] = name,
                ["itemcoord"] = new JsonObject { ["x"] = x, ["y"] = y, ["width"] = width, ["height"] = height },
                ["itemconf"] = confidence,
                ["itemstring"] = value,
                ["coords"] = new JsonArray(),
                ["words"] = new JsonArray(),
                ["candword"] = new JsonArray(),
            });
        }
        Add("卡号", card.CardNumber, card.CardNumberConfidence, 28, 101, 244, 22);
        Add("卡类型", card.CardType, card.FieldConfidence, 10, 10, 10, 10);
        Add("卡名字", card.CardName, card.FieldConfidence, 10, 30, 10, 10);
        Add("银行信息", string.IsNullOrEmpty(card.BankCode) ? card.BankName : $"{card.BankName}({card.BankCode})", card.FieldConfidence, 10, 50, 10, 10);
        Add("有效期", card.ValidThru, card.FieldConfidence, 117, 137, 55, 14);

        var session = Interlocked.Increment(ref _session).ToString(CultureInfo.InvariantCulture);
        await SuccessAsync(context, 200, new JsonObject
        {
            ["code"] = 0,
            ["message"] = "OK",
            ["data"] = new JsonObject { ["session_id"] = session, ["items"] = items },
        });
    }

    /// <summary>
    /// Errors as <c>{"code":14,"message":"sign no pass"}</c> (docs/tencentcloud.md §7). The vendor's sample shows only
    /// a 200 answer, so errors use 200 as well unless a fault asks for another status.
    /// </summary>
    protected override Task WriteErrorAsync(HttpContext context, string code, string message, int status)
    {
        JsonNode codeNode = int.TryParse(code, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : code;
        return JsonReply.WriteAsync(context, status, new JsonObject { ["code"] = codeNode, ["message"] = message }, ContentType);
    }

    protected override int StatusFor(string code) => 200;

    /// <summary>The vendor's error table (docs/tencentcloud.md §5.3).</summary>
    protected override string StockMessage(string code) => code switch
    {
        "3" => "错误的请求",
        "4" => "签名为空",
        "5" => "签名串错误",
        "6" => "APPID/存储桶/URL 不匹配",
        "7" => "签名编码失败（内部错误）",
        "8" => "签名解码失败（内部错误）",
        "9" => "签名过期",
        "10" => "APPID 不存在",
        "11" => "SecretId 不存在",
        "12" => "APPID 不匹配",
        "13" => "重放攻击",
        "14" => "sign no pass",
        "15" => "操作太频繁，触发频控",
        "16" => "存储桶不存在",
        "17" => "URL 为空",
        "18" => "没有图片或 URL",
        "19" => "图片数过多，单次请求最多支持20个 URL 或文件",
        "20" => "图片过大，单个文件最大支持1MB",
        "21" => "无效的参数",
        "200" => "内部打包失败",
        "201" => "内部解包失败",
        "202" => "内部链接失败",
        "203" => "内部处理超时",
        "-1102" => "SDK_IMAGE_DECODE_FAILED",
        "-1300" => "ERROR_IMAGE_EMPTY",
        "-1301" => "ERROR_PARAMETER_EMPTY",
        "-1304" => "ERROR_PARAMETER_TOO_LONG",
        "-5208" => "OCR_SERVER_INTERN_ERROR",
        "-9010" => "CREDITCARD_OCR_PREPROCESS_ERROR",
        "-9011" => "CREDITCARD_OCR_RECOG_FAILED",
        _ => "error",
    };
}
