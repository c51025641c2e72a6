using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using BankcardOcr.Completers;
using BankcardOcr.Cloud.Credentials;
using BankcardOcr.Engine;
using BankcardOcr.Providers;
using BankcardOcr.Secrets;

namespace BankcardOcr.Commands
{
    /// <summary>
    /// <para type="synopsis">Stores cloud OCR keys as a SecretManagement secret in the layout the BankcardOcr cmdlets read.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "BankcardOcrSecret", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        HelpUri = "https://github.com/bankcardocr/BankcardOcr/blob/main/docs/Set-BankcardOcrSecret.md")]
    public sealed class SetBankcardOcrSecretCommand : PSCmdlet
    {
        /// <summary>The secret's name; pass it later as <c>-SecretName</c>.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("SecretName")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>The vault to store in; SecretManagement's default vault when omitted.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(VaultCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Vault { get; set; }

        /// <summary>The provider the keys are for: Tencent, TencentLegacy or Huawei. Recorded as the secret's <c>Provider</c>.</summary>
        [Parameter(Mandatory = true)]
        [ProviderName(KeyedOnly = true)]
        [ArgumentCompleter(typeof(KeyedProviderCompleter))]
        public string Provider { get; set; } = string.Empty;

        /// <summary>User name = SecretId (Tencent), access key (Huawei) or IAM user name (with -UseIamPassword); password = SecretKey, secret access key or IAM password.</summary>
        [Parameter(Mandatory = true)]
        [Credential]
        public PSCredential Credential { get; set; } = PSCredential.Empty;

        /// <summary>Tencent AppId; required for TencentLegacy.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AppId { get; set; }

        /// <summary>Tencent legacy bucket.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Bucket { get; set; }

        /// <summary>Default region for calls made with this secret.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(RegionCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Region { get; set; }

        /// <summary>Huawei project id.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ProjectId { get; set; }

        /// <summary>Huawei account (domain) name; required with -UseIamPassword.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DomainName { get; set; }

        /// <summary>Store a Huawei IAM user name and password (token authentication) instead of an access key pair.</summary>
        [Parameter]
        public SwitchParameter UseIamPassword { get; set; }

        /// <summary>Validates, builds the hashtable and stores it with Set-Secret.</summary>
        protected override void EndProcessing()
        {
            var provider = ProviderRegistry.Find(Provider)!;
            Provider = provider.Name;
            // -UseIamPassword picks the kind that is an IAM user's password; otherwise the provider's first choice.
            var kind = provider.CredentialKinds.FirstOrDefault(k => k.NeedsDomainName == UseIamPassword.IsPresent) ?? provider.CredentialKinds[0];
            Validate(provider, kind);

            var target = SecretManagementClient.DescribeSecret(Name, Vault);
            try
            {
                // Before ShouldProcess: -WhatIf must not promise a store that cannot happen.
                SecretManagementClient.EnsureAvailable("Set-Secret", "Set-BankcardOcrSecret");
                if (!ShouldProcess(target, $"Store {kind.Description} for provider {Provider}"))
                {
                    return;
                }

                foreach (var error in SecretManagementClient.SetSecret(Name, Vault, BuildSecret(kind)))
                {
                    WriteError(error);
                }
            }
            catch (CredentialErrorException e)
            {
                ThrowTerminatingError(e.ErrorRecord);
            }
        }

        private void Validate(ProviderDescriptor provider, CredentialKind kind)
        {
            var keyed = ProviderRegistry.All.Where(d => d.CredentialKinds.Count > 0).ToArray();
            Require(!string.IsNullOrWhiteSpace(Credential.UserName), "CredentialUserNameEmpty", $"The user name of -Credential must be the {kind.Description} key id.");
            Require(Credential.Password?.Length > 0, "CredentialPasswordEmpty", $"The password of -Credential must be the {kind.Description} secret.");
            foreach (var required in provider.RequiredSecretSettings)
            {
                Require(Setting(required.Key) != null, required.Key + "Required", $"-Provider {Provider} needs -{required.Key}: {required.Value}.");
            }

            var withPassword = keyed.Where(d => d.CredentialKinds.Any(k => k.NeedsDomainName)).ToArray();
            Require(!kind.NeedsDomainName || DomainName != null, "DomainNameRequired", "-UseIamPassword needs -DomainName, the account the IAM user belongs to.");
            Require(!UseIamPassword || kind.NeedsDomainName, "ParameterNotForProvider", $"-UseIamPassword applies to {ProviderRegistry.Describe(withPassword)} only.");
            RequireOwned(provider, keyed, SecretKeys.AppId, SecretKeys.Bucket);
            RequireOwned(provider, keyed, SecretKeys.ProjectId);
            Require(kind.NeedsDomainName || DomainName == null, "ParameterNotForProvider", $"-DomainName applies to {ProviderRegistry.Describe(withPassword)} with -UseIamPassword only.");
        }

        /// <summary>Refuses settings given for a provider whose secret does not hold them, naming the providers that do.</summary>
        private void RequireOwned(ProviderDescriptor provider, ProviderDescriptor[] keyed, params string[] keys)
        {
            if (provider.SecretSettings.Intersect(keys).Count() < keys.Length && keys.Any(k => Setting(k) != null))
            {
                var owners = keyed.Where(d => keys.All(d.SecretSettings.Contains)).ToArray();
                var names = string.Join(" and ", keys.Select(k => "-" + k));
                Require(false, "ParameterNotForProvider", $"{names} appl{(keys.Length > 1 ? "y" : "ies")} to {ProviderRegistry.Describe(owners)} only.");
            }
        }

        private string? Setting(string key) => key switch
        {
            SecretKeys.AppId => AppId,
            SecretKeys.Bucket => Bucket,
            SecretKeys.ProjectId => ProjectId,
            SecretKeys.DomainName => DomainName,
            SecretKeys.Region => Region,
            _ => null,
        };

        private void Require(bool condition, string errorId, string message)
        {
            if (!condition)
            {
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException(message), errorId, ErrorCategory.InvalidArgument, Name));
            }
        }

        // Key ids and settings are stored as strings (they are identifiers); the secret stays the caller's SecureString.
        private Hashtable BuildSecret(CredentialKind kind)
        {
            var secret = new Hashtable(StringComparer.OrdinalIgnoreCase)
            {
                [SecretKeys.Provider] = Provider,
                [kind.IdKey] = Credential.UserName.Trim(),
                [kind.SecretKey] = Credential.Password,
            };
            Add(secret, SecretKeys.AppId, AppId);
            Add(secret, SecretKeys.Bucket, Bucket);
            Add(secret, SecretKeys.Region, Region);
            Add(secret, SecretKeys.ProjectId, ProjectId);
            Add(secret, SecretKeys.DomainName, DomainName);
            return secret;
        }

        private static void Add(Hashtable secret, string key, string? value)
        {
            if (value != null)
            {
                secret[key] = value;
            }
        }
    }
}
