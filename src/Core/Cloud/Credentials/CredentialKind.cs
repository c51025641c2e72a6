using System;
using System.Collections.Generic;

namespace BankcardOcr.Cloud.Credentials
{
    /// <summary>
    /// The shape of a credential: which pair of values a provider signs or authenticates with, under which keys a
    /// hashtable secret holds them, and which environment variables the vendor's SDKs read them from. Each provider
    /// declares the kinds it accepts in its descriptor; nothing outside the provider's folder names a kind.
    /// </summary>
    public sealed class CredentialKind
    {
        /// <summary>Creates a kind.</summary>
        /// <param name="name">A short name for messages and tests, e.g. <c>TencentKeys</c>.</param>
        /// <param name="description">How messages name it, e.g. <c>Tencent Cloud SecretId/SecretKey</c>.</param>
        /// <param name="idKey">The hashtable secret's key for the key id (shown), e.g. <c>SecretId</c>.</param>
        /// <param name="secretKey">The hashtable secret's key for the secret (never shown), e.g. <c>SecretKey</c>.</param>
        public CredentialKind(string name, string description, string idKey, string secretKey)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Description = description ?? throw new ArgumentNullException(nameof(description));
            IdKey = idKey ?? throw new ArgumentNullException(nameof(idKey));
            SecretKey = secretKey ?? throw new ArgumentNullException(nameof(secretKey));
        }

        /// <summary>A short name, e.g. <c>TencentKeys</c>.</summary>
        public string Name { get; }

        /// <summary>How messages name the kind, e.g. <c>Huawei Cloud access key (AK/SK)</c>.</summary>
        public string Description { get; }

        /// <summary>The hashtable secret's key holding the key id.</summary>
        public string IdKey { get; }

        /// <summary>The hashtable secret's key holding the secret.</summary>
        public string SecretKey { get; }

        /// <summary>The environment variable holding the key id, as the vendor's SDKs read it; null when none is read.</summary>
        public string? IdVariable { get; set; }

        /// <summary>The environment variable holding the secret; null when none is read.</summary>
        public string? SecretVariable { get; set; }

        /// <summary>
        /// Settings read from environment variables beside the pair, by secret key (e.g. <c>ProjectId</c> from
        /// <c>HUAWEICLOUD_SDK_PROJECT_ID</c>).
        /// </summary>
        public IReadOnlyDictionary<string, string> SettingVariables { get; set; } = new Dictionary<string, string>();

        /// <summary>The account (domain) name must come with it: an IAM user name and password.</summary>
        public bool NeedsDomainName { get; set; }

        /// <summary>The name.</summary>
        /// <returns><see cref="Name"/>.</returns>
        public override string ToString() => Name;
    }
}
