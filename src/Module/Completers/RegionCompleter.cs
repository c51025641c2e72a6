using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using BankcardOcr.Engine;
using BankcardOcr.Providers;
using BankcardOcr.Providers.Huawei;

namespace BankcardOcr.Completers
{
    /// <summary>
    /// Completes <c>-Region</c> with the regions of the provider already named on the command line (a second
    /// provider named by <c>-Fallback</c> or <c>-CrossCheck</c> counts too: the cloud parameters are its); nothing for a
    /// provider without regions (Local); on a command named after one provider, that provider's; otherwise every
    /// provider's.
    /// </summary>
    public sealed class RegionCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionList.Matching(RegionsFor(commandName, fakeBoundParameters), wordToComplete);

        private static IEnumerable<string> RegionsFor(string commandName, IDictionary? bound)
        {
            var named = new[] { "Provider", "Fallback", "CrossCheck" }
                .Select(p => ProviderRegistry.Find(bound?[p] as string))
                .Where(d => d != null)
                .ToList();
            if (named.Count > 0)
            {
                return named.SelectMany(d => d!.Regions).Distinct(StringComparer.OrdinalIgnoreCase);
            }

            // The longest name first: a command named after TencentLegacy is not Tencent's.
            var byCommand = ProviderRegistry.All
                .Where(d => d.Regions.Count > 0 && commandName.IndexOf(d.Name, StringComparison.OrdinalIgnoreCase) >= 0)
                .OrderByDescending(d => d.Name.Length)
                .FirstOrDefault();
            return byCommand?.Regions ?? ProviderRegistry.All.SelectMany(d => d.Regions).Distinct(StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>Completes <c>-Provider</c> with the registered providers' names, in registry order.</summary>
    public sealed class ProviderCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionList.Matching(ProviderRegistry.All.Select(d => d.Name), wordToComplete, sort: false);
    }

    /// <summary>Completes <c>-Provider</c> with the providers that take keys (Set-BankcardOcrSecret stores keys).</summary>
    public sealed class KeyedProviderCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionList.Matching(ProviderRegistry.All.Where(d => d.CredentialKinds.Count > 0).Select(d => d.Name), wordToComplete, sort: false);
    }

    /// <summary>Completes Get-HuaweiIamToken's <c>-Region</c>: IAM serves more regions than OCR does.</summary>
    public sealed class IamRegionCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionList.Matching(HuaweiRegions.IamRegionIds, wordToComplete);
    }

    /// <summary>What the completers share: the values that start with what was typed, quotes ignored.</summary>
    internal static class CompletionList
    {
        internal static IEnumerable<CompletionResult> Matching(IEnumerable<string> values, string? wordToComplete, bool sort = true)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var matches = values.Where(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
            return (sort ? matches.OrderBy(v => v, StringComparer.Ordinal) : matches)
                .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v));
        }
    }
}
