using System.Management.Automation;
using BankcardOcr.Cloud.Credentials;

namespace BankcardOcr.Secrets
{
    /// <summary>Turns a PSCredential into a <see cref="ProviderCredential"/>: user name = key id, password = secret.</summary>
    internal static class CredentialConversion
    {
        /// <summary>Converts <paramref name="credential"/>; the password goes to UTF-8 bytes without becoming a string.</summary>
        /// <exception cref="CredentialErrorException">InvalidSecret when the user name or password is empty.</exception>
        internal static ProviderCredential FromPSCredential(PSCredential credential, CredentialKind kind, string source, object? target)
        {
            var keyId = credential.UserName?.Trim();
            if (string.IsNullOrEmpty(keyId))
            {
                throw CredentialErrors.Invalid($"The user name of {source} is empty; it must be the {kind.Description} key id.", target);
            }

            if (credential.Password is null || credential.Password.Length == 0)
            {
                throw CredentialErrors.Invalid($"The password of {source} is empty; it must be the {kind.Description} secret.", target);
            }

            return new ProviderCredential(kind, keyId!, SecureStringEncoding.ToUtf8Bytes(credential.Password), source);
        }
    }
}
