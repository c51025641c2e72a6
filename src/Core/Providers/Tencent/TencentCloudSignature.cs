using System;
using System.Collections;
using System.Globalization;
using System.Collections.Generic;

namespace BankcardOcr
{
    /// <summary>
    /// TC3-HMAC-SHA256 headers for one Tencent Cloud API 3.0 request, as <c>New-TencentOcrSignature -Action</c>
    /// emits them. <see cref="Headers"/> is ready for <c>Invoke-RestMethod -Headers</c>; send the payload bytes exactly
    /// as signed. The default view and <see cref="ToString"/> never show the signature.
    /// </summary>
    public sealed class TencentCloudSignature
    {
        internal TencentCloudSignature(
            string authorization,
            IEnumerable<KeyValuePair<string, string>> headers,
            string canonicalRequest,
            string stringToSign,
            string action,
            string hostName,
            DateTimeOffset timestamp)
        {
            Authorization = authorization;
            var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
            foreach (var header in headers)
            {
                table[header.Key] = header.Value;
            }

            Headers = table;
            CanonicalRequest = canonicalRequest;
            StringToSign = stringToSign;
            Action = action;
            HostName = hostName;
            Timestamp = timestamp;
        }

        /// <summary>The <c>Authorization</c> header value.</summary>
        public string Authorization { get; }

        /// <summary>Every header to send: Authorization, Content-Type, Host, X-TC-Action, X-TC-Timestamp, X-TC-Version and X-TC-Region when given.</summary>
        public Hashtable Headers { get; }

        /// <summary>The canonical request that was hashed, for debugging signature mismatches.</summary>
        public string CanonicalRequest { get; }

        /// <summary>The string that was signed.</summary>
        public string StringToSign { get; }

        /// <summary>The API action, e.g. <c>BankCardOCR</c>.</summary>
        public string Action { get; }

        /// <summary>The host the request must go to.</summary>
        public string HostName { get; }

        /// <summary>The signing time (<c>X-TC-Timestamp</c>); the request must reach Tencent within 5 minutes of it.</summary>
        public DateTimeOffset Timestamp { get; }

        /// <summary>A description without the signature.</summary>
        public override string ToString() =>
            string.Format(CultureInfo.InvariantCulture, "TC3-HMAC-SHA256 headers for {0} at {1}, signed {2:u}", Action, HostName, Timestamp);
    }
}
