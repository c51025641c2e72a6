using System;

namespace BankcardOcr.Providers.Huawei
{
    /// <summary>Settings for <see cref="HuaweiProvider"/>: an auth method of docs/huaweicloud.md §1, the project, the addresses.</summary>
    public sealed class HuaweiOptions
    {
        /// <summary>The region; picks the OCR and IAM endpoints unless they are overridden.</summary>
        public string Region { get; set; } = HuaweiRegions.DefaultRegion;

        /// <summary>The OCR base address; <c>https://ocr.{region}.myhuaweicloud.com</c> by default.</summary>
        public Uri? Endpoint { get; set; }

        /// <summary>The IAM base address for the AK/SK project lookup; <c>https://iam.{region}.myhuaweicloud.com</c> by default.</summary>
        public Uri? IamEndpoint { get; set; }

        /// <summary>The project id; when null it comes from the token or from the AK/SK lookup (§7.3).</summary>
        public string? ProjectId { get; set; }

        /// <summary>Token auth: where <c>X-Auth-Token</c> values come from. Null for AK/SK. The provider disposes it.</summary>
        public HuaweiTokenSource? TokenSource { get; set; }

        /// <summary>AK/SK auth: the access key id.</summary>
        public string? AccessKey { get; set; }

        /// <summary>AK/SK auth: the secret key as UTF-8; the provider copies it and clears its copy when disposed.</summary>
        public byte[] SecretKey { get; set; } = Array.Empty<byte>();

        /// <summary>Ask for the corner points of each field (<c>return_text_location</c>).</summary>
        public bool ReturnTextLocation { get; set; }

        /// <summary>The clock requests are signed by.</summary>
        public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;
    }
}
