using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace BankcardOcr.Providers.Huawei
{
    /// <summary>
    /// Project ids looked up with AK/SK (<c>GET /v3/projects?name=region</c>), cached per IAM endpoint, access
    /// key and region for the session, as the SDK caches them (docs/huaweicloud.md §7.3). Concurrent callers share one
    /// lookup; a failed lookup is not cached.
    /// </summary>
    public static class HuaweiProjectIds
    {
        private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Entries = new ConcurrentDictionary<string, Lazy<Task<string>>>(StringComparer.Ordinal);

        /// <summary>The project id of <paramref name="region"/> for this access key.</summary>
        /// <param name="iamEndpoint">The IAM base address.</param>
        /// <param name="region">The region, which names the project.</param>
        /// <param name="accessKey">The AK.</param>
        /// <param name="secretKey">The SK as UTF-8; read before this method returns, never kept.</param>
        /// <param name="time">The signing time.</param>
        /// <param name="cancellationToken">Cancels the lookup.</param>
        /// <exception cref="BankcardOcrException">IAM refused, or zero or several projects matched.</exception>
        public static async Task<string> GetAsync(Uri iamEndpoint, string region, string accessKey, byte[] secretKey, DateTimeOffset time, CancellationToken cancellationToken)
        {
            var key = string.Join("\n", iamEndpoint.AbsoluteUri.TrimEnd('/'), accessKey, region);
            // entry.Value runs the lookup on this thread up to its first await, which is after signing: the
            // SK is read now, not after the caller has cleared it.
            var entry = Entries.GetOrAdd(key, _ => new Lazy<Task<string>>(() => HuaweiIamClient.LookUpProjectIdAsync(iamEndpoint, region, accessKey, secretKey, time, cancellationToken)));
            var lookup = entry.Value;
            try
            {
                return await lookup.ConfigureAwait(false);
            }
            catch
            {
                // Only this failed entry goes; a later success stored meanwhile stays.
                ((ICollection<KeyValuePair<string, Lazy<Task<string>>>>)Entries).Remove(new KeyValuePair<string, Lazy<Task<string>>>(key, entry));
                throw;
            }
        }

        /// <summary>Forgets every cached project id.</summary>
        public static void Clear() => Entries.Clear();
    }
}
