using System;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace BankcardOcr.Providers.Huawei
{
    /// <summary>
    /// Where the provider's <c>X-Auth-Token</c> comes from: a token the user passed (<c>-Token</c>), which
    /// cannot be renewed, or an IAM user's password, renewed through the shared <see cref="HuaweiTokenCache"/>.
    /// </summary>
    public sealed class HuaweiTokenSource : IDisposable
    {
        // Keys the password's fingerprint in cache keys: the same user with a wrong password must not be
        // handed the right password's token, and the key must not be a plain hash anyone could test guesses against.
        private static readonly byte[] FingerprintKey = CreateFingerprintKey();

        private readonly HuaweiIamToken? _fixed;
        private readonly byte[] _password = Array.Empty<byte>();
        private readonly HuaweiTokenCache _cache;
        private int _fixedRejected;

        private HuaweiTokenSource(HuaweiIamToken token)
        {
            _fixed = token;
            _cache = HuaweiTokenCache.Shared;
            CacheKey = string.Empty;
            IamEndpoint = token.IamEndpoint;
            UserName = token.UserName;
            DomainName = token.DomainName;
            Region = token.Region;
        }

        private HuaweiTokenSource(Uri iamEndpoint, string userName, byte[] password, string domainName, HuaweiProjectScope scope, string region, HuaweiTokenCache cache)
        {
            IamEndpoint = iamEndpoint ?? throw new ArgumentNullException(nameof(iamEndpoint));
            UserName = userName;
            DomainName = domainName;
            Scope = scope ?? throw new ArgumentNullException(nameof(scope));
            Region = region;
            _password = (byte[])password.Clone();
            _cache = cache;
            CacheKey = string.Join("\n", iamEndpoint.AbsoluteUri.TrimEnd('/'), domainName, userName, scope.ToString(), Fingerprint(password));
        }

        /// <summary>The IAM base address tokens come from.</summary>
        public Uri IamEndpoint { get; }

        /// <summary>The IAM user.</summary>
        public string UserName { get; }

        /// <summary>The account name.</summary>
        public string DomainName { get; }

        /// <summary>The project tokens are requested for; null for a token passed in.</summary>
        public HuaweiProjectScope? Scope { get; }

        /// <summary>The region recorded on tokens.</summary>
        public string Region { get; }

        /// <summary>Whether a refused token can be replaced (false for a token passed in).</summary>
        public bool CanRenew => _fixed is null;

        /// <summary>The maximum time one IAM request may take.</summary>
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

        internal string CacheKey { get; }

        /// <summary>Uses a token obtained earlier; it is never renewed.</summary>
        /// <param name="token">The token.</param>
        public static HuaweiTokenSource FromToken(HuaweiIamToken token) =>
            new HuaweiTokenSource(token ?? throw new ArgumentNullException(nameof(token)));

        /// <summary>Obtains tokens with an IAM user's password (docs/huaweicloud.md §7.1); the password is copied and cleared on Dispose.</summary>
        /// <param name="iamEndpoint">The IAM base address.</param>
        /// <param name="userName">The IAM user name.</param>
        /// <param name="password">The password as UTF-8.</param>
        /// <param name="domainName">The account name.</param>
        /// <param name="scope">The project.</param>
        /// <param name="region">The region recorded on tokens.</param>
        /// <param name="cache">The cache; <see cref="HuaweiTokenCache.Shared"/> by default.</param>
        public static HuaweiTokenSource FromPassword(Uri iamEndpoint, string userName, byte[] password, string domainName, HuaweiProjectScope scope, string region, HuaweiTokenCache? cache = null)
        {
            if (string.IsNullOrWhiteSpace(userName))
            {
                throw new ArgumentException("The IAM user name is required.", nameof(userName));
            }

            if (string.IsNullOrWhiteSpace(domainName))
            {
                throw new ArgumentException("The account (domain) name is required; it is the account name, not the IAM user name.", nameof(domainName));
            }

            if (password is null || password.Length == 0)
            {
                throw new ArgumentException("The password is required.", nameof(password));
            }

            return new HuaweiTokenSource(iamEndpoint, userName.Trim(), password, domainName.Trim(), scope, region ?? string.Empty, cache ?? HuaweiTokenCache.Shared);
        }

        /// <summary>The fresh cached token, or null when the next <see cref="GetTokenAsync"/> would ask IAM.</summary>
        public HuaweiIamToken? Peek() => _fixed ?? _cache.Peek(CacheKey);

        /// <summary>A token to send: cached while fresh, else requested (one request however many callers wait).</summary>
        /// <param name="force">Ask IAM even when a fresh token is cached.</param>
        /// <param name="cancellationToken">Stops this caller's wait.</param>
        /// <exception cref="BankcardOcrException">IAM refused, or the token passed in was refused and cannot be renewed.</exception>
        public Task<HuaweiIamToken> GetTokenAsync(bool force, CancellationToken cancellationToken)
        {
            if (_fixed != null)
            {
                if (Volatile.Read(ref _fixedRejected) != 0 || _fixed.IsExpired)
                {
                    throw new BankcardOcrException(
                        BankcardOcrErrorKind.AuthenticationFailed,
                        $"The IAM token passed with -Token {(_fixed.IsExpired ? "expired at " + _fixed.ExpiresAt.UtcDateTime.ToString("u", System.Globalization.CultureInfo.InvariantCulture) : "was refused (expired early, or for another region)")}; get a new one with Get-HuaweiIamToken -Force.",
                        HuaweiProvider.ProviderName);
                }

                return Task.FromResult(_fixed);
            }

            return _cache.GetAsync(CacheKey, FetchAsync, force, cancellationToken);
        }

        /// <summary>Forgets a token a service refused, so the next <see cref="GetTokenAsync"/> renews it.</summary>
        /// <param name="token">The refused token.</param>
        public void Reject(HuaweiIamToken token)
        {
            if (_fixed != null)
            {
                Interlocked.Exchange(ref _fixedRejected, 1);
                return;
            }

            _cache.Reject(CacheKey, token);
        }

        /// <summary>Clears the copy of the password.</summary>
        public void Dispose() => Array.Clear(_password, 0, _password.Length);

        private async Task<HuaweiIamToken> FetchAsync()
        {
            // Shared by every waiting caller, so it has its own time limit rather than one caller's token.
            using var timeout = new CancellationTokenSource(RequestTimeout);
            try
            {
                return await HuaweiIamClient.RequestTokenAsync(IamEndpoint, UserName, _password, DomainName, Scope!, Region, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (timeout.IsCancellationRequested)
            {
                throw new BankcardOcrException(
                    BankcardOcrErrorKind.Timeout,
                    $"Huawei IAM did not issue a token within {RequestTimeout.TotalSeconds:0} s.",
                    HuaweiProvider.ProviderName,
                    isRetryable: true,
                    innerException: e);
            }
        }

        private static string Fingerprint(byte[] password)
        {
            using var hmac = new HMACSHA256(FingerprintKey);
            return Convert.ToBase64String(hmac.ComputeHash(password));
        }

        private static byte[] CreateFingerprintKey()
        {
            var key = new byte[32];
            using (var random = RandomNumberGenerator.Create())
            {
                random.GetBytes(key);
            }

            return key;
        }
    }
}
