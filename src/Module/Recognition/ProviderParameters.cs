using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace BankcardOcr.Recognition
{
    /// <summary>
    /// Which Invoke-BankcardRecognition parameters mean something to which provider. A parameter of another
    /// provider is refused rather than ignored: a user who asked for -DetectCopy with Huawei would otherwise
    /// believe photocopies were checked.
    /// </summary>
    internal static class ProviderParameters
    {
        private static readonly string[] TencentOnly = { ProviderFactory.Tencent };
        private static readonly string[] LegacyOnly = { ProviderFactory.TencentLegacy };
        private static readonly string[] HuaweiOnly = { ProviderFactory.Huawei };

        private static readonly Dictionary<string, string[]> Owners = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["ReturnCardImage"] = TencentOnly,
            ["ReturnCardNumberImage"] = TencentOnly,
            ["DetectCopy"] = TencentOnly,
            ["DetectReshoot"] = TencentOnly,
            ["DetectIncompleteBorder"] = TencentOnly,
            ["IncludeQualityValue"] = TencentOnly,
            ["ImageFolder"] = TencentOnly,
            ["AppId"] = LegacyOnly,
            ["Bucket"] = LegacyOnly,
            ["UseBase64"] = LegacyOnly,
            ["Token"] = HuaweiOnly,
            ["ProjectId"] = HuaweiOnly,
            ["IamEndpoint"] = HuaweiOnly,
            ["IncludeTextLocation"] = HuaweiOnly,
        };

        /// <summary>The canonical spelling of a provider name typed in any case, or null for null.</summary>
        /// <exception cref="ArgumentException">The name is no provider (ValidateSet normally stops that first).</exception>
        public static string? Canonical(string? provider)
        {
            if (provider is null)
            {
                return null;
            }

            var names = new[] { ProviderFactory.Tencent, ProviderFactory.TencentLegacy, ProviderFactory.Huawei, ProviderFactory.Local };
            return Array.Find(names, n => n.Equals(provider.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"'{provider}' is not a provider; use {string.Join(", ", names)}.");
        }

        /// <summary>The message for the first bound parameter that <paramref name="provider"/> does not use, or null when all fit.</summary>
        /// <param name="provider">The canonical provider name.</param>
        /// <param name="bound">The cmdlet's bound parameters (a switch given as <c>-X:$false</c> asks for nothing and passes).</param>
        public static string? FindMisplaced(string provider, IDictionary<string, object> bound)
        {
            foreach (var pair in bound.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (!Owners.TryGetValue(pair.Key, out var owners) || owners.Contains(provider) || (pair.Value is SwitchParameter s && !s.IsPresent))
                {
                    continue;
                }

                return $"-{pair.Key} applies to -Provider {string.Join(" or ", owners)} only; it means nothing to {provider}. Leave it out, or choose that provider.";
            }

            return null;
        }
    }
}
