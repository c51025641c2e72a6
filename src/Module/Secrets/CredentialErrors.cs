using System;
using System.Management.Automation;

namespace BankcardOcr.Secrets
{
    /// <summary>
    /// The terminating errors of credential resolution. Messages name parameters, secrets, vaults, keys and
    /// environment variables, never a value read from them.
    /// </summary>
    internal static class CredentialErrors
    {
        /// <summary>Error id: no source gave a credential, or the named secret does not exist.</summary>
        internal const string CredentialNotFound = "CredentialNotFound";

        /// <summary>Error id: <c>-SecretName</c> was used but Microsoft.PowerShell.SecretManagement cannot be loaded.</summary>
        internal const string SecretManagementNotAvailable = "SecretManagementNotAvailable";

        /// <summary>Error id: the secret exists but is not a PSCredential or a hashtable with the documented keys.</summary>
        internal const string InvalidSecret = "InvalidSecret";

        internal const string InstallAdvice =
            "Install-Module Microsoft.PowerShell.SecretManagement (and a vault such as Microsoft.PowerShell.SecretStore), " +
            "or pass -Credential, or set the provider's environment variables.";

        internal static CredentialErrorException NotFound(string message, string recommendedAction, object? target, Exception? inner = null) =>
            Create(new ItemNotFoundException(Sentence(message), inner), CredentialNotFound, ErrorCategory.ObjectNotFound, target, recommendedAction);

        /// <param name="inner">What failed, or null when the module was looked for and not found.</param>
        /// <param name="needs">What needs the module, as the user knows it, e.g. <c>-SecretName</c> or <c>Set-BankcardOcrSecret</c>.</param>
        internal static CredentialErrorException NoSecretManagement(Exception? inner, string needs = "-SecretName") =>
            Create(
                new PSNotSupportedException(
                    needs + " needs the Microsoft.PowerShell.SecretManagement module, which could not be found, and a vault " +
                    "extension registered with it, such as Microsoft.PowerShell.SecretStore (SecretManagement alone stores " +
                    "nothing). Run: Install-Module Microsoft.PowerShell.SecretManagement, Microsoft.PowerShell.SecretStore; " +
                    "Register-SecretVault -Name Store -ModuleName Microsoft.PowerShell.SecretStore -DefaultVault",
                    inner),
                SecretManagementNotAvailable,
                ErrorCategory.NotInstalled,
                SecretManagementClient.ModuleName,
                InstallAdvice);

        internal static CredentialErrorException Invalid(string message, object? target) =>
            Create(
                new PSInvalidOperationException(Sentence(message)),
                InvalidSecret,
                ErrorCategory.InvalidData,
                target,
                "Store the secret again with Set-BankcardOcrSecret, or see about_BankcardOcr for the documented keys.");

        // Messages often open with "secret 'x' …"; what the user reads should start as a sentence.
        private static string Sentence(string message) => char.ToUpperInvariant(message[0]) + message.Substring(1);

        private static CredentialErrorException Create(Exception exception, string id, ErrorCategory category, object? target, string recommendedAction)
        {
            var record = new ErrorRecord(exception, id, category, target)
            {
                ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = recommendedAction },
            };
            return new CredentialErrorException(record);
        }
    }

    /// <summary>
    /// Carries a terminating <see cref="ErrorRecord"/> out of resolution code that has no cmdlet at hand; the
    /// cmdlet-facing entry points turn it into <see cref="Cmdlet.ThrowTerminatingError"/>, so users always
    /// see the error id, never this type.
    /// </summary>
    internal sealed class CredentialErrorException : Exception
    {
        internal CredentialErrorException(ErrorRecord errorRecord)
            : base(errorRecord.Exception.Message, errorRecord.Exception)
        {
            ErrorRecord = errorRecord;
        }

        internal ErrorRecord ErrorRecord { get; }
    }
}
