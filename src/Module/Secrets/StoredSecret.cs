using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Security;
using System.Text;
using BankcardOcr.Cloud.Credentials;

namespace BankcardOcr.Secrets
{
    /// <summary>
    /// A secret read from SecretManagement: a PSCredential, or a hashtable with the documented keys. Its
    /// non-secret settings (Provider, Region, ProjectId, AppId, Bucket, DomainName) can be read before the
    /// credential is built, so a cmdlet can pick its provider from the secret without asking the vault twice.
    /// </summary>
    internal sealed class StoredSecret
    {
        private readonly PSCredential? _credential;
        private readonly Dictionary<string, object> _values = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);

        private StoredSecret(string name, string? vault, object value)
        {
            Name = name;
            Vault = vault;
            Source = SecretManagementClient.DescribeSecret(name, vault);
            if (value is PSCredential credential)
            {
                _credential = credential;
                return;
            }

            if (!(value is IDictionary table))
            {
                // The type name tells the user what is stored; the value itself is never shown.
                throw CredentialErrors.Invalid(
                    $"{Source} is a {value.GetType().Name}; BankcardOcr needs a PSCredential or a hashtable with the documented keys.", name);
            }

            foreach (DictionaryEntry entry in table)
            {
                var v = entry.Value is PSObject o ? o.BaseObject : entry.Value;
                if (v != null && entry.Key?.ToString() is string key)
                {
                    _values[key] = v;
                }
            }

            Provider = Setting(SecretKeys.Provider);
            if (Provider != null)
            {
                // A provider name is not secret, so it may be echoed to explain the error.
                var names = SecretKeys.ProviderNames;
                Provider = names.FirstOrDefault(p => p.Equals(Provider, StringComparison.OrdinalIgnoreCase))
                    ?? throw CredentialErrors.Invalid(
                        $"{Source} names Provider '{Provider}'; expected one of {string.Join(", ", names)}.", name);
            }
        }

        /// <summary>The secret's name.</summary>
        internal string Name { get; }

        /// <summary>The vault named by the caller, or null for SecretManagement's default search.</summary>
        internal string? Vault { get; }

        /// <summary>How messages name this secret.</summary>
        internal string Source { get; }

        /// <summary>The <c>Provider</c> key of a hashtable secret, canonically cased, or null.</summary>
        internal string? Provider { get; }

        /// <summary>The <c>Region</c> key, or null.</summary>
        internal string? Region => Setting(SecretKeys.Region);

        /// <summary>The <c>ProjectId</c> key, or null.</summary>
        internal string? ProjectId => Setting(SecretKeys.ProjectId);

        /// <summary>The <c>AppId</c> key, or null.</summary>
        internal string? AppId => Setting(SecretKeys.AppId);

        /// <summary>The <c>Bucket</c> key, or null.</summary>
        internal string? Bucket => Setting(SecretKeys.Bucket);

        /// <summary>The <c>DomainName</c> key, or null.</summary>
        internal string? DomainName => Setting(SecretKeys.DomainName);

        /// <summary>Reads and checks secret <paramref name="name"/> through SecretManagement's Get-Secret.</summary>
        /// <exception cref="CredentialErrorException">SecretManagementNotAvailable, CredentialNotFound or InvalidSecret.</exception>
        internal static StoredSecret Read(string name, string? vault) =>
            new StoredSecret(name, vault, SecretManagementClient.GetSecret(name, vault));

        /// <summary>Builds the credential of the first kind in <paramref name="kinds"/> whose key id the secret holds.</summary>
        /// <exception cref="CredentialErrorException">InvalidSecret, naming the missing keys.</exception>
        internal ProviderCredential ToCredential(IReadOnlyList<CredentialKind> kinds)
        {
            if (_credential != null)
            {
                // A PSCredential carries no hint of its kind; the command's first choice is what the user meant.
                return CredentialConversion.FromPSCredential(_credential, kinds[0], Source, Name);
            }

            // With no key id present, report against the command's first choice: that is what the user most likely meant.
            var kind = kinds.Where(k => Setting(k.IdKey) != null).DefaultIfEmpty(kinds[0]).First();
            var missing = new List<string>();
            if (Setting(kind.IdKey) == null)
            {
                missing.Add(kind.IdKey);
            }

            if (!_values.TryGetValue(kind.SecretKey, out var secretValue) || IsEmpty(secretValue))
            {
                missing.Add(kind.SecretKey);
            }

            if (missing.Count > 0)
            {
                var accepted = string.Join(" or ", kinds.Select(k => $"{k.Description} ({k.IdKey}, {k.SecretKey})"));
                throw CredentialErrors.Invalid(
                    $"{Source} lacks the key{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(k => "'" + k + "'"))}. " +
                    $"This command needs {accepted}. Keys present: {(_values.Count == 0 ? "none" : string.Join(", ", _values.Keys.OrderBy(k => k, StringComparer.OrdinalIgnoreCase)))}.",
                    Name);
            }

            var secret = SecretBytes(kind.SecretKey);
            return new ProviderCredential(kind, Setting(kind.IdKey)!, secret, Source)
            {
                Provider = Provider,
                AppId = AppId,
                Bucket = Bucket,
                Region = Region,
                ProjectId = ProjectId,
                DomainName = DomainName,
            };
        }

        private string? Setting(string key)
        {
            if (!_values.TryGetValue(key, out var value))
            {
                return null;
            }

            // Identifiers and settings are not secret, so a SecureString holding one may become a string.
            var text = value switch
            {
                SecureString s => Encoding.UTF8.GetString(SecureStringEncoding.ToUtf8Bytes(s)),
                string s => s,
                IConvertible c when !(value is Array) => c.ToString(CultureInfo.InvariantCulture),
                _ => throw CredentialErrors.Invalid($"{Source}: key '{key}' holds a {value.GetType().Name}; expected a string or SecureString.", Name),
            };
            return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        }

        private byte[] SecretBytes(string key) => _values[key] switch
        {
            SecureString s => SecureStringEncoding.ToUtf8Bytes(s),
            string s => Encoding.UTF8.GetBytes(s),
            var other => throw CredentialErrors.Invalid($"{Source}: key '{key}' holds a {other.GetType().Name}; expected a string or SecureString.", Name),
        };

        private static bool IsEmpty(object value) => value switch
        {
            SecureString s => s.Length == 0,
            string s => s.Length == 0,
            _ => false,
        };
    }
}
