using System;
using System.Globalization;

namespace BankcardOcr
{
    /// <summary>
    /// A project-scoped Huawei Cloud IAM token (docs/huaweicloud.md §7), as <c>Get-HuaweiIamToken</c> emits it and
    /// <c>Invoke-BankcardRecognition -Token</c> takes it. The token text is deliberately not a property:
    /// PowerShell's views, <c>Format-List *</c>, <c>ConvertTo-Json</c> and <c>Export-Csv</c> show properties only,
    /// so the text leaves this object only through <see cref="GetToken"/>, for a script that needs it for a
    /// header of its own (<c>X-Auth-Token</c>).
    /// </summary>
    public sealed class HuaweiIamToken
    {
        private readonly string _token;

        /// <summary>Creates a token from an IAM answer.</summary>
        /// <param name="token">The <c>X-Subject-Token</c> response header value.</param>
        /// <param name="region">The region the token was asked for.</param>
        /// <param name="projectId">The <c>token.project.id</c> of the answer.</param>
        /// <param name="projectName">The <c>token.project.name</c> of the answer.</param>
        /// <param name="userName">The IAM user name.</param>
        /// <param name="domainName">The account (domain) name.</param>
        /// <param name="issuedAt">The <c>token.issued_at</c> of the answer.</param>
        /// <param name="expiresAt">The <c>token.expires_at</c> of the answer.</param>
        /// <param name="iamEndpoint">The IAM base address that issued it.</param>
        internal HuaweiIamToken(string token, string region, string projectId, string projectName, string userName, string domainName, DateTimeOffset issuedAt, DateTimeOffset expiresAt, Uri iamEndpoint)
        {
            if (string.IsNullOrEmpty(token))
            {
                throw new ArgumentException("The token is empty.", nameof(token));
            }

            _token = token;
            Region = region ?? string.Empty;
            ProjectId = projectId ?? string.Empty;
            ProjectName = projectName ?? string.Empty;
            UserName = userName ?? string.Empty;
            DomainName = domainName ?? string.Empty;
            IssuedAt = issuedAt;
            ExpiresAt = expiresAt;
            IamEndpoint = iamEndpoint;
        }

        /// <summary>The region the token was asked for, e.g. <c>cn-north-4</c>; a regional token works only there (§7.1).</summary>
        public string Region { get; }

        /// <summary>The project id the token is scoped to (<c>token.project.id</c>); OCR calls put it in their path.</summary>
        public string ProjectId { get; }

        /// <summary>The project name, which for a region's default project is the region id.</summary>
        public string ProjectName { get; }

        /// <summary>The IAM user the token was issued to.</summary>
        public string UserName { get; }

        /// <summary>The account (domain) name.</summary>
        public string DomainName { get; }

        /// <summary>When IAM issued the token (UTC).</summary>
        public DateTimeOffset IssuedAt { get; }

        /// <summary>When the token expires (UTC); tokens last 24 hours (§7.2).</summary>
        public DateTimeOffset ExpiresAt { get; }

        /// <summary>Whether the expiry time has passed by this machine's clock.</summary>
        public bool IsExpired => DateTimeOffset.UtcNow >= ExpiresAt;

        /// <summary>The IAM base address that issued the token.</summary>
        public Uri IamEndpoint { get; }

        /// <summary>
        /// The token text, for an <c>X-Auth-Token</c> header of the caller's own. Treat it as a password: it
        /// grants the user's permissions in the project until it expires. A method rather than a property so
        /// that no formatter or serializer prints it.
        /// </summary>
        /// <returns>The token text.</returns>
        public string GetToken() => _token;

        /// <summary>Who, where and until when; never the token text.</summary>
        /// <returns>For example <c>Huawei IAM token for ocr-user@my-account, project cn-north-4, expires 2024-01-02 03:04:05Z</c>.</returns>
        public override string ToString() =>
            "Huawei IAM token for " + UserName + "@" + DomainName + ", project " + (ProjectName.Length > 0 ? ProjectName : ProjectId) +
            ", expires " + ExpiresAt.UtcDateTime.ToString("u", CultureInfo.InvariantCulture);
    }
}
