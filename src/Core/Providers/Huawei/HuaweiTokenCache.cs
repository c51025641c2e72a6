using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace BankcardOcr.Providers.Huawei
{
    /// <summary>
    /// IAM tokens kept for the session (the process), one per key. Tokens last 24 h and a new one does not
    /// revoke the old (docs/huaweicloud.md §7.2), and IAM throttles token requests (IAM.0012, §7.4), so a batch must
    /// not ask for one per image: callers that arrive while a request is in flight share it, and a token is
    /// reused until it is close to expiry. Failures are not cached.
    /// </summary>
    public sealed class HuaweiTokenCache
    {
        private static readonly TimeSpan MaxRefreshMargin = TimeSpan.FromMinutes(5);

        private readonly object _gate = new object();
        private readonly Dictionary<string, Task<HuaweiIamToken>> _entries = new Dictionary<string, Task<HuaweiIamToken>>(StringComparer.Ordinal);
        private readonly Func<DateTimeOffset> _clock;

        /// <summary>Creates an empty cache.</summary>
        /// <param name="clock">The clock freshness is judged by; the UTC system clock by default.</param>
        public HuaweiTokenCache(Func<DateTimeOffset>? clock = null)
        {
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
        }

        /// <summary>The cache the cmdlets share for the life of the module.</summary>
        public static HuaweiTokenCache Shared { get; } = new HuaweiTokenCache();

        /// <summary>
        /// How long before expiry a token is replaced: a tenth of its lifetime, at most 5 minutes. A 24 h token
        /// is renewed 5 minutes early, so a request never leaves with a token about to lapse in flight; a
        /// short-lived one (a test's, or one IAM cut short) still gets most of its life used.
        /// </summary>
        /// <param name="token">The token.</param>
        public static TimeSpan RefreshMargin(HuaweiIamToken token)
        {
            var lifetime = token.ExpiresAt - token.IssuedAt;
            if (lifetime <= TimeSpan.Zero)
            {
                return TimeSpan.Zero;
            }

            var tenth = TimeSpan.FromTicks(lifetime.Ticks / 10);
            return tenth < MaxRefreshMargin ? tenth : MaxRefreshMargin;
        }

        /// <summary>Whether <paramref name="token"/> may still be handed out.</summary>
        /// <param name="token">The token.</param>
        public bool IsFresh(HuaweiIamToken token) => _clock() < token.ExpiresAt - RefreshMargin(token);

        /// <summary>The fresh token cached under <paramref name="key"/>, or null; never starts a request.</summary>
        /// <param name="key">The cache key.</param>
        public HuaweiIamToken? Peek(string key)
        {
            lock (_gate)
            {
                return _entries.TryGetValue(key, out var entry) && entry.Status == TaskStatus.RanToCompletion && IsFresh(entry.Result) ? entry.Result : null;
            }
        }

        /// <summary>
        /// The cached token for <paramref name="key"/> when fresh; otherwise the request already in flight for
        /// it, or a new one started with <paramref name="fetch"/>.
        /// </summary>
        /// <param name="key">Identifies the endpoint, account, user, password and project.</param>
        /// <param name="fetch">Requests a token. It runs once however many callers wait, so it must not depend on one caller's cancellation.</param>
        /// <param name="force">Ignore a cached token (a request in flight is still shared: it is new anyway).</param>
        /// <param name="cancellationToken">Stops this caller's wait; the shared request goes on for the others.</param>
        public Task<HuaweiIamToken> GetAsync(string key, Func<Task<HuaweiIamToken>> fetch, bool force, CancellationToken cancellationToken)
        {
            if (fetch is null)
            {
                throw new ArgumentNullException(nameof(fetch));
            }

            TaskCompletionSource<HuaweiIamToken>? started = null;
            Task<HuaweiIamToken> task;
            lock (_gate)
            {
                if (_entries.TryGetValue(key, out var entry)
                    && (!entry.IsCompleted || (!force && entry.Status == TaskStatus.RanToCompletion && IsFresh(entry.Result))))
                {
                    task = entry;
                }
                else
                {
                    started = new TaskCompletionSource<HuaweiIamToken>(TaskCreationOptions.RunContinuationsAsynchronously);
                    task = started.Task;
                    _entries[key] = task;
                }
            }

            if (started != null)
            {
                _ = RunAsync(key, started, fetch);
            }

            return WaitAsync(task, cancellationToken);
        }

        /// <summary>
        /// Drops <paramref name="token"/> after a service refused it (APIG.0307, a 401), so the next caller
        /// fetches a new one. A newer token already cached under the key is kept: many requests refused with
        /// the same old token cause one refresh, not one each.
        /// </summary>
        /// <param name="key">The cache key.</param>
        /// <param name="token">The token that was refused.</param>
        public void Reject(string key, HuaweiIamToken token)
        {
            lock (_gate)
            {
                if (_entries.TryGetValue(key, out var entry) && entry.Status == TaskStatus.RanToCompletion && ReferenceEquals(entry.Result, token))
                {
                    _entries.Remove(key);
                }
            }
        }

        /// <summary>Forgets every token.</summary>
        public void Clear()
        {
            lock (_gate)
            {
                _entries.Clear();
            }
        }

        private async Task RunAsync(string key, TaskCompletionSource<HuaweiIamToken> completion, Func<Task<HuaweiIamToken>> fetch)
        {
            try
            {
                completion.SetResult(await fetch().ConfigureAwait(false));
            }
            catch (Exception e)
            {
                lock (_gate)
                {
                    if (_entries.TryGetValue(key, out var entry) && entry == completion.Task)
                    {
                        _entries.Remove(key);
                    }
                }

                if (e is OperationCanceledException)
                {
                    completion.SetCanceled();
                }
                else
                {
                    completion.SetException(e);
                }
            }
        }

        private static async Task<HuaweiIamToken> WaitAsync(Task<HuaweiIamToken> task, CancellationToken cancellationToken)
        {
            if (!cancellationToken.CanBeCanceled || task.IsCompleted)
            {
                return await task.ConfigureAwait(false);
            }

            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
            {
                if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
            }

            return await task.ConfigureAwait(false);
        }
    }
}
