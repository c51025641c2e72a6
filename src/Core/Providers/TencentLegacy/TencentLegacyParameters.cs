namespace BankcardOcr.Providers.TencentLegacy
{
    /// <summary>The legacy API's own Invoke-BankcardRecognition parameters (docs/tencentcloud.md, the legacy bank-card API).</summary>
    public sealed class TencentLegacyParameters : ProviderParameters
    {
        /// <summary>The project's AppId, which the legacy signature includes; the secret's AppId when not given.</summary>
        public string? AppId { get; set; }

        /// <summary>The bucket, when the account's images live in one; the secret's Bucket when not given.</summary>
        public string? Bucket { get; set; }

        /// <summary>Send the image as Base64 in a JSON body instead of multipart form data.</summary>
        public bool UseBase64 { get; set; }
    }
}
