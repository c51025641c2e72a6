using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BankcardOcr.Providers.Huawei
{
    /// <summary>
    /// Signs Huawei Cloud API requests with an access key pair (AK/SK) using SDK-HMAC-SHA256, as described in
    /// docs/huaweicloud.md §5 (Huawei's API signing guide, devg-apisign, and the sdk-net-v3
    /// <c>Core/Signer/Signer.cs</c>). The signer is stateless and keeps no copy of the secret key.
    /// </summary>
    public static class HuaweiSigner
    {
        /// <summary>The header that carries the signing time.</summary>
        public const string DateHeader = "X-Sdk-Date";

        /// <summary>The header that, when present, replaces the body hash (§5.1), e.g. <c>UNSIGNED-PAYLOAD</c>.</summary>
        public const string ContentSha256Header = "X-Sdk-Content-Sha256";

        /// <summary>The <c>X-Sdk-Date</c> format: UTC with a literal <c>T</c> and <c>Z</c> (§5.1, §5.2).</summary>
        public const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

        private const string AuthorizationHeader = "Authorization";
        private const string HostHeader = "Host";

        /// <summary>Signs one request.</summary>
        /// <param name="method">The HTTP method; it is upper-cased.</param>
        /// <param name="uri">The absolute request URI, sent as it is (without any trailing slash added for signing).</param>
        /// <param name="headers">
        /// The headers that will be sent, or null. Which of them are signed follows <paramref name="options"/>.
        /// Must not contain <c>X-Sdk-Date</c> or <c>Authorization</c>: the signer adds both.
        /// </param>
        /// <param name="body">The exact body bytes that will be sent; null or empty for no body.</param>
        /// <param name="accessKey">The access key id (AK).</param>
        /// <param name="secretKey">The secret key (SK) as UTF-8 bytes. Read only; the caller owns and clears it.</param>
        /// <param name="time">The signing time; the gateway refuses signatures far from its own clock.</param>
        /// <param name="options">The header convention; null means <see cref="HuaweiSigningOptions.Sdk"/>.</param>
        /// <exception cref="ArgumentException">A required argument is empty, the URI is relative, or a header is given twice or is reserved.</exception>
        public static HuaweiSignature Sign(
            string method,
            Uri uri,
            IReadOnlyDictionary<string, string>? headers,
            byte[]? body,
            string accessKey,
            byte[] secretKey,
            DateTimeOffset time,
            HuaweiSigningOptions? options = null) =>
            Sign(method, uri, headers, new ArraySegment<byte>(body ?? Array.Empty<byte>()), accessKey, secretKey, time, options);

        /// <summary>Signs a request whose body is part of a larger buffer (a request body written in place, sent as it is).</summary>
        /// <param name="method">The HTTP method.</param>
        /// <param name="uri">The absolute request URI.</param>
        /// <param name="headers">The headers that will be sent, or null.</param>
        /// <param name="body">The exact body bytes that will be sent.</param>
        /// <param name="accessKey">The access key id (AK).</param>
        /// <param name="secretKey">The secret key (SK) as UTF-8 bytes. Read only.</param>
        /// <param name="time">The signing time.</param>
        /// <param name="options">The header convention; null means <see cref="HuaweiSigningOptions.Sdk"/>.</param>
        public static HuaweiSignature Sign(
            string method,
            Uri uri,
            IReadOnlyDictionary<string, string>? headers,
            ArraySegment<byte> body,
            string accessKey,
            byte[] secretKey,
            DateTimeOffset time,
            HuaweiSigningOptions? options = null)
        {
            RequireArguments(method, uri, accessKey, secretKey);
            options ??= HuaweiSigningOptions.Sdk;
            var sdkDate = time.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);
            var added = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var signed = HeadersToSign(headers, uri, options, added, out var payloadHashOverride);
            signed.Add("x-sdk-date", sdkDate);

            var canonicalHeaders = new StringBuilder();
            foreach (var header in signed)
            {
                canonicalHeaders.Append(header.Key).Append(':').Append(header.Value).Append('\n');
            }

            var signedHeaders = string.Join(";", signed.Keys);
            var payloadHash = payloadHashOverride ?? HexSha256(body);

            // The canonical headers block ends in '\n', so a blank line separates it from the signed headers.
            var canonicalRequest =
                method.ToUpperInvariant() + "\n" +
                HuaweiCanonicalRequest.CanonicalUri(uri) + "\n" +
                HuaweiCanonicalRequest.CanonicalQueryString(uri) + "\n" +
                canonicalHeaders + "\n" +
                signedHeaders + "\n" +
                payloadHash;

            var stringToSign =
                HuaweiSignature.Algorithm + "\n" +
                sdkDate + "\n" +
                HexSha256(new ArraySegment<byte>(Encoding.UTF8.GetBytes(canonicalRequest)));

            // The SK bytes are the HMAC key as they are, with no derivation (§5.1 step 3).
            string signature;
            using (var hmac = new HMACSHA256(secretKey))
            {
                signature = ToHex(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
            }

            added.Add(DateHeader, sdkDate);
            added.Add(AuthorizationHeader, HuaweiSignature.FormatAuthorization(accessKey, signedHeaders, signature));
            return new HuaweiSignature(accessKey, sdkDate, signedHeaders, signature, canonicalRequest, stringToSign, added);
        }

        private static void RequireArguments(string method, Uri uri, string accessKey, byte[] secretKey)
        {
            if (string.IsNullOrEmpty(method))
            {
                throw new ArgumentException("The HTTP method is required.", nameof(method));
            }

            if (uri is null)
            {
                throw new ArgumentNullException(nameof(uri));
            }

            if (!uri.IsAbsoluteUri)
            {
                throw new ArgumentException("The request URI must be absolute.", nameof(uri));
            }

            if (string.IsNullOrEmpty(accessKey))
            {
                throw new ArgumentException("The access key (AK) is required.", nameof(accessKey));
            }

            if (secretKey is null || secretKey.Length == 0)
            {
                throw new ArgumentException("The secret key (SK) is required.", nameof(secretKey));
            }
        }

        /// <summary>
        /// The headers to sign, lowercased name to trimmed value, sorted ordinally as the canonical headers require
        /// (§5.1), with <c>Host</c> added when the convention wants it and the caller gave none (and recorded in
        /// <paramref name="added"/>). A given <c>X-Sdk-Content-Sha256</c> replaces the body's hash.
        /// </summary>
        private static SortedDictionary<string, string> HeadersToSign(
            IReadOnlyDictionary<string, string>? headers, Uri uri, HuaweiSigningOptions options, Dictionary<string, string> added, out string? payloadHashOverride)
        {
            var signed = new SortedDictionary<string, string>(StringComparer.Ordinal);
            payloadHashOverride = null;
            var hasHost = false;
            foreach (var header in headers ?? new Dictionary<string, string>())
            {
                var name = header.Key?.Trim().ToLowerInvariant();
                if (string.IsNullOrEmpty(name))
                {
                    throw new ArgumentException("A header name is empty.", nameof(headers));
                }

                if (name == "x-sdk-date" || name == "authorization")
                {
                    throw new ArgumentException("The signer sets the " + header.Key + " header itself; do not pass it.", nameof(headers));
                }

                var value = (header.Value ?? string.Empty).Trim();
                hasHost |= name == "host";
                if (name == "x-sdk-content-sha256")
                {
                    payloadHashOverride = value;
                }

                if (!IsSigned(name!, options))
                {
                    continue;
                }

                if (signed.ContainsKey(name!))
                {
                    throw new ArgumentException("The header " + header.Key + " is given more than once.", nameof(headers));
                }

                signed.Add(name!, value);
            }

            if (!hasHost && options.AddHostHeader)
            {
                var host = HostValue(uri);
                signed.Add("host", host);
                added.Add(HostHeader, host);
            }

            return signed;
        }

        /// <summary>
        /// The SDKs sign every header except <c>Content-Type</c> and names containing <c>_</c> (sdk-net-v3
        /// <c>Signer.cs</c>, §5.2); proxies often drop underscore headers, which would break the signature.
        /// </summary>
        private static bool IsSigned(string lowercaseName, HuaweiSigningOptions options) =>
            options.SignContentType || (lowercaseName != "content-type" && lowercaseName.IndexOf('_') < 0);

        /// <summary>
        /// What HttpClient sends as <c>Host</c>: the IDN-safe host (IPv6 in brackets, which <c>IdnHost</c> drops),
        /// with the port when it is not the scheme's default.
        /// </summary>
        private static string HostValue(Uri uri)
        {
            var host = uri.HostNameType == UriHostNameType.IPv6 ? "[" + uri.IdnHost + "]" : uri.IdnHost;
            return uri.IsDefaultPort ? host : host + ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
        }

        private static string HexSha256(ArraySegment<byte> data)
        {
            using (var sha = SHA256.Create())
            {
                return ToHex(sha.ComputeHash(data.Array ?? Array.Empty<byte>(), data.Offset, data.Count));
            }
        }

        private static string ToHex(byte[] bytes)
        {
            const string HexDigits = "0123456789abcdef";
            var chars = new char[bytes.Length * 2];
            for (var i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = HexDigits[bytes[i] >> 4];
                chars[(2 * i) + 1] = HexDigits[bytes[i] & 0xF];
            }

            return new string(chars);
        }
    }
}
