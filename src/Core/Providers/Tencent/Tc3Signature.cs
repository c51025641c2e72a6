using System;
using System.Collections.Generic;
using System.Globalization;

namespace BankcardOcr.Providers.Tencent
{
    /// <summary>
    /// A TC3-HMAC-SHA256 signature and the headers to send with it. The Authorization header is a credential
    /// for five minutes: <see cref="ToString"/> never shows it.
    /// </summary>
    public sealed class Tc3Signature
    {
        internal Tc3Signature(
            string authorization,
            IReadOnlyDictionary<string, string> headers,
            string canonicalRequest,
            string stringToSign,
            string signedHeaders,
            string credentialScope,
            string action,
            string hostName,
            DateTimeOffset timestamp)
        {
            Authorization = authorization;
            Headers = headers;
            CanonicalRequest = canonicalRequest;
            StringToSign = stringToSign;
            SignedHeaders = signedHeaders;
            CredentialScope = credentialScope;
            Action = action;
            HostName = hostName;
            Timestamp = timestamp;
        }

        /// <summary>The <c>Authorization</c> header value: <c>TC3-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…</c>.</summary>
        public string Authorization { get; }

        /// <summary>
        /// The headers to send, keys case-insensitive: <c>Authorization</c>, <c>Content-Type</c>, <c>Host</c>,
        /// <c>X-TC-Action</c>, <c>X-TC-Timestamp</c>, <c>X-TC-Version</c>, and <c>X-TC-Region</c> when a region was given.
        /// </summary>
        public IReadOnlyDictionary<string, string> Headers { get; }

        /// <summary>The canonical request that was hashed, for comparing with the service's view when a signature fails.</summary>
        public string CanonicalRequest { get; }

        /// <summary>The string that was signed.</summary>
        public string StringToSign { get; }

        /// <summary>The signed header names, e.g. <c>content-type;host</c>.</summary>
        public string SignedHeaders { get; }

        /// <summary>The credential scope <c>{date}/{service}/tc3_request</c>.</summary>
        public string CredentialScope { get; }

        /// <summary>The API action signed for.</summary>
        public string Action { get; }

        /// <summary>The host signed for.</summary>
        public string HostName { get; }

        /// <summary>The signing time, whole seconds, UTC.</summary>
        public DateTimeOffset Timestamp { get; }

        /// <summary>The object New-TencentOcrSignature emits for this signature.</summary>
        internal TencentCloudSignature ToOutput() =>
            new TencentCloudSignature(Authorization, Headers, CanonicalRequest, StringToSign, Action, HostName, Timestamp);

        /// <summary>Describes the signature without revealing it.</summary>
        public override string ToString() => string.Format(
            CultureInfo.InvariantCulture, "Tc3Signature for {0} on {1} at {2:yyyy-MM-dd HH:mm:ss}Z", Action, HostName, Timestamp.UtcDateTime);
    }
}
