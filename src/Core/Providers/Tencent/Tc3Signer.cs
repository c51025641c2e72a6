using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BankcardOcr.Cloud;

namespace BankcardOcr.Providers.Tencent
{
    /// <summary>
    /// Signs Tencent Cloud API 3.0 calls with TC3-HMAC-SHA256 (docs/tencentcloud.md §3,
    /// https://cloud.tencent.com/document/api/866/33519). Builds headers only; it sends nothing.
    /// </summary>
    public static class Tc3Signer
    {
        /// <summary>The algorithm name that opens the string to sign and the Authorization header.</summary>
        public const string Algorithm = "TC3-HMAC-SHA256";

        private const string TerminationString = "tc3_request";
        private static readonly byte[] KeyPrefix = Encoding.UTF8.GetBytes("TC3");

        /// <summary>Signs <paramref name="request"/> and returns the headers to send with exactly its payload bytes.</summary>
        /// <param name="request">The call to sign.</param>
        /// <param name="secretId">The SecretId; surrounding whitespace is removed.</param>
        /// <param name="secretKey">The SecretKey as UTF-8 bytes; read, never changed.</param>
        /// <exception cref="ArgumentException">A value is empty, has a line break, or the method is not GET or POST.</exception>
        public static Tc3Signature Sign(Tc3SigningRequest request, string secretId, byte[] secretKey)
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            var id = RequireHeaderValue((secretId ?? throw new ArgumentNullException(nameof(secretId))).Trim(), nameof(secretId));
            var service = RequireHeaderValue(request.Service, nameof(request.Service));
            var action = RequireHeaderValue(request.Action, nameof(request.Action));
            var version = RequireHeaderValue(request.Version, nameof(request.Version));
            var contentType = RequireHeaderValue(request.ContentType, nameof(request.ContentType));
            var hostName = RequireHeaderValue(
                string.IsNullOrEmpty(request.HostName) ? service + ".tencentcloudapi.com" : request.HostName!, nameof(request.HostName));
            var (method, timestamp) = MethodAndTimestamp(request);

            // §3 step 2: the date is the UTC date of the timestamp, not the local one.
            var signedAt = DateTimeOffset.FromUnixTimeSeconds(timestamp);
            var date = signedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

            var (canonicalHeaders, signedHeaders) = CanonicalHeaders(contentType, hostName, request.SignActionHeader ? action : null);
            var canonicalRequest = method + "\n/\n" + (request.CanonicalQueryString ?? string.Empty) + "\n"
                + canonicalHeaders + "\n" + signedHeaders + "\n" + Hex(Sha256(request.PayloadSegment));

            var credentialScope = date + "/" + service + "/" + TerminationString;
            var stringToSign = Algorithm + "\n" + timestamp.ToString(CultureInfo.InvariantCulture) + "\n" + credentialScope + "\n"
                + Hex(Sha256(new ArraySegment<byte>(Encoding.UTF8.GetBytes(canonicalRequest))));

            string signature;
            var signingKey = DeriveSigningKey(secretKey, date, service);
            try
            {
                signature = Hex(HmacSha256(signingKey, stringToSign));
            }
            finally
            {
                Array.Clear(signingKey, 0, signingKey.Length);
            }

            var authorization = Algorithm + " Credential=" + id + "/" + credentialScope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["Authorization"] = authorization,
                ["Content-Type"] = contentType,
                ["Host"] = hostName,
                ["X-TC-Action"] = action,
                ["X-TC-Timestamp"] = timestamp.ToString(CultureInfo.InvariantCulture),
                ["X-TC-Version"] = version,
            };
            if (!string.IsNullOrEmpty(request.Region))
            {
                headers["X-TC-Region"] = RequireHeaderValue(request.Region!, nameof(request.Region));
            }

            return new Tc3Signature(
                authorization,
                new ReadOnlyDictionary<string, string>(headers),
                canonicalRequest,
                stringToSign,
                signedHeaders,
                credentialScope,
                action,
                hostName,
                signedAt);
        }

        /// <summary>The HTTP method (GET or POST, upper case) and the Unix time the request is signed at.</summary>
        private static (string Method, long Timestamp) MethodAndTimestamp(Tc3SigningRequest request)
        {
            var method = (request.HttpMethod ?? string.Empty).ToUpperInvariant();
            if (method != "POST" && method != "GET")
            {
                throw new ArgumentException("TC3 signing supports only GET and POST.", nameof(request));
            }

            var timestamp = request.Timestamp.ToUnixTimeSeconds();
            if (timestamp <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(request), "The timestamp must be after 1970-01-01 UTC.");
            }

            return (method, timestamp);
        }

        /// <summary>
        /// §3 step 1: the signed headers' names and values lowercased and trimmed, sorted by name, each line ending in
        /// \n (so a blank line follows the block in the canonical request); and their names joined with ';'.
        /// <paramref name="action"/> is signed only when given.
        /// </summary>
        private static (string Block, string SignedHeaders) CanonicalHeaders(string contentType, string hostName, string? action)
        {
            var canonical = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["content-type"] = contentType.Trim().ToLowerInvariant(),
                ["host"] = hostName.Trim().ToLowerInvariant(),
            };
            if (action != null)
            {
                canonical["x-tc-action"] = action.Trim().ToLowerInvariant();
            }

            var block = new StringBuilder();
            foreach (var header in canonical)
            {
                block.Append(header.Key).Append(':').Append(header.Value).Append('\n');
            }

            return (block.ToString(), string.Join(";", canonical.Keys));
        }

        /// <summary>
        /// §3 step 3: SecretSigning = HMAC(HMAC(HMAC("TC3" + key, date), service), "tc3_request"), each step keyed
        /// with the raw bytes of the previous one, never their hex. The caller clears the returned key.
        /// </summary>
        internal static byte[] DeriveSigningKey(byte[] secretKey, string date, string service)
        {
            var key = SigningKeyBytes.CopyTrimmed(secretKey, nameof(secretKey), KeyPrefix);
            byte[]? secretDate = null;
            byte[]? secretService = null;
            try
            {
                secretDate = HmacSha256(key, date);
                secretService = HmacSha256(secretDate, service);
                return HmacSha256(secretService, TerminationString);
            }
            finally
            {
                Array.Clear(key, 0, key.Length);
                if (secretDate is not null)
                {
                    Array.Clear(secretDate, 0, secretDate.Length);
                }

                if (secretService is not null)
                {
                    Array.Clear(secretService, 0, secretService.Length);
                }
            }
        }

        private static byte[] HmacSha256(byte[] key, string message)
        {
            using var hmac = new HMACSHA256(key);
            return hmac.ComputeHash(Encoding.UTF8.GetBytes(message));
        }

        private static byte[] Sha256(ArraySegment<byte> data)
        {
            using var sha = SHA256.Create();
            return sha.ComputeHash(data.Array!, data.Offset, data.Count);
        }

        private static string Hex(byte[] bytes)
        {
            // §3: all hex in lowercase.
            var text = new StringBuilder(bytes.Length * 2);
            foreach (var b in bytes)
            {
                text.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }

            return text.ToString();
        }

        private static string RequireHeaderValue(string? value, string name)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException("A value is required for TC3 signing.", name);
            }

            // A line break would forge extra header lines in the canonical request and the HTTP request.
            if (value!.IndexOf('\r') >= 0 || value.IndexOf('\n') >= 0)
            {
                throw new ArgumentException("The value contains a line break.", name);
            }

            return value;
        }
    }
}
