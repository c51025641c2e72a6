using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text;
using BankcardOcr.Cloud.Credentials;

namespace BankcardOcr.Secrets
{
    /// <summary>
    /// Finds the credential a cloud cmdlet signs with, in the order of docs/design.md, "Public contract" (first wins):
    /// <c>-Credential</c>; <c>-SecretName</c> (+ <c>-Vault</c>) through SecretManagement; the official SDKs'
    /// environment variables; otherwise the terminating error <c>CredentialNotFound</c>, listing what was tried.
    /// A named secret that is missing or malformed ends the call: falling back to environment keys would
    /// silently use another account. Call on the pipeline thread (BeginProcessing): SecretManagement runs as
    /// a nested pipeline in the caller's runspace, and the Debug line is written through the cmdlet.
    /// </summary>
    internal static class CredentialResolver
    {
        /// <summary>
        /// Resolves the credential for <paramref name="request"/> and writes one Debug line naming its source.
        /// The caller owns the result and disposes it once the requests are signed.
        /// </summary>
        /// <param name="cmdlet">The calling cmdlet: terminating errors and the Debug line go through it.</param>
        /// <param name="request">The acceptable kinds and the user's credential parameters.</param>
        /// <returns>The credential; never null (failure is a terminating error).</returns>
        internal static ProviderCredential Resolve(PSCmdlet cmdlet, CredentialRequest request)
        {
            try
            {
                var credential = ResolveCore(request);
                cmdlet.WriteDebug($"Using {credential.Kind.Description} from {credential.Source}.");
                return credential;
            }
            catch (CredentialErrorException e)
            {
                cmdlet.ThrowTerminatingError(e.ErrorRecord);
                throw;
            }
        }

        /// <summary>
        /// Reads secret <paramref name="name"/> without building a credential, so a cmdlet can take its provider
        /// (and Region, ProjectId, AppId…) from the secret first; pass the result as <see cref="CredentialRequest.Secret"/>.
        /// </summary>
        /// <param name="cmdlet">The calling cmdlet: terminating errors go through it.</param>
        /// <param name="name">The secret's name.</param>
        /// <param name="vault">The vault, or null for SecretManagement's default order.</param>
        /// <returns>The secret; never null (a missing one is a terminating error).</returns>
        internal static StoredSecret ReadSecret(PSCmdlet cmdlet, string name, string? vault)
        {
            try
            {
                return StoredSecret.Read(name, vault);
            }
            catch (CredentialErrorException e)
            {
                cmdlet.ThrowTerminatingError(e.ErrorRecord);
                throw;
            }
        }

        /// <summary>The resolution itself; throws <see cref="CredentialErrorException"/> instead of needing a cmdlet.</summary>
        internal static ProviderCredential ResolveCore(CredentialRequest request)
        {
            if (request.Credential != null)
            {
                return CredentialConversion.FromPSCredential(request.Credential, request.Kinds[0], "parameter -Credential", "Credential");
            }

            if (request.Secret != null || !string.IsNullOrWhiteSpace(request.SecretName))
            {
                var secret = request.Secret ?? StoredSecret.Read(request.SecretName!, request.Vault);
                return secret.ToCredential(request.Kinds);
            }

            var tried = new List<string> { "parameter -Credential (not given)", "parameter -SecretName (not given)" };
            foreach (var kind in request.Kinds)
            {
                if (kind.IdVariable is null || kind.SecretVariable is null)
                {
                    continue;
                }

                var id = Variable(kind.IdVariable);
                var secret = Variable(kind.SecretVariable);
                if (id != null && secret != null)
                {
                    var credential = new ProviderCredential(kind, id, Encoding.UTF8.GetBytes(secret), $"environment variables {kind.IdVariable}/{kind.SecretVariable}");
                    foreach (var setting in kind.SettingVariables)
                    {
                        credential.SetSetting(setting.Key, Variable(setting.Value));
                    }

                    return credential;
                }

                var state = id is null && secret is null ? "not set" : $"{(id is null ? kind.IdVariable : kind.SecretVariable)} not set or empty";
                tried.Add($"environment variables {kind.IdVariable}/{kind.SecretVariable} ({state})");
            }

            throw CredentialErrors.NotFound(
                $"No {string.Join(" or ", request.Kinds.Select(k => k.Description))} credentials were found. Tried: {string.Join("; ", tried)}.",
                RecommendedAction(request.Kinds),
                null);
        }

        private static string RecommendedAction(IReadOnlyList<CredentialKind> kinds)
        {
            var action = "Pass -Credential, or store the keys with Set-BankcardOcrSecret and pass -SecretName";
            var variables = kinds.Where(k => k.IdVariable != null && k.SecretVariable != null).Select(k => $"{k.IdVariable} and {k.SecretVariable}").ToList();
            return variables.Count == 0 ? action + "." : $"{action}, or set {string.Join(" (or ", variables)}{(variables.Count > 1 ? ")" : "")}.";
        }

        // The official SDKs treat an empty variable as unset, and so does this module.
        private static string? Variable(string name)
        {
            var value = Environment.GetEnvironmentVariable(name);
            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }
    }
}
