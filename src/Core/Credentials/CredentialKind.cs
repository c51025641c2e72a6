namespace BankcardOcr.Credentials
{
    /// <summary>The shape of a credential: which pair of values a provider signs or authenticates with.</summary>
    public enum CredentialKind
    {
        /// <summary>Tencent Cloud SecretId (the key id) and SecretKey (the secret); used by API 3.0 and the legacy API.</summary>
        TencentKeys,
        /// <summary>Huawei Cloud access key (AK, the key id) and secret access key (SK, the secret).</summary>
        HuaweiAccessKeys,
        /// <summary>Huawei Cloud IAM user name (the key id), password (the secret) and account (domain) name.</summary>
        HuaweiPassword,
    }
}
