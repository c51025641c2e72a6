using System.Text;
using System.Text.Json;

namespace BankcardOcr.Cloud
{
    /// <summary>
    /// Parses a provider's answer body. JsonDocument checks the structure but not the UTF-8 inside strings, so
    /// an answer with a broken byte in a value parsed fine and then threw InvalidOperationException when the
    /// value was read (found by bench/Fuzz). The bytes are checked first, and broken UTF-8 is reported the way
    /// any other non-JSON body is.
    /// </summary>
    internal static class AnswerJson
    {
        private static readonly UTF8Encoding Strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        /// <summary>The parsed body.</summary>
        /// <exception cref="JsonException">The body is not UTF-8 or not JSON.</exception>
        public static JsonDocument Parse(byte[] body)
        {
            try
            {
                Strict.GetCharCount(body);
            }
            catch (DecoderFallbackException e)
            {
                throw new JsonException("The body is not valid UTF-8.", e);
            }

            return JsonDocument.Parse(body);
        }
    }
}
