using System.Text.Json;
using System.Text.Json.Nodes;
using BankcardOcr.Emulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace BankcardOcr.Emulator.Tencent;

internal sealed partial class TencentEndpoint
{
    private async Task RecognizeAsync(HttpContext context, JsonObject json)
    {
        foreach (var (name, value) in json)
        {
            if (!KnownFields.Contains(name))
            {
                await ErrorAsync(context, "UnknownParameter", $"参数 `{name}` 不可识别。");
                return;
            }
            var expected = name.StartsWith("Image", StringComparison.Ordinal) ? JsonValueKind.String : JsonValueKind.True;
            var kind = value?.GetValueKind() ?? JsonValueKind.Null;
            var ok = kind == JsonValueKind.Null || kind == expected || (expected == JsonValueKind.True && kind == JsonValueKind.False);
            if (!ok)
            {
                await ErrorAsync(context, "InvalidParameter", $"参数 `{name}` 的类型不正确。");
                return;
            }
        }
        bool Flag(string name) => json[name]?.GetValue<bool>() ?? false;
        var url = json["ImageUrl"]?.GetValue<string>();
        var base64 = json["ImageBase64"]?.GetValue<string>();

        byte[] image;
        // docs/tencentcloud.md §2.2: when both are sent only ImageUrl is used.
        if (!string.IsNullOrEmpty(url))
        {
            if (!State.Images.TryDownload(url, out image))
            {
                await ErrorAsync(context, "FailedOperation.DownLoadError");
                return;
            }
            if (((image.Length + 2) / 3 * 4) > MaxBase64Length)
            {
                await ErrorAsync(context, "LimitExceeded.TooLargeFileError");
                return;
            }
        }
        else if (!string.IsNullOrEmpty(base64))
        {
            if (base64.Length > MaxBase64Length)
            {
                await ErrorAsync(context, "LimitExceeded.TooLargeFileError");
                return;
            }
            try
            {
                image = Convert.FromBase64String(base64);
            }
            catch (FormatException)
            {
                await ErrorAsync(context, "FailedOperation.ImageDecodeFailed");
                return;
            }
        }
        else
        {
            await ErrorAsync(context, "MissingParameter", "ImageBase64 和 ImageUrl 必须提供其一。");
            return;
        }

        // PNG, JPG, JPEG, BMP; no GIF (docs/tencentcloud.md §2.2).
        var info = ImageInspector.Inspect(image);
        if (info.Format is not (ImageFormat.Jpeg or ImageFormat.Png or ImageFormat.Bmp))
        {
            await ErrorAsync(context, "FailedOperation.ImageDecodeFailed");
            return;
        }
        if (await ApplyImageFaultAsync(context, image))
        {
            return;
        }
        var card = State.Images.CardFor(image, State.Options);
        if (card is null)
        {
            await ErrorAsync(context, "FailedOperation.NoBankCardError");
            return;
        }

        var warnings = card.WarningCodes.Where(code => code switch
        {
            -9111 => Flag("EnableBorderCheck"),
            -9113 => Flag("EnableCopyCheck"),
            -9114 => Flag("EnableReshootCheck"),
            _ => true,
        }).ToArray();
        var bankInfo = string.IsNullOrEmpty(card.BankCode) ? card.BankName : $"{card.BankName}({card.BankCode})";
        var response = new JsonObject
        {
            ["CardNo"] = card.CardNumber,
            ["BankInfo"] = bankInfo,
            ["ValidDate"] = card.ValidThru,
            ["CardType"] = card.CardType,
            ["CardName"] = card.CardName,
            // The emulator cannot crop; it returns the whole image where a crop was asked for.
            ["BorderCutImage"] = Flag("RetBorderCutImage") ? Convert.ToBase64String(image) : null,
            ["CardNoImage"] = Flag("RetCardNoImage") ? Convert.ToBase64String(image) : null,
            ["WarningCode"] = warnings.Length == 0 ? null : new JsonArray(warnings.Select(w => (JsonNode?)w).ToArray()),
            ["QualityValue"] = Flag("EnableQualityValue") ? card.QualityValue : null,
            ["CardCategory"] = card.CardCategory,
            ["RequestId"] = Guid.NewGuid().ToString(),
        };
        await SuccessAsync(context, 200, new JsonObject { ["Response"] = response });
    }

    /// <summary>docs/tencentcloud.md §2.4: failures come back as HTTP 200 with Response.Error.</summary>
    protected override Task WriteErrorAsync(HttpContext context, string code, string message, int status) =>
        JsonReply.WriteAsync(context, status, new JsonObject
        {
            ["Response"] = new JsonObject
            {
                ["Error"] = new JsonObject { ["Code"] = code, ["Message"] = message },
                ["RequestId"] = Guid.NewGuid().ToString(),
            },
        }, ContentType);

    protected override int StatusFor(string code) => 200;

    protected override string StockMessage(string code) => code switch
    {
        // The documented sample's wording (docs/tencentcloud.md §2.4), with the documented default of 10 per second.
        "RequestLimitExceeded" => "您当前每秒请求 `11` 次，超过了每秒频率上限 `10`，请稍后重试。",
        "AuthFailure.SignatureFailure" => "The provided credentials could not be validated. Please check your signature is correct.",
        "AuthFailure.SignatureExpire" => "签名过期。Timestamp 和服务器时间相差不得超过五分钟，请检查本地时间是否和标准时间同步。",
        "AuthFailure.SecretIdNotFound" => "密钥不存在。请在控制台检查密钥是否已被删除或者禁用，如状态正常，请检查密钥是否填写正确，注意前后不得有空格。",
        "AuthFailure.InvalidAuthorization" => "请求头部的 Authorization 不符合腾讯云标准。",
        "AuthFailure.TokenFailure" => "Token 错误。",
        "FailedOperation.DownLoadError" => "文件下载失败。",
        "FailedOperation.ImageDecodeFailed" => "图片解码失败。",
        "FailedOperation.NoBankCardError" => "非银行卡。",
        "FailedOperation.OcrFailed" => "OCR识别失败。",
        "LimitExceeded.TooLargeFileError" => "文件内容太大。",
        "RequestSizeLimitExceeded" => "请求包超过限制大小。",
        "InternalError" => "内部错误。",
        _ => code,
    };
}
