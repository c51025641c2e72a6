using System;
using System.Collections.Generic;
using System.Net.Http;

namespace BankcardOcr.Cloud.Http
{
    /// <summary>
    /// The authentication step every signed call shares (recognitions and IAM look-ups alike): the signer's headers
    /// go onto the request the same way for every provider, after the body is final and before it is sent.
    /// </summary>
    public static class RequestAuthentication
    {
        /// <summary>
        /// Puts <paramref name="headers"/> on <paramref name="message"/> byte for byte as they were signed:
        /// <c>TryAddWithoutValidation</c> keeps HttpClient from re-serialising a value; <c>Content-Type</c> goes on the
        /// content; <c>Host</c> is left to the address itself, the same value the signature was made over.
        /// </summary>
        /// <param name="message">The request, with its final content (if any).</param>
        /// <param name="headers">The headers a signer returned.</param>
        public static void Apply(HttpRequestMessage message, IEnumerable<KeyValuePair<string, string>> headers)
        {
            foreach (var header in headers)
            {
                if (string.Equals(header.Key, "Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    message.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
                else if (!string.Equals(header.Key, "Host", StringComparison.OrdinalIgnoreCase))
                {
                    message.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }
        }
    }
}
