using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using BankcardOcr.Secrets;

namespace BankcardOcr.Completers
{
    /// <summary>
    /// Completes <c>-Vault</c> with the names Get-SecretVault lists. Without SecretManagement there is nothing
    /// to offer, and PowerShell would fall back to file names (which are never vaults) when a completer
    /// returns nothing, so the completer then offers a single entry that completes to what was typed.
    /// </summary>
    public sealed class VaultCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var typed = wordToComplete ?? string.Empty;
            var prefix = typed.Trim('\'', '"');
            string[] vaults;
            try
            {
                vaults = SecretManagementClient.VaultNames();
            }
            catch (RuntimeException)
            {
                vaults = Array.Empty<string>();
            }

            var matches = vaults
                .Where(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .OrderBy(v => v, StringComparer.OrdinalIgnoreCase)
                .Select(v => new CompletionResult(Quote(v), v, CompletionResultType.ParameterValue, v))
                .ToList();
            if (matches.Count == 0)
            {
                // Keeps PowerShell from offering file names; the tooltip says why nothing else is offered.
                var why = vaults.Length == 0 ? "no SecretManagement vault is registered (or SecretManagement is not installed)" : "no vault name starts with this";
                matches.Add(new CompletionResult(typed.Length == 0 ? " " : typed, "(no vault)", CompletionResultType.ParameterValue, why));
            }

            return matches;
        }

        private static string Quote(string name) =>
            name.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', ';', '(', ')', '{', '}', ',', '&', '|', '@', '#' }) >= 0 ? "'" + name.Replace("'", "''") + "'" : name;
    }
}
