using System.Linq;
using BankcardOcr.Engine;

namespace BankcardOcr.Secrets
{
    /// <summary>
    /// The documented keys of a hashtable secret (docs/design.md, "Public contract") besides each credential kind's own
    /// pair, which its <see cref="BankcardOcr.Cloud.Credentials.CredentialKind"/> names. Set-BankcardOcrSecret writes them and the
    /// resolver reads them, case-insensitively.
    /// </summary>
    internal static class SecretKeys
    {
        internal const string Provider = "Provider";
        internal const string AppId = "AppId";
        internal const string Bucket = "Bucket";
        internal const string DomainName = "DomainName";
        internal const string Region = "Region";
        internal const string ProjectId = "ProjectId";

        /// <summary>The provider names a secret may carry in <see cref="Provider"/>: those that take a credential.</summary>
        internal static string[] ProviderNames => ProviderRegistry.All.Where(d => d.CredentialKinds.Count > 0).Select(d => d.Name).ToArray();
    }
}
