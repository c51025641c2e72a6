namespace BankcardOcr.Providers.Huawei
{
    /// <summary>
    /// Which of the two working header conventions of docs/huaweicloud.md §5.2 the signer follows. The server
    /// recomputes the signature over whatever <c>SignedHeaders</c> lists, so both work; the default is the SDKs'.
    /// </summary>
    public sealed class HuaweiSigningOptions
    {
        /// <summary>The official SDKs' convention: <c>Host</c> added and signed, <c>Content-Type</c> not signed.</summary>
        public static HuaweiSigningOptions Sdk { get; } = new HuaweiSigningOptions(signContentType: false, addHostHeader: true);

        /// <summary>Creates options.</summary>
        /// <param name="signContentType">
        /// Sign <c>Content-Type</c> and headers whose names contain <c>_</c>, as the APIG signing demo does
        /// (docs/huaweicloud.md §5.2, vector 12). The SDKs leave both out.
        /// </param>
        /// <param name="addHostHeader">
        /// Add a <c>Host</c> header from the URI when the caller gave none, and sign it, as every SDK does in real
        /// requests. Only the Go SDK's unit tests (vectors 10 and 11) sign without it.
        /// </param>
        public HuaweiSigningOptions(bool signContentType = false, bool addHostHeader = true)
        {
            SignContentType = signContentType;
            AddHostHeader = addHostHeader;
        }

        /// <summary>Whether <c>Content-Type</c> and headers with <c>_</c> in their names are signed.</summary>
        public bool SignContentType { get; }

        /// <summary>Whether a <c>Host</c> header is added from the URI when absent.</summary>
        public bool AddHostHeader { get; }
    }
}
