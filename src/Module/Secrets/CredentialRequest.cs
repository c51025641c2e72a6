using System;
using System.Collections.Generic;
using System.Management.Automation;
using BankcardOcr.Cloud.Credentials;

namespace BankcardOcr.Secrets
{
    /// <summary>What a cmdlet asks the <see cref="CredentialResolver"/> for: the kinds it can use and the user's parameters.</summary>
    internal sealed class CredentialRequest
    {
        /// <summary>Creates a request for the given kinds, in order of preference.</summary>
        /// <param name="kinds">
        /// The kinds the command can use, preferred first. A PSCredential (parameter or secret) is read as the
        /// first kind; a hashtable secret as the first kind whose key id it holds; environment variables are
        /// tried for each kind in this order.
        /// </param>
        internal CredentialRequest(params CredentialKind[] kinds)
        {
            if (kinds is null || kinds.Length == 0)
            {
                throw new ArgumentException("At least one credential kind is needed.", nameof(kinds));
            }

            Kinds = kinds;
        }

        /// <summary>The acceptable kinds, preferred first.</summary>
        internal IReadOnlyList<CredentialKind> Kinds { get; }

        /// <summary>The <c>-Credential</c> parameter, or null.</summary>
        internal PSCredential? Credential { get; set; }

        /// <summary>The <c>-SecretName</c> parameter, or null.</summary>
        internal string? SecretName { get; set; }

        /// <summary>The <c>-Vault</c> parameter, or null for SecretManagement's default vault order.</summary>
        internal string? Vault { get; set; }

        /// <summary>
        /// The secret named by <see cref="SecretName"/> when the cmdlet already read it with
        /// <see cref="CredentialResolver.ReadSecret"/> (e.g. to choose its provider), so the vault is asked once.
        /// </summary>
        internal StoredSecret? Secret { get; set; }
    }
}
