using System;
using System.Globalization;

namespace BankcardOcr.Providers.TencentLegacy
{
    /// <summary>
    /// A legacy Tencent signature (多次有效签名 or 单次有效签名) and the fields it was made from. The signature
    /// is a credential until it expires: <see cref="ToString"/> never shows it.
    /// </summary>
    public sealed class TencentLegacySignature
    {
        internal TencentLegacySignature(
            string authorization,
            string plainText,
            string appId,
            string bucket,
            string secretId,
            string fileId,
            string userId,
            uint nonce,
            DateTimeOffset createdAt,
            DateTimeOffset? expiresAt)
        {
            Authorization = authorization;
            PlainText = plainText;
            AppId = appId;
            Bucket = bucket;
            SecretId = secretId;
            FileId = fileId;
            UserId = userId;
            Nonce = nonce;
            CreatedAt = createdAt;
            ExpiresAt = expiresAt;
        }

        /// <summary>
        /// The signature, standard Base64 of the HMAC-SHA1 digest followed by <see cref="PlainText"/>; sent as the
        /// bare <c>Authorization</c> header value, with no scheme prefix (docs/tencentcloud.md §5.1).
        /// </summary>
        public string Authorization { get; }

        /// <summary>The signed original string <c>a=…&amp;b=…&amp;k=…&amp;e=…&amp;t=…&amp;r=…&amp;u=…&amp;f=…</c>; it holds no secret.</summary>
        public string PlainText { get; }

        /// <summary>The APPID (<c>a</c>).</summary>
        public string AppId { get; }

        /// <summary>The bucket (<c>b</c>), empty when none was given.</summary>
        public string Bucket { get; }

        /// <summary>The SecretId (<c>k</c>).</summary>
        public string SecretId { get; }

        /// <summary>The file id the signature is bound to (<c>f</c>), empty when none.</summary>
        public string FileId { get; }

        /// <summary>The user id (<c>u</c>), <c>0</c> unless given.</summary>
        public string UserId { get; }

        /// <summary>The random value (<c>r</c>).</summary>
        public uint Nonce { get; }

        /// <summary>The signing time (<c>t</c>), whole seconds, UTC.</summary>
        public DateTimeOffset CreatedAt { get; }

        /// <summary>When a multi-use signature stops being accepted (<c>e</c>), UTC; null for a one-time signature (<c>e=0</c>).</summary>
        public DateTimeOffset? ExpiresAt { get; }

        /// <summary>Whether this is a one-time signature (<c>e=0</c>, bound to <see cref="FileId"/>).</summary>
        public bool IsOneTime => ExpiresAt is null;

        /// <summary>The object New-TencentOcrSignature emits for this signature.</summary>
        internal TencentOcrSignature ToOutput() =>
            new TencentOcrSignature(Authorization, PlainText, AppId, Bucket, SecretId, FileId, CreatedAt, ExpiresAt, IsOneTime);

        /// <summary>Describes the signature without revealing it.</summary>
        public override string ToString() => IsOneTime
            ? string.Format(CultureInfo.InvariantCulture, "TencentLegacySignature for AppId {0}, one-time, file {1}", AppId, FileId)
            : string.Format(CultureInfo.InvariantCulture, "TencentLegacySignature for AppId {0} expiring {1:yyyy-MM-dd HH:mm:ss}Z", AppId, ExpiresAt!.Value.UtcDateTime);
    }
}
