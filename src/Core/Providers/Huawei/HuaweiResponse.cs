using System;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BankcardOcr.Cloud.Http;
using BankcardOcr.Cloud;

namespace BankcardOcr.Providers.Huawei
{
    /// <summary>
    /// Reads RecognizeBankcard answers (docs/huaweicloud.md §3.2): HTTP 2xx with <c>{"result": {...}}</c>, or an error
    /// body (§4, §8) mapped through <see cref="HuaweiErrors"/>.
    /// </summary>
    internal static class HuaweiResponse
    {
        /// <summary>The response header that identifies the call (§3.2).</summary>
        public const string RequestIdHeader = "X-Request-Id";

        /// <summary>Maps the answer, or throws the <see cref="BankcardOcrException"/> it stands for.</summary>
        /// <param name="response">The whole answer.</param>
        /// <param name="usedToken">Whether the call carried <c>X-Auth-Token</c> (decides what a 401 means, §4).</param>
        public static BankcardRecognitionResult Parse(ProviderResponse response, bool usedToken)
        {
            var requestId = response.Header(RequestIdHeader);
            JsonDocument document;
            try
            {
                document = AnswerJson.Parse(response.Body);
            }
            catch (JsonException)
            {
                if (response.StatusCode >= 200 && response.StatusCode < 300)
                {
                    throw response.NotJson(HuaweiProvider.ProviderName, requestId);
                }

                // A gateway's HTML 5xx or a bare 429: the status alone decides (§4).
                throw HuaweiErrors.ToException(null, null, response.StatusCode, requestId, response.RetryAfterSeconds(), usedToken);
            }

            using (document)
            {
                var root = document.RootElement;
                if (response.StatusCode >= 200 && response.StatusCode < 300
                    && root.ValueKind == JsonValueKind.Object
                    && root.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object)
                {
                    var mapped = Map(result, requestId);
                    mapped.RequestId = requestId ?? string.Empty;
                    return mapped;
                }

                var (code, message) = ErrorFields(root);
                throw HuaweiErrors.ToException(code, message, response.StatusCode, requestId, response.RetryAfterSeconds(), usedToken);
            }
        }

        /// <summary>
        /// The error code and message of a Huawei error body, in the three shapes the SDK accepts (§8):
        /// <c>{"error_code","error_msg"}</c>, <c>{"code","message"}</c> nested at any depth, and
        /// <c>encoded_authorization_message</c>.
        /// </summary>
        public static (string? Code, string? Message) ErrorFields(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var code = Text(root, "error_code");
            if (code.Length > 0)
            {
                return (code, Text(root, "error_msg"));
            }

            var nested = FindCodeAndMessage(root, depth: 0);
            if (nested.Code != null)
            {
                return nested;
            }

            var encoded = Text(root, "encoded_authorization_message");
            return encoded.Length > 0 ? (null, "Access denied (encoded authorization message).") : (null, null);
        }

        private static (string? Code, string? Message) FindCodeAndMessage(JsonElement element, int depth)
        {
            // The depth guard keeps a hostile body from recursing without end.
            if (element.ValueKind != JsonValueKind.Object || depth > 8)
            {
                return (null, null);
            }

            var code = Text(element, "code");
            if (code.Length > 0)
            {
                return (code, Text(element, "message"));
            }

            foreach (var property in element.EnumerateObject())
            {
                var found = FindCodeAndMessage(property.Value, depth + 1);
                if (found.Code != null)
                {
                    return found;
                }
            }

            return (null, null);
        }

        private static BankcardRecognitionResult Map(JsonElement result, string? requestId)
        {
            // The mapped fields are read strictly: a number where text is documented refuses the answer.
            string Text(JsonElement element, string name) => AnswerFields.Text(element, name, HuaweiProvider.ProviderName, requestId).Trim();

            var typeText = Text(result, "type");
            var (bankName, bankCode) = CardFields.SplitBank(Text(result, "bank_name"));
            var mapped = new BankcardRecognitionResult
            {
                CardNumber = CardFields.Digits(Text(result, "card_number")),
                BankName = bankName,
                BankCode = bankCode,
                CardTypeText = typeText,
                CardType = CardFields.TypeFromText(typeText).ToString(),
                ValidFrom = CardFields.MonthYearText(Text(result, "issue_date")),
                ValidThru = CardFields.MonthYearText(Text(result, "expiry_date")),
            };

            // §3.2: confidence is a free-form object of floats keyed by field name; parse it as a dictionary.
            if (result.TryGetProperty("confidence", out var confidence) && confidence.ValueKind == JsonValueKind.Object)
            {
                var list = new StringBuilder();
                foreach (var field in confidence.EnumerateObject())
                {
                    if (!TryNumber(field.Value, out var value))
                    {
                        continue;
                    }

                    if (field.NameEquals("card_number"))
                    {
                        mapped.Confidence = value;
                    }

                    CardFields.AppendPair(list, FieldName(field.Name), CardFields.Format(value));
                }

                mapped.FieldConfidences = list.ToString();
            }

            // Only present with return_text_location=true: four corner points per field, origin top-left (§3.2).
            if (result.TryGetProperty("text_location", out var locations) && locations.ValueKind == JsonValueKind.Object)
            {
                var list = new StringBuilder();
                foreach (var field in locations.EnumerateObject())
                {
                    var polygon = Polygon(field.Value);
                    if (polygon.Length > 0)
                    {
                        if (list.Length > 0)
                        {
                            list.Append(';');
                        }

                        list.Append(FieldName(field.Name)).Append(':').Append(polygon);
                    }
                }

                mapped.TextLocations = list.ToString();
            }

            return mapped;
        }

        /// <summary>Huawei's field names as the result's property names, so every provider's lists read alike.</summary>
        private static string FieldName(string name) => name switch
        {
            "card_number" => "CardNumber",
            "bank_name" => "BankName",
            "issue_date" => "ValidFrom",
            "expiry_date" => "ValidThru",
            "type" => "CardType",
            _ => PascalCase(name),
        };

        private static string PascalCase(string snake)
        {
            var builder = new StringBuilder(snake.Length);
            var upper = true;
            foreach (var c in snake)
            {
                if (c == '_')
                {
                    upper = true;
                    continue;
                }

                builder.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }

            return builder.ToString();
        }

        /// <summary><c>[[x,y],[x,y],…]</c> as <c>x,y x,y …</c>; empty when the shape is anything else.</summary>
        private static string Polygon(JsonElement points)
        {
            if (points.ValueKind != JsonValueKind.Array)
            {
                return string.Empty;
            }

            var builder = new StringBuilder();
            foreach (var point in points.EnumerateArray())
            {
                if (point.ValueKind != JsonValueKind.Array || point.GetArrayLength() != 2
                    || !TryNumber(point[0], out var x) || !TryNumber(point[1], out var y))
                {
                    return string.Empty;
                }

                if (builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(x.ToString("0.##", CultureInfo.InvariantCulture)).Append(',').Append(y.ToString("0.##", CultureInfo.InvariantCulture));
            }

            return builder.ToString();
        }

        private static bool TryNumber(JsonElement element, out double value)
        {
            if (element.ValueKind == JsonValueKind.Number)
            {
                return element.TryGetDouble(out value);
            }

            value = 0;
            return element.ValueKind == JsonValueKind.String
                && double.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }

        private static string Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? (value.GetString() ?? string.Empty).Trim() : string.Empty;
    }
}
