using System;

namespace BankcardOcr.Cloud.Credentials
{
    /// <summary>
    /// A resolved cloud credential: a key id, which identifies the key and may be shown, and a secret kept as
    /// UTF-8 bytes so it can feed an HMAC or a request body without ever becoming a string. Dispose it as soon
    /// as the request is signed: the secret bytes are zeroed.
    /// </summary>
    public sealed class ProviderCredential : IDisposable
    {
        private readonly byte[] _secret;
        private bool _disposed;

        /// <summary>Creates a credential that takes ownership of <paramref name="secret"/> (it is zeroed on Dispose).</summary>
        /// <param name="kind">The shape of the credential.</param>
        /// <param name="keyId">SecretId, access key or IAM user name.</param>
        /// <param name="secret">UTF-8 bytes of the SecretKey, secret access key or password.</param>
        /// <param name="source">Where the credential came from, for messages; never a value.</param>
        public ProviderCredential(CredentialKind kind, string keyId, byte[] secret, string source)
        {
            if (string.IsNullOrEmpty(keyId))
            {
                throw new ArgumentException("The key id is empty.", nameof(keyId));
            }

            Kind = kind;
            KeyId = keyId;
            _secret = secret ?? throw new ArgumentNullException(nameof(secret));
            Source = source ?? throw new ArgumentNullException(nameof(source));
        }

        /// <summary>The shape of the credential.</summary>
        public CredentialKind Kind { get; }

        /// <summary>SecretId, access key (AK) or IAM user name: identifies the key, is not itself secret.</summary>
        public string KeyId { get; }

        /// <summary>Where the credential came from, e.g. <c>secret 'ocr' in vault 'Store'</c>.</summary>
        public string Source { get; }

        /// <summary>The <c>Provider</c> named by a hashtable secret (<c>Tencent</c>, <c>TencentLegacy</c>, <c>Huawei</c>), or null.</summary>
        public string? Provider { get; set; }

        /// <summary>Tencent legacy AppId, when the secret or the caller gave one.</summary>
        public string? AppId { get; set; }

        /// <summary>Tencent legacy bucket, when given.</summary>
        public string? Bucket { get; set; }

        /// <summary>Region, when given.</summary>
        public string? Region { get; set; }

        /// <summary>Huawei project id, when given.</summary>
        public string? ProjectId { get; set; }

        /// <summary>Huawei account (domain) name for the IAM password form, when given.</summary>
        public string? DomainName { get; set; }

        /// <summary>
        /// Sets the setting a hashtable secret or an environment variable holds under <paramref name="key"/>
        /// (<c>Region</c>, <c>ProjectId</c>, <c>AppId</c>, <c>Bucket</c>, <c>DomainName</c>, in any case); other keys are ignored.
        /// </summary>
        /// <param name="key">The secret key.</param>
        /// <param name="value">The value, or null to leave the setting as it is.</param>
        public void SetSetting(string key, string? value)
        {
            if (value is null)
            {
                return;
            }

            switch (key.ToUpperInvariant())
            {
                case "REGION": Region = value; break;
                case "PROJECTID": ProjectId = value; break;
                case "APPID": AppId = value; break;
                case "BUCKET": Bucket = value; break;
                case "DOMAINNAME": DomainName = value; break;
            }
        }

        /// <summary>
        /// The secret's UTF-8 bytes. This is the credential's own array, not a copy, so that no copy is left
        /// unzeroed: use it to key an HMAC or write a request body, and do not keep it. A method rather than a
        /// property because PowerShell formatting and serializers (Format-List, ConvertTo-Json, Export-Csv) show
        /// properties, and this object must never show its secret even if it reaches the pipeline.
        /// </summary>
        /// <returns>The secret bytes.</returns>
        /// <exception cref="ObjectDisposedException">The credential was disposed and its secret zeroed.</exception>
        public byte[] GetSecret()
        {
            if (_disposed)
            {
                // Signing with a zeroed key would only surface later as a baffling authentication failure.
                throw new ObjectDisposedException(nameof(ProviderCredential));
            }

            return _secret;
        }

        /// <summary>The key id and the source, never the secret.</summary>
        /// <returns>For example <c>AKIDexample (parameter -Credential)</c>.</returns>
        public override string ToString() => $"{KeyId} ({Source})";

        /// <summary>Zeroes the secret bytes.</summary>
        public void Dispose()
        {
            Array.Clear(_secret, 0, _secret.Length);
            _disposed = true;
        }
    }
}
