using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using BankcardOcr.Providers.Huawei;

namespace BankcardOcr
{
    /// <summary>Completes <c>-Region</c> with the regions of the provider already named on the command line (or of both clouds).</summary>
    public sealed class RegionCompleter : IArgumentCompleter
    {
        /// <summary>
        /// Regions that accept Tencent's BankCardOCR. Region is optional for this action today; an older revision
        /// of the API document (876/36216) listed these five (tencent.md §2.1).
        /// </summary>
        internal static readonly string[] TencentRegions = { "ap-beijing", "ap-guangzhou", "ap-hongkong", "ap-seoul", "ap-shanghai" };

        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            // The provider as typed, in any case; a command named after one cloud serves only that cloud.
            var provider = (fakeBoundParameters?["Provider"] as string)?.Trim().ToUpperInvariant();
            IEnumerable<string> regions = provider switch
            {
                "TENCENT" or "TENCENTLEGACY" => TencentRegions,
                "HUAWEI" => HuaweiRegions.OcrRegionIds,
                _ when commandName.IndexOf("Huawei", StringComparison.OrdinalIgnoreCase) >= 0 => HuaweiRegions.IamRegionIds,
                _ when commandName.IndexOf("Tencent", StringComparison.OrdinalIgnoreCase) >= 0 => TencentRegions,
                _ => TencentRegions.Concat(HuaweiRegions.OcrRegionIds),
            };
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return regions
                .Where(r => r.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .OrderBy(r => r, StringComparer.Ordinal)
                .Select(r => new CompletionResult(r, r, CompletionResultType.ParameterValue, r));
        }
    }
}
