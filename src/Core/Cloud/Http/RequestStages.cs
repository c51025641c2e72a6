using System;
using System.Net.Http;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using BankcardOcr.Providers;
using BankcardOcr.Calls;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace BankcardOcr.Cloud.Http
{
    /// <summary>
    /// The stages every provider call passes through, in this order: retry (exponential backoff with jitter,
    /// honouring Retry-After) → rate limit (one shared token bucket for the whole pipeline) → per-attempt
    /// timeout → the provider. Built once per cmdlet call and shared by all its workers.
    /// </summary>
    public sealed class RequestStages : IRecognitionStages
    {
        private static readonly ResiliencePropertyKey<bool> FreshCredentialUsed = new ResiliencePropertyKey<bool>("BankcardOcr.FreshCredentialUsed");
        private static readonly ResiliencePropertyKey<int> RetriesUsed = new ResiliencePropertyKey<int>("BankcardOcr.RetriesUsed");
        private static readonly ResiliencePropertyKey<RecognitionLog> LogKey = new ResiliencePropertyKey<RecognitionLog>("BankcardOcr.Log");

        /// <summary>Requests are paced this much slower than the quota, to absorb timer and network jitter.</summary>
        private const double PacingMargin = 1.02;

        // Time a request may take from passing the limiter to being counted by the provider (building the body,
        // the upload, a GC or scheduling pause on a busy machine); measured with bench/ProviderBench batch quota.
        private const double TransitMargin = 0.035;

        private readonly ResiliencePipeline _retry;
        private readonly ResiliencePipeline _timeout;
        private readonly RateLimiter? _rateLimiter;
        private readonly StartLog? _windowGuard;
        private readonly TaskCompletionSource<bool> _firstRequestDone = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _firstRequestClaimed;
        private readonly string _provider;
        private readonly int _maxRetries;
        private readonly TimeSpan _attemptTimeout;
        private readonly double? _requestsPerSecond;

        /// <summary>Builds the stages from the user's settings.</summary>
        /// <param name="provider">The provider's name, for errors.</param>
        /// <param name="settings">Retries, the first retry's delay, the time one attempt may take, the retry clock.</param>
        /// <param name="requestsPerSecond">The pipeline-wide rate; null or 0 for none.</param>
        public RequestStages(string provider, RequestSettings settings, double? requestsPerSecond)
        {
            _provider = provider;
            // One more attempt than the retry budget, for the single fresh-credential retry, which does not
            // count against -MaxRetries (ShouldRetry enforces both budgets).
            _maxRetries = Math.Max(0, settings.MaxRetries);
            var maxRetries = _maxRetries;
            var retryBaseDelay = settings.RetryBaseDelay;
            var timeout = settings.Timeout;
            _attemptTimeout = timeout;
            _requestsPerSecond = requestsPerSecond is double r && r > 0 ? r : (double?)null;
            var retryBuilder = new ResiliencePipelineBuilder { TimeProvider = settings.RetryClock };
            retryBuilder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = maxRetries + 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome.Exception, args.Context)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(
                    args.Outcome.Exception is BankcardOcrException { RetryAfterSeconds: double seconds } && seconds >= 0
                        ? TimeSpan.FromSeconds(Math.Min(seconds, 120))
                        : args.Outcome.Exception is BankcardOcrException { RequiresFreshCredential: true, IsRetryable: false }
                            ? TimeSpan.Zero
                            : (TimeSpan?)null),
                OnRetry = args =>
                {
                    if (args.Outcome.Exception is BankcardOcrException { RequiresFreshCredential: true })
                    {
                        args.Context.Properties.Set(FreshCredentialUsed, true);
                    }
                    else
                    {
                        args.Context.Properties.TryGetValue(RetriesUsed, out var used);
                        args.Context.Properties.Set(RetriesUsed, used + 1);
                    }

                    if (args.Context.Properties.TryGetValue(LogKey, out var log))
                    {
                        // The subject names the image: with eight requests in flight, a retry line must say whose it is.
                        var subject = log.Subject != null ? log.Subject + ": " : string.Empty;
                        log.Verbose($"{subject}attempt {args.AttemptNumber + 1} failed ({Describe(args.Outcome.Exception)}); retrying in {args.RetryDelay.TotalSeconds:0.###} s.");
                    }

                    return default;
                },
            });

            _retry = retryBuilder.Build();
            _timeout = new ResiliencePipelineBuilder().AddTimeout(timeout).Build();
            if (requestsPerSecond is double rate && rate > 0)
            {
                // Even pacing rather than bursts: a provider counting a sliding one-second window sees at most
                // `rate` requests in any window. Periods shorter than 50 ms are coarse on some timers, so
                // faster rates release several tokens per 50 ms instead. The period is stretched by
                // PacingMargin: the replenishment timer fires a few ms late now and then, and a late grant followed
                // by an on-time one put 21 requests into one second at exactly 20/s (31 rate-limit answers in 640
                // requests, bench/ProviderBench batch quota).
                var tokens = Math.Max(1, (int)Math.Round(rate * 0.05));
                var period = TimeSpan.FromSeconds(tokens / rate * PacingMargin);
                _rateLimiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
                {
                    TokenLimit = tokens,
                    TokensPerPeriod = tokens,
                    ReplenishmentPeriod = period,
                    QueueLimit = int.MaxValue,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    AutoReplenishment = true,
                });

                // Pacing alone still let 2 of 640 requests be refused: a grant delayed past its tick and the next
                // on-time grant can land 21 starts inside one sliding second. The strict log makes that
                // impossible; TransitMargin covers the trip to the provider, where the provider counts.
                var permits = Math.Max(1, (int)Math.Floor(rate));
                _windowGuard = new StartLog(permits, TimeSpan.FromSeconds((permits / rate) + TransitMargin));
            }
        }

        /// <inheritdoc />
        public string Description =>
            FormattableString.Invariant($"{(_requestsPerSecond is double rate ? rate + " per second" : "no rate limit")}, {_maxRetries} retries, {_attemptTimeout.TotalSeconds:0.###} s per attempt");

        /// <summary>Runs <paramref name="attempt"/> through the stages; the argument is the 0-based attempt number.</summary>
        /// <param name="attempt">One provider call.</param>
        /// <param name="log">Where retries are reported.</param>
        /// <param name="cancellationToken">The batch's cancellation (Ctrl+C).</param>
        /// <returns>The first successful result, after at most 1 + maxRetries attempts.</returns>
        public async Task<(T Result, int Attempts)> ExecuteAsync<T>(Func<int, CancellationToken, Task<T>> attempt, RecognitionLog log, CancellationToken cancellationToken)
        {
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(LogKey, log);
            var attempts = 0;
            try
            {
                var result = await _retry.ExecuteAsync(
                    async (ctx, state) =>
                    {
                        var number = attempts++;
                        var first = false;
                        if (_rateLimiter != null && _windowGuard != null)
                        {
                            // The first request goes alone: it pays for JIT and connection set-up on its way, and
                            // requests paced behind it would otherwise reach the provider bunched up with it, putting
                            // more than the quota into the provider's first second (all the rate-limit answers left in
                            // bench/ProviderBench batch quota came from that first second).
                            // Its window permit is taken when it completes (below), a time never earlier than its
                            // arrival, however long its first trip took.
                            first = Interlocked.Exchange(ref _firstRequestClaimed, 1) == 0;
                            if (!first)
                            {
                                await WaitForFirstRequestAsync(ctx.CancellationToken).ConfigureAwait(false);
                                using var paced = await _rateLimiter.AcquireAsync(1, ctx.CancellationToken).ConfigureAwait(false);
                                await _windowGuard.WaitAsync(ctx.CancellationToken).ConfigureAwait(false);
                            }
                        }

                        try
                        {
                            return await _timeout.ExecuteAsync(
                                async (token) => await attempt(number, token).ConfigureAwait(false),
                                ctx.CancellationToken).ConfigureAwait(false);
                        }
                        catch (TimeoutRejectedException e)
                        {
                            throw new BankcardOcrException(BankcardOcrErrorKind.Timeout, $"{_provider} did not answer within {e.Timeout.TotalSeconds:0.###} s.", _provider, isRetryable: true, innerException: e);
                        }
                        finally
                        {
                            if (first)
                            {
                                _windowGuard!.Record();
                                _firstRequestDone.TrySetResult(true);
                            }
                        }
                    },
                    context,
                    state: 0).ConfigureAwait(false);
                return (result, attempts);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        private async Task WaitForFirstRequestAsync(CancellationToken cancellationToken)
        {
            // Task.WhenAny with a cancellable delay: netstandard2.0 has no Task.WaitAsync(token).
            var cancelled = Task.Delay(Timeout.Infinite, cancellationToken);
            await Task.WhenAny(_firstRequestDone.Task, cancelled).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }

        /// <inheritdoc />
        public void Dispose()
        {
            _rateLimiter?.Dispose();
        }

        private bool ShouldRetry(Exception? exception, ResilienceContext context)
        {
            if (!(exception is BankcardOcrException error))
            {
                return false;
            }

            // A stale signature or token is worth exactly one more try with a fresh one, whatever -MaxRetries says.
            if (error.RequiresFreshCredential && !context.Properties.TryGetValue(FreshCredentialUsed, out _))
            {
                return true;
            }

            context.Properties.TryGetValue(RetriesUsed, out var used);
            return error.IsRetryable && used < _maxRetries;
        }

        private static string Describe(Exception? exception) => exception switch
        {
            BankcardOcrException e when e.ProviderCode != null => $"{e.Kind} {e.ProviderCode}",
            BankcardOcrException e => e.Kind.ToString(),
            HttpRequestException => "network error",
            null => "no result",
            _ => exception.GetType().Name,
        };
    }
}
