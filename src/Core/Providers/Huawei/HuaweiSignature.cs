using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace BankcardOcr.Providers.Huawei
{
    /// <summary>
    /// The result of signing one request with SDK-HMAC-SHA256: the headers to add, plus the intermediate strings
    /// for debugging a signature the gateway refuses. <see cref="ToString"/> never shows the signature.
    /// </summary>
    public sealed class HuaweiSignature
    {
        internal HuaweiSignature(
            string accessKey,
            string sdkDate,
            string signedHeaders,
            string signature,
            string canonicalRequest,
            string stringToSign,
            IDictionary<string, string> headers)
        {
            AccessKey = accessKey;
            SdkDate = sdkDate;
            SignedHeaders = signedHeaders;
            Signature = signature;
            CanonicalRequest = canonicalRequest;
            StringToSign = stringToSign;
            Headers = new ReadOnlyDictionary<string, string>(headers);
        }

        /// <summary>The algorithm name that starts the <c>Authorization</c> value.</summary>
        public const string Algorithm = "SDK-HMAC-SHA256";

        /// <summary>The access key id (AK) the request was signed for.</summary>
        public string AccessKey { get; }

        /// <summary>The <c>X-Sdk-Date</c> value, UTC <c>yyyyMMddTHHmmssZ</c>.</summary>
        public string SdkDate { get; }

        /// <summary>The signed header names, lowercase, sorted, joined with <c>;</c>.</summary>
        public string SignedHeaders { get; }

        /// <summary>The lowercase hex HMAC-SHA256 signature. Treat it as a secret: it authorises this request.</summary>
        public string Signature { get; }

        /// <summary>The full <c>Authorization</c> header value. Treat it as a secret.</summary>
        public string Authorization => FormatAuthorization(AccessKey, SignedHeaders, Signature);

        /// <summary>
        /// The canonical request that was hashed. It holds every signed header value verbatim, so it includes an
        /// <c>X-Security-Token</c> when one was signed; show it only where such a token may be shown.
        /// </summary>
        public string CanonicalRequest { get; }

        /// <summary>The string the HMAC was computed over.</summary>
        public string StringToSign { get; }

        /// <summary>
        /// The headers to add to the request, case-insensitive: <c>X-Sdk-Date</c>, <c>Authorization</c>, and
        /// <c>Host</c> when the signer added it. Signed headers must be sent byte-identical (docs/huaweicloud.md §5.2).
        /// </summary>
        public IReadOnlyDictionary<string, string> Headers { get; }

        /// <summary>A space after the algorithm, <c>, </c> between the parts (docs/huaweicloud.md §5.1 step 4).</summary>
        internal static string FormatAuthorization(string accessKey, string signedHeaders, string signature) =>
            Algorithm + " Access=" + accessKey + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;

        /// <summary>The algorithm, access key, date and signed headers; never the signature.</summary>
        public override string ToString() =>
            Algorithm + " Access=" + AccessKey + ", SignedHeaders=" + SignedHeaders + ", X-Sdk-Date=" + SdkDate;
    }
}
