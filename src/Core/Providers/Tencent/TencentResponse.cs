using System;
using System.Collections.Generic;
using System.Text.Json;
using BankcardOcr.Cloud.Http;
using BankcardOcr.Cloud;

namespace BankcardOcr.Providers.Tencent
{
    /// <summary>Reads <c>{"Response": {...}}</c> (docs/tencentcloud.md §2.3–2.4): <c>Response.Error</c> first, then the fields.</summary>
    internal static class TencentResponse
    {
        public static BankcardRecognitionResult Parse(ProviderResponse response) => Parse(response, decodeImages: false, out _);

        /// <summary>Reads the answer once; with <paramref name="decodeImages"/>, also the card crops it carries (null where absent).</summary>
        public static BankcardRecognitionResult Parse(ProviderResponse response, bool decodeImages, out (byte[]? BorderCut, byte[]? CardNo) images)
        {
            using var document = ParseJson(response);
            var body = Body(document, response);
            // The request id and the error fields are read leniently: an error must still be reported as itself.
            var requestId = LenientText(body, "RequestId");
            if (body.TryGetProperty("Error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                var code = LenientText(error, "Code");
                if (code.Length == 0)
                {
                    // An Error without a code string is no documented answer (found by bench/Fuzz: it threw ArgumentException).
                    throw response.NotTheEnvelope(TencentProvider.ProviderName, "has a 'Response.Error' without a 'Code'", requestId.Length > 0 ? requestId : null);
                }

                var exception = TencentErrors.ToException(code, LenientText(error, "Message"), response.StatusCode, requestId);
                exception.RetryAfterSeconds = response.RetryAfterSeconds();
                throw exception;
            }

            string Text(JsonElement element, string name) => AnswerFields.Text(element, name, TencentProvider.ProviderName, requestId);

            images = decodeImages ? (Decode(body, "BorderCutImage"), Decode(body, "CardNoImage")) : (null, null);
            var (bankName, bankCode) = CardFields.SplitBank(Text(body, "BankInfo"));
            var cardTypeText = Text(body, "CardType");
            var warnings = new List<long>();
            if (body.TryGetProperty("WarningCode", out var codes) && codes.ValueKind == JsonValueKind.Array)
            {
                foreach (var code in codes.EnumerateArray())
                {
                    if (code.ValueKind == JsonValueKind.Number && code.TryGetInt64(out var value))
                    {
                        warnings.Add(value);
                    }
                }
            }

            return new BankcardRecognitionResult
            {
                CardNumber = CardFields.Digits(Text(body, "CardNo")),
                BankName = bankName,
                BankCode = bankCode,
                CardTypeText = cardTypeText,
                CardType = CardFields.TypeFromText(cardTypeText).ToString(),
                CardName = Text(body, "CardName"),
                ValidThru = CardFields.MonthYearText(Text(body, "ValidDate")),
                Warnings = TencentWarnings.Join(warnings),
                QualityValue = body.TryGetProperty("QualityValue", out var q) && q.ValueKind == JsonValueKind.Number && q.TryGetInt32(out var quality) ? quality : (int?)null,
                CardCategory = Text(body, "CardCategory"),
                RequestId = requestId,
            };
        }

        private static byte[]? Decode(JsonElement body, string name)
        {
            if (!body.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            try
            {
                var bytes = Convert.FromBase64String(value.GetString()!);
                return bytes.Length == 0 ? null : bytes;
            }
            catch (FormatException)
            {
                return null;
            }
        }

        private static JsonDocument ParseJson(ProviderResponse response)
        {
            try
            {
                return AnswerJson.Parse(response.Body);
            }
            catch (JsonException)
            {
                throw response.NotJson(TencentProvider.ProviderName);
            }
        }

        private static JsonElement Body(JsonDocument document, ProviderResponse response)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("Response", out var body) || body.ValueKind != JsonValueKind.Object)
            {
                throw response.NotTheEnvelope(TencentProvider.ProviderName, "has no 'Response' object");
            }

            return body;
        }

        private static string LenientText(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : string.Empty;
    }
}
