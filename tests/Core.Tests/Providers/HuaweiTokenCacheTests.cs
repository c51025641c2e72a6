using BankcardOcr.Providers.Huawei;

namespace BankcardOcr.Core.Tests.Providers;

/// <summary>The session's IAM token cache: shared fetches, refresh ahead of expiry, force, rejection.</summary>
public class HuaweiTokenCacheTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private DateTimeOffset _now = Start;
    private int _fetches;

    [Fact]
    public async Task ConcurrentCallersShareOneFetch()
    {
        var cache = new HuaweiTokenCache(() => _now);
        var release = new TaskCompletionSource<HuaweiIamToken>();
        Task<HuaweiIamToken> Fetch()
        {
            Interlocked.Increment(ref _fetches);
            return release.Task;
        }

        var waiters = Enumerable.Range(0, 100).Select(_ => Task.Run(() => cache.GetAsync("k", Fetch, force: false, CancellationToken.None))).ToArray();
        release.SetResult(Token(TimeSpan.FromHours(24)));
        var tokens = await Task.WhenAll(waiters);
        Assert.Equal(1, _fetches);
        Assert.All(tokens, t => Assert.Same(tokens[0], t));
    }

    [Fact]
    public async Task FreshTokenIsReusedAndRefreshedFiveMinutesBeforeExpiry()
    {
        var cache = new HuaweiTokenCache(() => _now);
        var first = await cache.GetAsync("k", Counting(TimeSpan.FromHours(24)), false, CancellationToken.None);
        _now = Start + TimeSpan.FromHours(24) - TimeSpan.FromMinutes(6);
        Assert.Same(first, await cache.GetAsync("k", Counting(TimeSpan.FromHours(24)), false, CancellationToken.None));
        _now = Start + TimeSpan.FromHours(24) - TimeSpan.FromMinutes(4);
        Assert.NotSame(first, await cache.GetAsync("k", Counting(TimeSpan.FromHours(24)), false, CancellationToken.None));
        Assert.Equal(2, _fetches);
    }

    [Fact]
    public void ShortLivedTokensAreRefreshedAtATenthOfTheirLifetime()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), HuaweiTokenCache.RefreshMargin(Token(TimeSpan.FromHours(24))));
        Assert.Equal(TimeSpan.FromSeconds(0.2), HuaweiTokenCache.RefreshMargin(Token(TimeSpan.FromSeconds(2))));
    }

    [Fact]
    public async Task ForceFetchesEvenWhenFresh()
    {
        var cache = new HuaweiTokenCache(() => _now);
        var first = await cache.GetAsync("k", Counting(TimeSpan.FromHours(24)), false, CancellationToken.None);
        var forced = await cache.GetAsync("k", Counting(TimeSpan.FromHours(24)), true, CancellationToken.None);
        Assert.NotSame(first, forced);
        Assert.Same(forced, await cache.GetAsync("k", Counting(TimeSpan.FromHours(24)), false, CancellationToken.None));
        Assert.Equal(2, _fetches);
    }

    [Fact]
    public async Task RejectingAnOldTokenKeepsTheNewerOne()
    {
        var cache = new HuaweiTokenCache(() => _now);
        var old = await cache.GetAsync("k", Counting(TimeSpan.FromHours(24)), false, CancellationToken.None);
        cache.Reject("k", old);
        var renewed = await cache.GetAsync("k", Counting(TimeSpan.FromHours(24)), false, CancellationToken.None);
        cache.Reject("k", old);
        Assert.Same(renewed, await cache.GetAsync("k", Counting(TimeSpan.FromHours(24)), false, CancellationToken.None));
        Assert.Equal(2, _fetches);
    }

    [Fact]
    public async Task FailuresAreNotCached()
    {
        var cache = new HuaweiTokenCache(() => _now);
        await Assert.ThrowsAsync<BankcardOcrException>(() => cache.GetAsync("k", () => throw new BankcardOcrException(BankcardOcrErrorKind.RateLimited, "IAM.0012"), false, CancellationToken.None));
        Assert.NotNull(await cache.GetAsync("k", Counting(TimeSpan.FromHours(24)), false, CancellationToken.None));
        Assert.Equal(1, _fetches);
    }

    [Fact]
    public async Task KeysAreSeparate()
    {
        var cache = new HuaweiTokenCache(() => _now);
        var a = await cache.GetAsync("a", Counting(TimeSpan.FromHours(24)), false, CancellationToken.None);
        var b = await cache.GetAsync("b", Counting(TimeSpan.FromHours(24)), false, CancellationToken.None);
        Assert.NotSame(a, b);
        Assert.Null(cache.Peek("c"));
        Assert.Same(a, cache.Peek("a"));
    }

    [Fact]
    public void PasswordSourcesWithDifferentPasswordsDoNotShareTokens()
    {
        var endpoint = new Uri("https://iam.cn-north-4.myhuaweicloud.com");
        using var right = HuaweiTokenSource.FromPassword(endpoint, "user", "right"u8.ToArray(), "account", HuaweiProjectScope.ByName("cn-north-4"), "cn-north-4");
        using var wrong = HuaweiTokenSource.FromPassword(endpoint, "user", "wrong"u8.ToArray(), "account", HuaweiProjectScope.ByName("cn-north-4"), "cn-north-4");
        using var same = HuaweiTokenSource.FromPassword(endpoint, "user", "right"u8.ToArray(), "account", HuaweiProjectScope.ByName("cn-north-4"), "cn-north-4");
        Assert.NotEqual(right.CacheKey, wrong.CacheKey);
        Assert.Equal(right.CacheKey, same.CacheKey);
        Assert.DoesNotContain("right", right.CacheKey, StringComparison.Ordinal);
    }

    [Fact]
    public void TokenTextIsNeitherAPropertyNorInToString()
    {
        var token = Token(TimeSpan.FromHours(24));
        Assert.DoesNotContain("MIIsecret", token.ToString(), StringComparison.Ordinal);
        Assert.All(typeof(HuaweiIamToken).GetProperties(), p => Assert.NotEqual("MIIsecret", p.GetValue(token)?.ToString()));
        Assert.Equal("MIIsecret", token.GetToken());
    }

    private Func<Task<HuaweiIamToken>> Counting(TimeSpan lifetime) => () =>
    {
        Interlocked.Increment(ref _fetches);
        return Task.FromResult(Token(lifetime, _now));
    };

    private static HuaweiIamToken Token(TimeSpan lifetime, DateTimeOffset? issued = null)
    {
        var at = issued ?? Start;
        return new HuaweiIamToken("MIIsecret", "cn-north-4", "0123456789abcdef0123456789abcdef", "cn-north-4", "user", "account", at, at + lifetime, new Uri("https://iam.cn-north-4.myhuaweicloud.com"));
    }
}
