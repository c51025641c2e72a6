using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BankcardOcr.Cloud;

namespace BankcardOcr.Providers.TencentLegacy
{
    /// <summary>
    /// Builds the legacy image/OCR signatures of docs/tencentcloud.md §6
    /// (https://cloud.tencent.com/document/product/866/17734): the multi-use 多次有效签名 the <c>/ocr/bankcard</c> API
    /// expects, and the one-time 单次有效签名.
    /// </summary>
    public static class TencentLegacySigner
    {
        /// <summary>The user id <c>u</c> the documents fix: legacy, always <c>0</c> (docs/tencentcloud.md §6.1).</summary>
        public const string DefaultUserId = "0";

        /// <summary>
        /// The longest multi-use lifetime accepted: the documents say "at most three months" without a figure in
        /// seconds, so this takes the shortest reading, 90 days, rather than risk a signature the service refuses.
        /// </summary>
        public static readonly TimeSpan MaximumLifetime = TimeSpan.FromDays(90);

        // The PHP SDK (tencentyun/image-php-sdk Auth.php) caps userid at 64 characters.
        private const int MaximumUserIdLength = 64;

        /// <summary>Creates a multi-use signature valid for <paramref name="lifetime"/> from <paramref name="createdAt"/>.</summary>
        /// <param name="appId">The APPID (<c>a</c>).</param>
        /// <param name="secretId">The SecretId (<c>k</c>); surrounding whitespace is removed.</param>
        /// <param name="secretKey">The SecretKey as UTF-8 bytes; read, never changed.</param>
        /// <param name="createdAt">The current time (<c>t</c>), truncated to whole seconds.</param>
        /// <param name="lifetime">How long the signature stays valid; more than zero and at most <see cref="MaximumLifetime"/>.</param>
        /// <param name="nonce">The random value <c>r</c>; use a fresh one per signature (<see cref="NewNonce"/>).</param>
        /// <param name="bucket">The bucket (<c>b</c>); legacy, may be null or empty.</param>
        /// <param name="fileId">The file id (<c>f</c>); empty for OCR.</param>
        /// <param name="userId">The user id (<c>u</c>), <c>0</c> as documented.</param>
        /// <exception cref="ArgumentException">A field is missing or would change the signed fields.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The lifetime is not positive or exceeds <see cref="MaximumLifetime"/>.</exception>
        public static TencentLegacySignature CreateMultiUse(
            string appId,
            string secretId,
            byte[] secretKey,
            DateTimeOffset createdAt,
            TimeSpan lifetime,
            uint nonce,
            string? bucket = null,
            string? fileId = null,
            string userId = DefaultUserId)
        {
            if (lifetime <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(lifetime), "The signature lifetime must be more than zero.");
            }

            if (lifetime > MaximumLifetime)
            {
                throw new ArgumentOutOfRangeException(nameof(lifetime), "The signature lifetime may be at most 90 days (the documented three months).");
            }

            return CreateMultiUse(appId, secretId, secretKey, createdAt, createdAt + lifetime, nonce, bucket, fileId, userId);
        }

        /// <summary>Creates a multi-use signature that expires at <paramref name="expiresAt"/>.</summary>
        /// <param name="appId">The APPID (<c>a</c>).</param>
        /// <param name="secretId">The SecretId (<c>k</c>); surrounding whitespace is removed.</param>
        /// <param name="secretKey">The SecretKey as UTF-8 bytes; read, never changed.</param>
        /// <param name="createdAt">The current time (<c>t</c>), truncated to whole seconds.</param>
        /// <param name="expiresAt">The expiry (<c>e</c>), truncated to whole seconds; later than <paramref name="createdAt"/> by at most <see cref="MaximumLifetime"/>.</param>
        /// <param name="nonce">The random value <c>r</c>; use a fresh one per signature (<see cref="NewNonce"/>).</param>
        /// <param name="bucket">The bucket (<c>b</c>); legacy, may be null or empty.</param>
        /// <param name="fileId">The file id (<c>f</c>); empty for OCR.</param>
        /// <param name="userId">The user id (<c>u</c>), <c>0</c> as documented.</param>
        /// <exception cref="ArgumentException">A field is missing or would change the signed fields.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The expiry is not after the signing time or too far after it.</exception>
        public static TencentLegacySignature CreateMultiUse(
            string appId,
            string secretId,
            byte[] secretKey,
            DateTimeOffset createdAt,
            DateTimeOffset expiresAt,
            uint nonce,
            string? bucket = null,
            string? fileId = null,
            string userId = DefaultUserId)
        {
            var t = ToUnixSeconds(createdAt, nameof(createdAt));
            var e = ToUnixSeconds(expiresAt, nameof(expiresAt));

            // §6.1: e must be greater than t; e=0 is reserved for one-time signatures.
            if (e <= t)
            {
                throw new ArgumentOutOfRangeException(nameof(expiresAt), "The expiry must be at least one second after the signing time.");
            }

            if (e - t > (long)MaximumLifetime.TotalSeconds)
            {
                throw new ArgumentOutOfRangeException(nameof(expiresAt), "The expiry may be at most 90 days (the documented three months) after the signing time.");
            }

            return Sign(appId, secretId, secretKey, t, e, nonce, bucket, fileId, userId);
        }

