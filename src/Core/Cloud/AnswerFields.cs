using System.Text.Json;

namespace BankcardOcr.Cloud
{
    /// <summary>
    /// Reads the text fields of a provider's JSON answer strictly. A missing field or JSON null is an absent
    /// value; any other type where text is documented (<c>{"CardNo": 622588}</c>) makes the whole answer
    /// InvalidResponse, because quietly reading it as empty turned a hostile or broken answer into a success.
    /// </summary>
    internal static class AnswerFields
    {
        /// <summary>The string value of <paramref name="name"/>, empty when missing or null.</summary>
        /// <param name="element">The object holding the field.</param>
        /// <param name="name">The field's documented name.</param>
        /// <param name="provider">The provider's name, for the error.</param>
        /// <param name="requestId">The request id, for the error, when known.</param>
        /// <exception cref="BankcardOcrException">InvalidResponse when the field holds a number, Boolean, object or array.</exception>
        public static string Text(JsonElement element, string name, string provider, string? requestId = null)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
            {
                return string.Empty;
            }

            return value.ValueKind switch
            {
                JsonValueKind.String => value.GetString() ?? string.Empty,
                JsonValueKind.Null => string.Empty,
                _ => throw WrongType(name, value.ValueKind, "a string", provider, requestId),
            };
        }

        /// <summary>The error for a field whose JSON type is not the documented one.</summary>
        public static BankcardOcrException WrongType(string name, JsonValueKind found, string expected, string provider, string? requestId) =>
            new BankcardOcrException(
                BankcardOcrErrorKind.InvalidResponse,
                $"{provider} answered with a '{name}' field that is {Article(found)}, not {expected}; the answer is not used.",
                provider,
                requestId: string.IsNullOrEmpty(requestId) ? null : requestId);

        private static string Article(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Number => "a number",
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.True => "a Boolean",
            JsonValueKind.False => "a Boolean",
            _ => kind.ToString(),
        };
    }
}
