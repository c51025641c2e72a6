using System;
using System.Management.Automation;
using System.Security.Cryptography;
using System.Linq;
using BankcardOcr.Engine;
using BankcardOcr.Secrets;

namespace BankcardOcr.Tests.CredentialHarness
{
    /// <summary>
    /// Resolves a credential exactly as a cloud cmdlet would and emits what a test needs to check it: kind,
    /// key id, source and settings, and a SHA-256 of the secret bytes (so tests can verify the secret without
    /// it ever appearing in output).
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Resolve, "TestCredential")]
    public sealed class ResolveTestCredentialCommand : PSCmdlet
    {
        /// <summary>The acceptable kinds by name (e.g. <c>TencentKeys</c>), preferred first, as the registered providers declare them.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        public string[] Kind { get; set; } = Array.Empty<string>();

        /// <summary>As on the cloud cmdlets.</summary>
        [Parameter]
        public PSCredential? Credential { get; set; }

        /// <summary>As on the cloud cmdlets.</summary>
        [Parameter]
        public string? SecretName { get; set; }

        /// <summary>As on the cloud cmdlets.</summary>
        [Parameter]
        public string? Vault { get; set; }

        /// <summary>Read the secret first with ReadSecret (as Invoke-BankcardRecognition does to pick its provider).</summary>
        [Parameter]
        public SwitchParameter ReadSecretFirst { get; set; }

        /// <summary>Resolves once, in BeginProcessing, as the cloud cmdlets do.</summary>
        protected override void BeginProcessing()
        {
            var kinds = Kind.Select(name => ProviderRegistry.All.SelectMany(d => d.CredentialKinds).First(k => k.Name.Equals(name, StringComparison.OrdinalIgnoreCase))).ToArray();
            var request = new CredentialRequest(kinds) { Credential = Credential, SecretName = SecretName, Vault = Vault };
            string? peekedProvider = null;
            if (ReadSecretFirst && SecretName != null)
            {
                request.Secret = CredentialResolver.ReadSecret(this, SecretName, Vault);
                peekedProvider = request.Secret.Provider;
            }

            using var credential = CredentialResolver.Resolve(this, request);
            using var sha = SHA256.Create();
            var result = new PSObject();
            result.Properties.Add(new PSNoteProperty("Kind", credential.Kind.Name));
            result.Properties.Add(new PSNoteProperty("KeyId", credential.KeyId));
            result.Properties.Add(new PSNoteProperty("Source", credential.Source));
            result.Properties.Add(new PSNoteProperty("Provider", credential.Provider));
            result.Properties.Add(new PSNoteProperty("AppId", credential.AppId));
            result.Properties.Add(new PSNoteProperty("Bucket", credential.Bucket));
            result.Properties.Add(new PSNoteProperty("Region", credential.Region));
            result.Properties.Add(new PSNoteProperty("ProjectId", credential.ProjectId));
            result.Properties.Add(new PSNoteProperty("DomainName", credential.DomainName));
            result.Properties.Add(new PSNoteProperty("PeekedProvider", peekedProvider));
            result.Properties.Add(new PSNoteProperty("SecretSha256", BitConverter.ToString(sha.ComputeHash(credential.GetSecret())).Replace("-", "")));
            result.Properties.Add(new PSNoteProperty("Text", credential.ToString()));
            WriteObject(result);
        }
    }
}
