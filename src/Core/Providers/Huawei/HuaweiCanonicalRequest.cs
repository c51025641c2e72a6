using System;
using System.Collections.Generic;
using System.Text;

namespace BankcardOcr.Providers.Huawei
{
    /// <summary>
    /// The URI and query-string parts of the SDK-HMAC-SHA256 canonical request (docs/huaweicloud.md §5.1). Both work on
    /// bytes: the URI's escapes are decoded to the bytes the server will see and encoded again the one way the
    /// server does, so an already-escaped path is not escaped twice.
    /// </summary>
    internal static class HuaweiCanonicalRequest
    {
        /// <summary>Each path segment encoded, joined with <c>/</c>, always ending in <c>/</c> (§5.1).</summary>
        public static string CanonicalUri(Uri uri)
        {
            var segments = uri.AbsolutePath.Split('/');
            var builder = new StringBuilder(uri.AbsolutePath.Length + 8);
            for (var i = 0; i < segments.Length; i++)
            {
                if (i > 0)
                {
                    builder.Append('/');
                }

                AppendEncoded(builder, PercentDecode(segments[i]));
            }

            // The trailing slash is added for signing only; the request itself goes out without it.
            if (builder.Length == 0 || builder[builder.Length - 1] != '/')
            {
                builder.Append('/');
            }

            return builder.ToString();
        }

        /// <summary>
        /// Parameters sorted by name and then value (on the decoded bytes, as the SDKs sort before they encode),
        /// each <c>name=value</c> in RFC 3986 encoding, joined with <c>&amp;</c>; empty for no query (§5.1).
        /// </summary>
        public static string CanonicalQueryString(Uri uri)
        {
            var query = uri.Query;
            if (query.Length <= 1)
            {
                return string.Empty;
            }

            var pairs = new List<KeyValuePair<byte[], byte[]>>();
            foreach (var part in query.Substring(1).Split('&'))
            {
                if (part.Length == 0)
                {
                    continue;
                }

                // A parameter without '=' is a name with an empty value; the SDKs write it as "name=".
                var equals = part.IndexOf('=');
                var name = equals < 0 ? part : part.Substring(0, equals);
                var value = equals < 0 ? string.Empty : part.Substring(equals + 1);
                pairs.Add(new KeyValuePair<byte[], byte[]>(PercentDecode(name), PercentDecode(value)));
            }

            pairs.Sort((a, b) =>
            {
                var byName = CompareBytes(a.Key, b.Key);
                return byName != 0 ? byName : CompareBytes(a.Value, b.Value);
            });

            var builder = new StringBuilder(query.Length + 16);
            foreach (var pair in pairs)
            {
                if (builder.Length > 0)
                {
                    builder.Append('&');
                }

                AppendEncoded(builder, pair.Key);
                builder.Append('=');
                AppendEncoded(builder, pair.Value);
            }

            return builder.ToString();
        }

        /// <summary>
        /// Decodes <c>%XY</c> escapes to bytes; every other character is taken as its UTF-8 bytes. A <c>+</c>
        /// stays a plus sign (RFC 3986), it is not a form-encoded space.
        /// </summary>
        internal static byte[] PercentDecode(string text)
        {
            if (text.IndexOf('%') < 0)
            {
                return Encoding.UTF8.GetBytes(text);
            }

            var bytes = new List<byte>(text.Length);
            var start = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '%' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
                {
                    bytes.AddRange(Encoding.UTF8.GetBytes(text.Substring(start, i - start)));
                    bytes.Add((byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2])));
                    i += 2;
                    start = i + 1;
                }
            }

            bytes.AddRange(Encoding.UTF8.GetBytes(text.Substring(start)));
            return bytes.ToArray();
        }

        /// <summary>Appends bytes with <c>A–Z a–z 0–9 - _ . ~</c> kept and everything else as uppercase <c>%XY</c>.</summary>
        internal static void AppendEncoded(StringBuilder builder, byte[] bytes)
        {
            const string HexDigits = "0123456789ABCDEF";
            foreach (var b in bytes)
            {
                if (IsUnreserved(b))
                {
                    builder.Append((char)b);
                }
                else
                {
                    builder.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
                }
            }
        }

        private static bool IsUnreserved(byte b) =>
            (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' || b == '_' || b == '.' || b == '~';

        private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');

        private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

        private static int CompareBytes(byte[] a, byte[] b)
        {
            var length = Math.Min(a.Length, b.Length);
            for (var i = 0; i < length; i++)
            {
                if (a[i] != b[i])
                {
                    return a[i] - b[i];
                }
            }

            return a.Length - b.Length;
        }
    }
}
