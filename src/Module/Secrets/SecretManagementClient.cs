using System;
using System.Collections;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;

namespace BankcardOcr.Secrets
{
    /// <summary>
    /// Calls SecretManagement's cmdlets, an optional dependency: the module declares no RequiredModules, and
    /// SecretManagement has no public C# read API, so its commands are invoked by module-qualified name.
    /// They run as a nested pipeline in the caller's runspace, on the pipeline thread, so they see the
    /// caller's imported modules (and autoload an installed one) and vaults can prompt through the caller's host.
    /// </summary>
    internal static class SecretManagementClient
    {
        internal const string ModuleName = "Microsoft.PowerShell.SecretManagement";

        /// <summary>Reads secret <paramref name="name"/> with Get-Secret (values stay SecureStrings: no -AsPlainText).</summary>
        /// <returns>The secret with any PSObject wrapper removed.</returns>
        /// <exception cref="CredentialErrorException">SecretManagement is missing, or the secret was not found.</exception>
        internal static object GetSecret(string name, string? vault)
        {
            var where = DescribeSecret(name, vault);
            Collection<PSObject> output;
            Collection<ErrorRecord> errors;
            try
            {
                (output, errors) = Invoke("Get-Secret", new Hashtable { ["Name"] = name, ["Vault"] = vault });
            }
            catch (RuntimeException e) when (!(e is CommandNotFoundException))
            {
                // A vault that is locked or unreachable can throw; its message says why and names no value.
                throw CredentialErrors.NotFound($"Could not read {where}: {e.Message}", UnlockAdvice, name, e);
            }

            var value = output.Where(o => o != null).Select(o => o.BaseObject).FirstOrDefault(o => o != null);
            if (value is null)
            {
                var said = errors.Count == 0 ? "" : " SecretManagement said: " + errors[0].Exception.Message;
                throw CredentialErrors.NotFound($"{where} was not found.{said}", UnlockAdvice, name, errors.FirstOrDefault()?.Exception);
            }

            return value;
        }

        /// <summary>Stores <paramref name="secret"/> with Set-Secret.</summary>
        /// <returns>The error records Set-Secret wrote, for the cmdlet to forward.</returns>
        /// <exception cref="CredentialErrorException">SecretManagement is missing.</exception>
        internal static Collection<ErrorRecord> SetSecret(string name, string? vault, object secret) =>
            Invoke("Set-Secret", new Hashtable { ["Name"] = name, ["Secret"] = secret, ["Vault"] = vault }, "Set-BankcardOcrSecret").Errors;

        /// <summary>
        /// Ends with SecretManagementNotAvailable unless SecretManagement's <paramref name="command"/> can be
        /// found (imported or installed), so that -WhatIf can tell the truth before anything is attempted.
        /// </summary>
        /// <param name="command">The command that will be needed, e.g. <c>Set-Secret</c>.</param>
        /// <param name="needs">What needs it, for the message.</param>
        /// <exception cref="CredentialErrorException">SecretManagement is missing.</exception>
        internal static void EnsureAvailable(string command, string needs)
        {
            using var ps = PowerShell.Create(RunspaceMode.CurrentRunspace);
            ps.AddCommand("Microsoft.PowerShell.Core\\Get-Command")
                .AddParameter("Name", command)
                .AddParameter("Module", ModuleName)
                .AddParameter("ErrorAction", ActionPreference.Ignore);
            if (ps.Invoke().Count == 0)
            {
                throw CredentialErrors.NoSecretManagement(null, needs);
            }
        }

        /// <summary>Lists the registered vault names (Get-SecretVault); empty when SecretManagement is missing.</summary>
        internal static string[] VaultNames()
        {
            using var ps = PowerShell.Create(RunspaceMode.CurrentRunspace);
            ps.AddCommand("Microsoft.PowerShell.Core\\Get-Command")
                .AddParameter("Name", "Get-SecretVault")
                .AddParameter("Module", ModuleName)
                .AddParameter("ErrorAction", ActionPreference.Ignore);
            if (ps.Invoke().Count == 0)
            {
                return Array.Empty<string>();
            }

            ps.Commands.Clear();
            ps.AddCommand(ModuleName + "\\Get-SecretVault").AddParameter("ErrorAction", ActionPreference.Ignore);
            return ps.Invoke()
                .Select(v => v?.Properties["Name"]?.Value as string)
                .Where(n => !string.IsNullOrEmpty(n))
                .Select(n => n!)
                .ToArray();
        }

        /// <summary>How messages name a secret: <c>secret 'ocr' in vault 'Store'</c>.</summary>
        internal static string DescribeSecret(string name, string? vault) =>
            string.IsNullOrEmpty(vault) ? $"secret '{name}'" : $"secret '{name}' in vault '{vault}'";

        private const string UnlockAdvice =
            "Check the name with Get-SecretInfo, and unlock the vault first when it needs a password (Unlock-SecretStore).";

        private static (Collection<PSObject> Output, Collection<ErrorRecord> Errors) Invoke(string command, Hashtable parameters, string needs = "-SecretName")
        {
            using var ps = PowerShell.Create(RunspaceMode.CurrentRunspace);
            ps.AddCommand(ModuleName + "\\" + command);
            foreach (DictionaryEntry p in parameters)
            {
                // An absent -Vault must stay unbound: SecretManagement then searches the default vault, then all.
                if (p.Value is string s ? s.Length > 0 : p.Value != null)
                {
                    ps.AddParameter((string)p.Key, p.Value);
                }
            }

            try
            {
                var output = ps.Invoke();
                return (output, ps.Streams.Error.ReadAll());
            }
            catch (CommandNotFoundException e) when (IsSecretManagementCommand(e, command))
            {
                throw CredentialErrors.NoSecretManagement(e, needs);
            }
        }

        // A CommandNotFoundException raised inside a vault (for a command the vault needs) is the vault's problem,
        // not a missing SecretManagement: only the command we asked for counts.
        private static bool IsSecretManagementCommand(CommandNotFoundException e, string command) =>
            e.CommandName is null || e.CommandName.EndsWith(command, StringComparison.OrdinalIgnoreCase);
    }
}
