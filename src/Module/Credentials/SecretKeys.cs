namespace BankcardOcr.Credentials
{
    /// <summary>
    /// The documented keys of a hashtable secret (DESIGN.md, "Credentials"). Set-BankcardOcrSecret writes them
    /// and the resolver reads them, case-insensitively.
    /// </summary>
    internal static class SecretKeys
    {
        internal const string Provider = "Provider";
        internal const string SecretId = "SecretId";
        internal const string SecretKey = "SecretKey";
        internal const string AppId = "AppId";
        internal const string Bucket = "Bucket";
        internal const string AccessKey = "AccessKey";
        internal const string UserName = "UserName";
        internal const string Password = "Password";
        internal const string DomainName = "DomainName";
        internal const string Region = "Region";
        internal const string ProjectId = "ProjectId";

        /// <summary>The provider names a secret may carry in <see cref="Provider"/>.</summary>
        internal static readonly string[] ProviderNames = { "Tencent", "TencentLegacy", "Huawei" };

        /// <summary>The key naming the key id of <paramref name="kind"/>.</summary>
        internal static string IdKey(CredentialKind kind) => kind switch
        {
            CredentialKind.TencentKeys => SecretId,
            CredentialKind.HuaweiAccessKeys => AccessKey,
            _ => UserName,
        };

        /// <summary>The key naming the secret of <paramref name="kind"/>.</summary>
        internal static string SecretKeyFor(CredentialKind kind) =>
            kind == CredentialKind.HuaweiPassword ? Password : SecretKey;

        /// <summary>How messages describe <paramref name="kind"/>.</summary>
        internal static string Describe(CredentialKind kind) => kind switch
        {
            CredentialKind.TencentKeys => "Tencent Cloud SecretId/SecretKey",
            CredentialKind.HuaweiAccessKeys => "Huawei Cloud access key (AK/SK)",
            _ => "Huawei Cloud IAM user name/password",
        };
    }
}
