using System.Management.Automation;
using BankcardOcr.Completers;
using BankcardOcr.Cloud.Credentials;
using BankcardOcr.Secrets;

namespace BankcardOcr.Commands
{
    /// <summary>
    /// The base of every cmdlet that needs cloud keys: the same <c>-Credential</c>, <c>-SecretName</c> and
    /// <c>-Vault</c> everywhere, resolved in the order docs/design.md fixes ("Public contract": parameter, secret, SDK
    /// environment variables).
    /// </summary>
    public abstract class CloudCommand : PSCmdlet
    {
        /// <summary>
        /// The keys as user name and password: SecretId / SecretKey (Tencent), access key / secret key (Huawei
        /// AK/SK), or IAM user name / password (Get-HuaweiIamToken).
        /// </summary>
        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>The name of a SecretManagement secret holding the keys (a PSCredential or a hashtable with the documented keys).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SecretName { get; set; }

        /// <summary>The SecretManagement vault to read <c>-SecretName</c> from; all registered vaults by default.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(VaultCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Vault { get; set; }

        /// <summary>
        /// Reads the <c>-SecretName</c> secret once, so its Provider/Region/AppId can steer the call; null without
        /// one, and null when <c>-Credential</c> is given: the explicit parameter wins outright, so a SecretName set
        /// in $PSDefaultParameterValues (or a missing or locked secret) cannot break a call that names its keys.
        /// </summary>
        internal StoredSecret? ReadNamedSecret()
        {
            if (SecretName is null)
            {
                return null;
            }

            if (Credential != null)
            {
                WriteDebug($"-Credential is given, so secret '{SecretName}' is not read.");
                return null;
            }

            return CredentialResolver.ReadSecret(this, SecretName, Vault);
        }

        /// <summary>The credential from the first source that has one; ends the call with CredentialNotFound otherwise.</summary>
        /// <param name="secret">The secret already read by <see cref="ReadNamedSecret"/>, so the vault is asked once.</param>
        /// <param name="kinds">The kinds of credential the caller can use, preferred first.</param>
        internal ProviderCredential ResolveCredential(StoredSecret? secret, params CredentialKind[] kinds) =>
            CredentialResolver.Resolve(this, new CredentialRequest(kinds)
            {
                Credential = Credential,
                SecretName = SecretName,
                Vault = Vault,
                Secret = secret,
            });
    }
}
