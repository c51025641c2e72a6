using System;
using System.Globalization;

namespace BankcardOcr
{
    /// <summary>
    /// A legacy Tencent signature (多次有效签名 or 单次有效签名), as <c>New-TencentOcrSignature</c> emits it. The
    /// <see cref="Authorization"/> value is a credential: it is never shown by the default view or <see cref="ToString"/>.
    /// </summary>
    public sealed class TencentOcrSignature
    {
        internal TencentOcrSignature(
            string authorization,
            string plainText,
            string appId,
            string bucket,
            string secretId,
            string fileId,
            DateTimeOffset createdAt,
            DateTimeOffset? expiresAt,
            bool isOneTime)
        {
            Authorization = authorization;
            PlainText = plainText;
            AppId = appId;
            Bucket = bucket;
            SecretId = secretId;
            FileId = fileId;
            CreatedAt = createdAt;
            ExpiresAt = expiresAt;
            IsOneTime = isOneTime;
        }

        /// <summary>The value of the <c>Authorization</c> header: Base64 of the HMAC-SHA1 bytes followed by <see cref="PlainText"/>.</summary>
        public string Authorization { get; }

        /// <summary>The signed original string <c>a=…&amp;b=…&amp;k=…&amp;e=…&amp;t=…&amp;r=…&amp;u=…&amp;f=…</c>; it holds no secret.</summary>
        public string PlainText { get; }

        /// <summary>The AppId (<c>a</c>).</summary>
        public string AppId { get; }

        /// <summary>The bucket (<c>b</c>), possibly empty.</summary>
        public string Bucket { get; }

        /// <summary>The SecretId (<c>k</c>), an identifier, not a secret.</summary>
        public string SecretId { get; }

        /// <summary>The file id (<c>f</c>), empty for multi-use signatures.</summary>
        public string FileId { get; }

        /// <summary>When the signature was made (<c>t</c>).</summary>
        public DateTimeOffset CreatedAt { get; }

        /// <summary>When it expires (<c>e</c>); null for a one-time signature (<c>e=0</c>).</summary>
        public DateTimeOffset? ExpiresAt { get; }

        /// <summary>True for a 单次有效签名 (one-time, bound to <see cref="FileId"/>).</summary>
        public bool IsOneTime { get; }

        /// <summary>A description without the signature.</summary>
        public override string ToString() => IsOneTime
            ? string.Format(CultureInfo.InvariantCulture, "One-time Tencent signature for AppId {0}, file {1}", AppId, FileId)
            : string.Format(CultureInfo.InvariantCulture, "Tencent signature for AppId {0}, valid until {1:u}", AppId, ExpiresAt);
    }
}
