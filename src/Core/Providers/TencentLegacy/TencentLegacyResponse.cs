using System.Globalization;
using System.Text;
using System.Text.Json;
using BankcardOcr.Cloud.Http;
using BankcardOcr.Cloud;

namespace BankcardOcr.Providers.TencentLegacy
{
    /// <summary>Reads the legacy envelope <c>{code, message, data{session_id, items[]}}</c> (docs/tencentcloud.md §5.2).</summary>
    internal static class TencentLegacyResponse
    {
        public static BankcardRecognitionResult Parse(ProviderResponse response)
        {
            JsonDocument document;
            try
            {
                document = AnswerJson.Parse(response.Body);
            }
            catch (JsonException)
            {
                throw response.NotJson(TencentLegacyProvider.ProviderName);
            }

            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("code", out var codeElement) || !TryInt(codeElement, out var code))
                {
                    throw response.NotTheEnvelope(TencentLegacyProvider.ProviderName, "has no numeric 'code'");
                }

                var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                var data = root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
                var sessionId = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("session_id", out var s) ? ScalarText(s) : null;

                // The JSON code decides, whatever the HTTP status (docs/tencentcloud.md §5.3).
                if (code != 0)
                {
                    throw TencentLegacyErrors.ToException(code, message, response.StatusCode, sessionId);
                }

                if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
                {
                    throw response.NotTheEnvelope(TencentLegacyProvider.ProviderName, "reports success but has no data.items");
                }

                return MapItems(items, sessionId ?? string.Empty);
            }
        }

        private static BankcardRecognitionResult MapItems(JsonElement items, string sessionId)
        {
            var result = new BankcardRecognitionResult { RequestId = sessionId };
            var confidences = new StringBuilder();
            var locations = new StringBuilder();
            foreach (var item in items.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                // GetString on a number threw InvalidOperationException; both fields are documented as strings.
                var name = AnswerFields.Text(item, "item", TencentLegacyProvider.ProviderName, sessionId);
                var text = AnswerFields.Text(item, "itemstring", TencentLegacyProvider.ProviderName, sessionId);
                double? confidence = item.TryGetProperty("itemconf", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetDouble(out var conf) ? conf : (double?)null;

                // Items are matched by name, never by position (docs/tencentcloud.md §5.2).
                string field;
                switch (name)
                {
                    case "卡号":
                        field = "CardNumber";
                        result.CardNumber = CardFields.Digits(text);
                        result.Confidence = confidence;
                        break;
                    case "卡类型":
                        field = "CardType";
                        result.CardTypeText = text;
                        result.CardType = CardFields.TypeFromText(text).ToString();
                        break;
                    case "卡名字":
                        field = "CardName";
                        result.CardName = text;
                        break;
                    case "银行信息":
                        field = "BankName";
                        (result.BankName, result.BankCode) = CardFields.SplitBank(text);
                        break;
                    case "有效期":
                        field = "ValidThru";
                        result.ValidThru = CardFields.MonthYearText(text);
                        break;
                    default:
                        continue;
                }

                if (confidence is double value)
                {
                    CardFields.AppendPair(confidences, field, CardFields.Format(value));
                }

                if (item.TryGetProperty("itemcoord", out var coord) && coord.ValueKind == JsonValueKind.Object)
                {
                    CardFields.AppendPair(locations, field, string.Join(",", Coordinate(coord, "x"), Coordinate(coord, "y"), Coordinate(coord, "width"), Coordinate(coord, "height")));
                }
            }

            result.FieldConfidences = confidences.ToString();
            result.TextLocations = locations.ToString();
            return result;
        }

        private static string Coordinate(JsonElement coord, string name) =>
            coord.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number)
                ? number.ToString("0.##", CultureInfo.InvariantCulture)
                : "?";

        private static bool TryInt(JsonElement element, out int value)
        {
            value = 0;
            return element.ValueKind == JsonValueKind.Number
                ? element.TryGetInt32(out value)
                : element.ValueKind == JsonValueKind.String && int.TryParse(element.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }

        private static string? ScalarText(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => element.GetRawText(),
            _ => null,
        };
    }
}
