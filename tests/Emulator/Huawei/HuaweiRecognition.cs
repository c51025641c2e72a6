using System.Text.Json;
using System.Text.Json.Nodes;
using BankcardOcr.Emulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace BankcardOcr.Emulator.Huawei;

internal sealed partial class HuaweiOcrEndpoint
{
    private const int MinSide = 15;
    private const int MaxSide = 8192;

    private async Task RecognizeAsync(HttpContext context, JsonObject json)
    {
        var image = json["image"];
        var url = json["url"];
        var textLocation = json["return_text_location"];
        // docs/huaweicloud.md §4, AIS.0101: both image and url, neither, or a misspelt true/false.
        if ((image is null) == (url is null)
            || (image is not null && image.GetValueKind() != JsonValueKind.String)
            || (url is not null && url.GetValueKind() != JsonValueKind.String)
            || (textLocation is not null && textLocation.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)))
        {
            await ErrorAsync(context, "AIS.0101");
            return;
        }

        byte[] bytes;
        if (url is not null)
        {
            if (!State.Images.TryDownload(url.GetValue<string>(), out bytes))
            {
                await ErrorAsync(context, "ModelArts.4603");
                return;
            }
        }
        else
        {
            try
            {
                // A data: URI prefix is not Base64 and so an unsupported format (docs/huaweicloud.md §3.1).
                bytes = Convert.FromBase64String(image!.GetValue<string>());
            }
            catch (FormatException)
            {
                await ErrorAsync(context, "AIS.0102");
                return;
            }
        }

        var info = ImageInspector.Inspect(bytes);
        if (info.Format is not (ImageFormat.Jpeg or ImageFormat.Png or ImageFormat.Bmp or ImageFormat.Tiff) || !info.HasSize)
        {
            await ErrorAsync(context, "AIS.0102");
            return;
        }
        // docs/huaweicloud.md §3.1: "图片最小边不小于15px，最长边不超过8192px".
        if (Math.Min(info.Width, info.Height) < MinSide || Math.Max(info.Width, info.Height) > MaxSide)
        {
            await ErrorAsync(context, "AIS.0103");
            return;
        }
        if (await ApplyImageFaultAsync(context, bytes))
        {
            return;
        }
        var card = State.Images.CardFor(bytes, State.Options);
        if (card is null)
        {
            await ErrorAsync(context, "AIS.0105");
            return;
        }

        var result = new JsonObject
        {
            ["bank_name"] = card.BankName,
            ["card_number"] = State.Options.HuaweiGroupsCardNumber ? Grouped(card.CardNumber) : card.CardNumber,
            ["issue_date"] = ShortDate(card.ValidFrom),
            ["expiry_date"] = ShortDate(card.ValidThru),
            // docs/huaweicloud.md §3.2 names the categories 借记卡/信用卡/准贷记卡/预付费卡: Tencent's 贷记卡 is Huawei's 信用卡.
            ["type"] = card.CardType == "贷记卡" ? "信用卡" : card.CardType,
            ["confidence"] = new JsonObject
            {
                ["bank_name"] = card.FieldConfidence,
                ["card_number"] = card.CardNumberConfidence,
                ["issue_date"] = card.ValidFrom.Length == 0 ? 0 : card.FieldConfidence,
                ["expiry_date"] = card.ValidThru.Length == 0 ? 0 : card.FieldConfidence,
                ["type"] = card.CardType.Length == 0 ? 0 : card.FieldConfidence,
            },
        };
        if (textLocation?.GetValue<bool>() == true)
        {
            result["text_location"] = new JsonObject
            {
                ["bank_name"] = Corners(20, 20, 200, 40),
                ["card_number"] = Corners(30, 200, 600, 240),
                ["issue_date"] = Corners(200, 280, 280, 300),
                ["expiry_date"] = Corners(320, 280, 400, 300),
                ["type"] = Corners(500, 20, 600, 40),
            };
        }
        await SuccessAsync(context, 200, new JsonObject { ["result"] = result });
    }

    /// <summary>The sample prints "XXXX XXXX XXXX XXXX".</summary>
    private static string Grouped(string digits) =>
        string.Join(' ', Enumerable.Range(0, (digits.Length + 3) / 4).Select(i => digits.Substring(i * 4, Math.Min(4, digits.Length - (i * 4)))));

    /// <summary>The sample's dates are MM/yy ("12/20"); cards are registered as MM/yyyy.</summary>
    private static string ShortDate(string monthYear) =>
        monthYear.Length == 7 && monthYear[2] == '/' ? monthYear[..3] + monthYear[5..] : monthYear;

    /// <summary>Four corner points (x, y) clockwise from top-left (docs/huaweicloud.md §3.2).</summary>
    private static JsonArray Corners(int left, int top, int right, int bottom) => new(
        new JsonArray(left, top), new JsonArray(right, top), new JsonArray(right, bottom), new JsonArray(left, bottom));
}