        /// <summary>Creates a one-time signature (<c>e=0</c>) bound to <paramref name="fileId"/>.</summary>
        /// <param name="appId">The APPID (<c>a</c>).</param>
        /// <param name="secretId">The SecretId (<c>k</c>); surrounding whitespace is removed.</param>
        /// <param name="secretKey">The SecretKey as UTF-8 bytes; read, never changed.</param>
        /// <param name="fileId">The file the signature is bound to (<c>f</c>); required.</param>
        /// <param name="createdAt">The current time (<c>t</c>), truncated to whole seconds.</param>
        /// <param name="nonce">The random value <c>r</c>; use a fresh one per signature (<see cref="NewNonce"/>).</param>
        /// <param name="bucket">The bucket (<c>b</c>); legacy, may be null or empty.</param>
        /// <param name="userId">The user id (<c>u</c>), <c>0</c> as documented.</param>
        /// <exception cref="ArgumentException">A field is missing, including the file id, or would change the signed fields.</exception>
        public static TencentLegacySignature CreateOneTime(
            string appId,
            string secretId,
            byte[] secretKey,
            string fileId,
            DateTimeOffset createdAt,
            uint nonce,
            string? bucket = null,
            string userId = DefaultUserId)
        {
            if (string.IsNullOrEmpty(fileId))
            {
                // §6.1: a one-time signature must name the file it is for.
                throw new ArgumentException("A one-time signature must be bound to a file id.", nameof(fileId));
            }

            return Sign(appId, secretId, secretKey, ToUnixSeconds(createdAt, nameof(createdAt)), 0, nonce, bucket, fileId, userId);
        }

        /// <summary>A random value for <c>r</c> from a cryptographic generator.</summary>
        public static uint NewNonce()
        {
            var bytes = new byte[4];
            using (var generator = RandomNumberGenerator.Create())
            {
                generator.GetBytes(bytes);
            }

            return BitConverter.ToUInt32(bytes, 0);
        }

        private static TencentLegacySignature Sign(
            string appId, string secretId, byte[] secretKey, long t, long e, uint nonce, string? bucket, string? fileId, string userId)
        {
            var id = (secretId ?? throw new ArgumentNullException(nameof(secretId))).Trim();
            RequireField(appId, nameof(appId), required: true);
            RequireField(id, nameof(secretId), required: true);
            RequireField(bucket, nameof(bucket), required: false);
            RequireField(fileId, nameof(fileId), required: false);
            RequireField(userId, nameof(userId), required: true);
            if (userId.Length > MaximumUserIdLength)
            {
                throw new ArgumentException("The user id may be at most 64 characters.", nameof(userId));
            }

            // §6.1 and §6.2: the documented full order a,b,k,e,t,r,u,f, ending in u=0&f= for OCR.
            var plainText = string.Format(
                CultureInfo.InvariantCulture,
                "a={0}&b={1}&k={2}&e={3}&t={4}&r={5}&u={6}&f={7}",
                appId, bucket ?? string.Empty, id, e, t, nonce, userId, fileId ?? string.Empty);
            var plainBytes = Encoding.UTF8.GetBytes(plainText);

            var key = SigningKeyBytes.CopyTrimmed(secretKey, nameof(secretKey));
            byte[] digest;
            try
            {
                using var hmac = new HMACSHA1(key);
                digest = hmac.ComputeHash(plainBytes);
            }
            finally
            {
                Array.Clear(key, 0, key.Length);
            }

            // §6.1: the raw 20-byte digest, not its hex, then the original string, in standard Base64.
            var signed = new byte[digest.Length + plainBytes.Length];
            Buffer.BlockCopy(digest, 0, signed, 0, digest.Length);
            Buffer.BlockCopy(plainBytes, 0, signed, digest.Length, plainBytes.Length);

            return new TencentLegacySignature(
                Convert.ToBase64String(signed),
                plainText,
                appId,
                bucket ?? string.Empty,
                id,
                fileId ?? string.Empty,
                userId,
                nonce,
                DateTimeOffset.FromUnixTimeSeconds(t),
                e == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(e));
        }

        private static void RequireField(string? value, string parameterName, bool required)
        {
            if (string.IsNullOrEmpty(value))
            {
                if (required)
                {
                    throw new ArgumentException("The value is required for the legacy signature.", parameterName);
                }

                return;
            }

            foreach (var c in value!)
            {
                // The fields are joined unescaped, so '&' or '=' would let one field read as another.
                if (c == '&' || c == '=' || char.IsControl(c))
                {
                    throw new ArgumentException("The value contains '&', '=' or a control character, which would change the signed fields.", parameterName);
                }
            }
        }

        private static long ToUnixSeconds(DateTimeOffset time, string parameterName)
        {
            var seconds = time.ToUnixTimeSeconds();
            if (seconds <= 0)
            {
                throw new ArgumentOutOfRangeException(parameterName, "The time must be after 1970-01-01 UTC.");
            }

            return seconds;
        }
    }
}
