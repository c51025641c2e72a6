using System;

namespace BankcardOcr.Providers.Huawei
{
    /// <summary>Huawei Cloud OCR's own Invoke-BankcardRecognition parameters (docs/huaweicloud.md §3 and §7).</summary>
    public sealed class HuaweiParameters : ProviderParameters
    {
        /// <summary>An IAM token from Get-HuaweiIamToken; it stands in for the credential.</summary>
        public HuaweiIamToken? Token { get; set; }

        /// <summary>The project id; by default the secret's, the SDK variable, the token's, or the region's project.</summary>
        public string? ProjectId { get; set; }

        /// <summary>An IAM base address replacing the region's.</summary>
        public Uri? IamEndpoint { get; set; }

        /// <summary>Return the corner points of each field (return_text_location).</summary>
        public bool IncludeTextLocation { get; set; }
    }
}
