using System;

namespace BankcardOcr.Providers.Tencent
{
    /// <summary>
    /// What a TC3-HMAC-SHA256 signature covers (docs/tencentcloud.md §3): one API 3.0 call, its exact body bytes and
    /// time. The defaults describe a <c>BankCardOCR</c>-style POST to <c>ocr.tencentcloudapi.com</c>.
    /// </summary>
    public sealed class Tc3SigningRequest
    {
        /// <summary>The content type the vectors and the current doc sign for a JSON body (docs/tencentcloud.md §4).</summary>
        public const string DefaultContentType = "application/json; charset=utf-8";

        /// <summary>The signing service of the OCR product.</summary>
        public const string DefaultService = "ocr";

        /// <summary>The OCR API version that has <c>BankCardOCR</c>.</summary>
        public const string DefaultVersion = "2018-11-19";

        /// <summary>Describes one call to sign.</summary>
        /// <param name="action">The API action, e.g. <c>BankCardOCR</c>.</param>
        /// <param name="payload">The exact body bytes that will be sent; empty for GET.</param>
        /// <param name="timestamp">The signing time; the service refuses it when more than 5 minutes from its clock.</param>
        public Tc3SigningRequest(string action, byte[] payload, DateTimeOffset timestamp)
            : this(action, new ArraySegment<byte>(payload ?? throw new ArgumentNullException(nameof(payload))), timestamp)
        {
        }

        /// <summary>Describes one call whose body is part of a larger buffer, so it is hashed where it lies, not copied.</summary>
        /// <param name="action">The API action, e.g. <c>BankCardOCR</c>.</param>
        /// <param name="payload">The exact body bytes that will be sent.</param>
        /// <param name="timestamp">The signing time; the service refuses it when more than 5 minutes from its clock.</param>
        public Tc3SigningRequest(string action, ArraySegment<byte> payload, DateTimeOffset timestamp)
        {
            Action = action ?? throw new ArgumentNullException(nameof(action));
            if (payload.Array is null)
            {
                throw new ArgumentNullException(nameof(payload));
            }

            PayloadSegment = payload;
            Timestamp = timestamp;
        }

        /// <summary>The API action (<c>X-TC-Action</c>).</summary>
        public string Action { get; }

        /// <summary>The exact body bytes: hashing anything else, e.g. re-serialised JSON, breaks the signature.</summary>
        /// <remarks>A copy when the request was made from part of a larger buffer; the signer reads <see cref="PayloadSegment"/>.</remarks>
        public byte[] Payload
        {
            get
            {
                var segment = PayloadSegment;
                if (segment.Offset == 0 && segment.Count == segment.Array!.Length)
                {
                    return segment.Array;
                }

                var copy = new byte[segment.Count];
                Buffer.BlockCopy(segment.Array!, segment.Offset, copy, 0, segment.Count);
                return copy;
            }
        }

        /// <summary>The exact body bytes, where they lie.</summary>
        public ArraySegment<byte> PayloadSegment { get; }

        /// <summary>The signing time (<c>X-TC-Timestamp</c>, whole seconds); the credential date is its UTC date.</summary>
        public DateTimeOffset Timestamp { get; }

        /// <summary>The signing service in the credential scope, <c>ocr</c> by default.</summary>
        public string Service { get; set; } = DefaultService;

        /// <summary>The host; null or empty means <c>{Service}.tencentcloudapi.com</c>.</summary>
        public string? HostName { get; set; }

        /// <summary>The API version (<c>X-TC-Version</c>), <c>2018-11-19</c> by default.</summary>
        public string Version { get; set; } = DefaultVersion;

        /// <summary>The region (<c>X-TC-Region</c>); null or empty sends none, which BankCardOCR allows (docs/tencentcloud.md §2.1).</summary>
        public string? Region { get; set; }

        /// <summary>
        /// The <c>Content-Type</c> to sign and send. The value sent must be byte-for-byte this one: .NET's
        /// <c>StringContent</c> appends its own charset, so send the body as <c>ByteArrayContent</c> and set this
        /// value exactly (docs/tencentcloud.md §3, the .NET SDK's <c>RequestV3</c>).
        /// </summary>
        public string ContentType { get; set; } = DefaultContentType;

        /// <summary><c>POST</c> (default) or <c>GET</c>.</summary>
        public string HttpMethod { get; set; } = "POST";

        /// <summary>For GET, the query already in canonical form (RFC 3986 encoding, uppercase hex), without <c>?</c>; empty for POST.</summary>
        public string CanonicalQueryString { get; set; } = string.Empty;

        /// <summary>
        /// Also sign <c>x-tc-action</c>, as the current Chinese doc's example does (vector A); off by default, like
        /// the .NET SDK, which signs only <c>content-type;host</c>.
        /// </summary>
        public bool SignActionHeader { get; set; }
    }
}
