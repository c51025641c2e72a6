using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text;

namespace BankcardOcr.Credentials
{
    /// <summary>
    /// Finds the credential a cloud cmdlet signs with, in the order DESIGN.md fixes (first hit wins):
    /// <c>-Credential</c>; <c>-SecretName</c> (+ <c>-Vault</c>) through SecretManagement; the official SDKs'
    /// environment variables; otherwise the terminating error <c>CredentialNotFound</c>, listing what was tried.
    /// A named secret that is missing or malformed ends the call: falling back to environment keys would
    /// silently use another account. Call on the pipeline thread (BeginProcessing): SecretManagement runs as
    /// a nested pipeline in the caller's runspace, and the Debug line is written through the cmdlet.
    /// </summary>
    internal static class CredentialResolver
    {
        private static readonly Dictionary<CredentialKind, (string Id, string Secret)> EnvironmentNames = new Dictionary<CredentialKind, (string, string)>
        {
            [CredentialKind.TencentKeys] = ("TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY"),
            [CredentialKind.HuaweiAccessKeys] = ("HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK"),
        };

        private const string HuaweiProjectIdVariable = "HUAWEICLOUD_SDK_PROJECT_ID";

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
                cmdlet.WriteDebug($"Using {SecretKeys.Describe(credential.Kind)} from {credential.Source}.");
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
                if (!EnvironmentNames.TryGetValue(kind, out var names))
                {
                    continue;
                }

                var id = Variable(names.Id);
                var secret = Variable(names.Secret);
                if (id != null && secret != null)
                {
                    return new ProviderCredential(kind, id, Encoding.UTF8.GetBytes(secret), $"environment variables {names.Id}/{names.Secret}")
                    {
                        ProjectId = kind == CredentialKind.HuaweiAccessKeys ? Variable(HuaweiProjectIdVariable) : null,
                    };
                }

                var state = id is null && secret is null ? "not set" : $"{(id is null ? names.Id : names.Secret)} not set or empty";
                tried.Add($"environment variables {names.Id}/{names.Secret} ({state})");
            }

            throw CredentialErrors.NotFound(
                $"No {string.Join(" or ", request.Kinds.Select(SecretKeys.Describe))} credentials were found. Tried: {string.Join("; ", tried)}.",
                RecommendedAction(request.Kinds),
                null);
        }

        private static string RecommendedAction(IReadOnlyList<CredentialKind> kinds)
        {
            var action = "Pass -Credential, or store the keys with Set-BankcardOcrSecret and pass -SecretName";
            var variables = kinds.Where(EnvironmentNames.ContainsKey).Select(k => $"{EnvironmentNames[k].Id} and {EnvironmentNames[k].Secret}").ToList();
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
