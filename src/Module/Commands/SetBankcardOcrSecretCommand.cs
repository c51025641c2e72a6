using System;
using System.Collections;
using System.Management.Automation;
using BankcardOcr.Credentials;

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
        [ValidateSet("Tencent", "TencentLegacy", "Huawei", IgnoreCase = true)]
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
            Provider = Array.Find(SecretKeys.ProviderNames, p => p.Equals(Provider, StringComparison.OrdinalIgnoreCase)) ?? Provider;
            var kind = Provider == "Huawei"
                ? (UseIamPassword ? CredentialKind.HuaweiPassword : CredentialKind.HuaweiAccessKeys)
                : CredentialKind.TencentKeys;
            Validate(kind);

            var target = SecretManagementClient.DescribeSecret(Name, Vault);
            try
            {
                // Before ShouldProcess: -WhatIf must not promise a store that cannot happen.
                SecretManagementClient.EnsureAvailable("Set-Secret", "Set-BankcardOcrSecret");
                if (!ShouldProcess(target, $"Store {SecretKeys.Describe(kind)} for provider {Provider}"))
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

        private void Validate(CredentialKind kind)
        {
            var tencent = kind == CredentialKind.TencentKeys;
            Require(!string.IsNullOrWhiteSpace(Credential.UserName), "CredentialUserNameEmpty", $"The user name of -Credential must be the {SecretKeys.Describe(kind)} key id.");
            Require(Credential.Password?.Length > 0, "CredentialPasswordEmpty", $"The password of -Credential must be the {SecretKeys.Describe(kind)} secret.");
            Require(Provider != "TencentLegacy" || AppId != null, "AppIdRequired", "-Provider TencentLegacy needs -AppId: the legacy signature includes it.");
            Require(kind != CredentialKind.HuaweiPassword || DomainName != null, "DomainNameRequired", "-UseIamPassword needs -DomainName, the account the IAM user belongs to.");
            Require(!UseIamPassword || !tencent, "ParameterNotForProvider", "-UseIamPassword applies to -Provider Huawei only.");
            Require(tencent || (AppId == null && Bucket == null), "ParameterNotForProvider", "-AppId and -Bucket apply to the Tencent providers only.");
            Require(!tencent || ProjectId == null, "ParameterNotForProvider", "-ProjectId applies to -Provider Huawei only.");
            Require(kind == CredentialKind.HuaweiPassword || DomainName == null, "ParameterNotForProvider", "-DomainName applies to -Provider Huawei with -UseIamPassword only.");
        }

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
                [SecretKeys.IdKey(kind)] = Credential.UserName.Trim(),
                [SecretKeys.SecretKeyFor(kind)] = Credential.Password,
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
