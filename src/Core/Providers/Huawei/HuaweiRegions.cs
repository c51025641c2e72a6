using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace BankcardOcr.Providers.Huawei
{
    /// <summary>
    /// The Huawei Cloud regions the module knows, with their OCR and IAM endpoints (docs/huaweicloud.md §2). Other
    /// regions are reached through an endpoint override rather than guessed, because the same OCR path means a
    /// different product in <c>ae-ad-1</c>.
    /// </summary>
    public static class HuaweiRegions
    {
        /// <summary>The region of the docs' examples (CN North-Beijing4), used when none is given.</summary>
        public const string DefaultRegion = "cn-north-4";

        // sdk-net-v3 Services/Ocr/V1/Region/OcrRegion.cs, in that file's order.
        private static readonly string[] Ocr =
        {
            "cn-north-4", "cn-north-1", "cn-south-1", "cn-east-3", "cn-southwest-2",
            "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "la-south-2", "la-north-2", "af-south-1",
        };

        // sdk-net-v3 Core/Resources/iam_endpoints.json.
        private static readonly string[] Iam =
        {
            "cn-north-1", "cn-north-2", "cn-north-4", "cn-north-9", "cn-north-12",
            "cn-east-2", "cn-east-3", "cn-east-4", "cn-east-5", "cn-south-1", "cn-south-2", "cn-southwest-2",
            "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "my-kualalumpur-1",
            "af-south-1", "eu-west-0", "ru-moscow-1", "me-east-1", "ae-ad-1", "tr-west-1", "sa-brazil-1",
            "la-south-2", "la-north-2", "na-mexico-1",
        };

        /// <summary>The regions with bank-card OCR, sorted; for the <c>-Region</c> argument completer.</summary>
        public static IReadOnlyList<string> OcrRegionIds { get; } =
            new ReadOnlyCollection<string>(Ocr.OrderBy(r => r, StringComparer.Ordinal).ToArray());

        /// <summary>The regions with a regional IAM endpoint, sorted.</summary>
        public static IReadOnlyList<string> IamRegionIds { get; } =
            new ReadOnlyCollection<string>(Iam.OrderBy(r => r, StringComparer.Ordinal).ToArray());

        /// <summary>The global IAM endpoint; its tokens work in every region (docs/huaweicloud.md §7.1).</summary>
        public static Uri GlobalIamEndpoint { get; } = new Uri("https://iam.myhuaweicloud.com");

        /// <summary>Whether bank-card OCR is known to be offered in the region.</summary>
        /// <param name="region">A region id such as <c>cn-north-4</c>; compared case-insensitively.</param>
        public static bool IsOcrRegion(string? region) => Find(Ocr, region) != null;

        /// <summary>Looks up the OCR endpoint of a known region.</summary>
        /// <param name="region">A region id such as <c>cn-north-4</c>.</param>
        /// <param name="endpoint"><c>https://ocr.{region}.myhuaweicloud.com</c>, or null when the region is unknown.</param>
        public static bool TryGetOcrEndpoint(string? region, out Uri? endpoint)
        {
            var id = Find(Ocr, region);
            endpoint = id is null ? null : new Uri("https://ocr." + id + ".myhuaweicloud.com");
            return endpoint != null;
        }

        /// <summary>The OCR endpoint of a known region.</summary>
        /// <param name="region">A region id such as <c>cn-north-4</c>.</param>
        /// <exception cref="ArgumentException">The region has no known OCR endpoint; the message lists those that do.</exception>
        public static Uri GetOcrEndpoint(string region)
        {
            if (TryGetOcrEndpoint(region, out var endpoint))
            {
                return endpoint!;
            }

            // docs/huaweicloud.md §2: in ae-ad-1 /v2/{project_id}/ocr/bankcard is "UAE Bank Card OCR", another product.
            var note = string.Equals(region?.Trim(), "ae-ad-1", StringComparison.OrdinalIgnoreCase)
                ? " In ae-ad-1 that path is a different product (UAE Bank Card OCR) with other fields."
                : string.Empty;
            throw new ArgumentException(
                "Huawei Cloud bank-card OCR is not known in region '" + region + "'. Known regions: " +
                string.Join(", ", OcrRegionIds) + "." + note + " Another region can be reached with -Endpoint.",
                nameof(region));
        }

        /// <summary>Looks up the regional IAM endpoint.</summary>
        /// <param name="region">A region id such as <c>cn-north-4</c>.</param>
        /// <param name="endpoint"><c>https://iam.{region}.myhuaweicloud.com</c>, or null when the region is unknown.</param>
        public static bool TryGetIamEndpoint(string? region, out Uri? endpoint)
        {
            var id = Find(Iam, region);
            endpoint = id is null ? null : new Uri("https://iam." + id + ".myhuaweicloud.com");
            return endpoint != null;
        }

        /// <summary>
        /// The regional IAM endpoint, or <see cref="GlobalIamEndpoint"/> for a null or empty region. A regional
        /// endpoint's token works only in that region (docs/huaweicloud.md §7.1).
        /// </summary>
        /// <param name="region">A region id, or null for the global endpoint.</param>
        /// <exception cref="ArgumentException">The region has no known IAM endpoint.</exception>
        public static Uri GetIamEndpoint(string? region)
        {
            if (string.IsNullOrWhiteSpace(region))
            {
                return GlobalIamEndpoint;
            }

            if (TryGetIamEndpoint(region, out var endpoint))
            {
                return endpoint!;
            }

            throw new ArgumentException(
                "No Huawei Cloud IAM endpoint is known for region '" + region + "'. Known regions: " +
                string.Join(", ", IamRegionIds) + ". Use the global endpoint or -IamEndpoint.",
                nameof(region));
        }

        private static string? Find(string[] table, string? region)
        {
            if (region is null)
            {
                return null;
            }

            var trimmed = region.Trim();
            return Array.Find(table, r => string.Equals(r, trimmed, StringComparison.OrdinalIgnoreCase));
        }
    }
}
