using System.Threading;
using BankcardOcr.Engine;
using BankcardOcr.Calls;

namespace BankcardOcr.Core.Tests.Recognition;

public class RecognitionBatchTests
{
    private static readonly RecognitionOptions Fast = new() { RetryBaseDelay = TimeSpan.FromMilliseconds(1), MaxRetries = 3 };

    [Fact]
    public void EveryInputYieldsExactlyOneOutcomeUnderMixedFaults()
    {
        // Deterministic per image: some succeed, some fail for good, some fail once then succeed.
        var firstAttemptSeen = new System.Collections.Concurrent.ConcurrentDictionary<int, bool>();
        var provider = new ScriptedProvider(async (request, token) =>
        {
            var i = BatchDriver.IndexOf(request);
            await Task.Yield();
            switch (i % 5)
            {
                case 1:
                    throw new BankcardOcrException(BankcardOcrErrorKind.NoCardFound, "no card", "Scripted", "-9010");
                case 2 when firstAttemptSeen.TryAdd(i, true):
                    throw new BankcardOcrException(BankcardOcrErrorKind.RateLimited, "slow down", "Scripted", "15", isRetryable: true);
                case 3:
                    throw new InvalidOperationException("bug in the provider");
                default:
                    return ScriptedProvider.Card("6228480402564890018");
            }
        });
        using var batch = new RecognitionBatch(provider, new RecognitionOptions { ThrottleLimit = 8, RetryBaseDelay = TimeSpan.FromMilliseconds(1) }, CancellationToken.None);

        var outcomes = BatchDriver.RunAll(batch, BatchDriver.Images(500));

        Assert.Equal(500, outcomes.Count);
        Assert.Equal(500, outcomes.Select(o => o.Input.Source).Distinct().Count());
        Assert.All(outcomes, o => Assert.True((o.Result is null) != (o.Error is null)));
        Assert.Equal(300, outcomes.Count(o => o.Result != null));
        Assert.Equal(100, outcomes.Count(o => o.Error?.Kind == BankcardOcrErrorKind.NoCardFound));
        Assert.Equal(100, outcomes.Count(o => o.Error?.Kind == BankcardOcrErrorKind.ProviderError));
        Assert.All(outcomes.Where(o => BitConverter.ToInt32(o.Input.Bytes!, 0) % 5 == 2), o => Assert.Equal(2, o.Result!.Attempts));
        Assert.Equal(0, batch.Pending);
    }

    [Fact]
    public void ConcurrencyNeverExceedsTheThrottleLimit()
    {
        var provider = new ScriptedProvider(async (_, token) =>
        {
            await Task.Delay(5, token);
            return ScriptedProvider.Card("4111111111111111");
        });
        using var batch = new RecognitionBatch(provider, new RecognitionOptions { ThrottleLimit = 3 }, CancellationToken.None);

        var outcomes = BatchDriver.RunAll(batch, BatchDriver.Images(60));

        Assert.Equal(60, outcomes.Count);
        Assert.InRange(provider.MaxInFlight, 2, 3);
    }

    [Fact]
    public void OrderedOutcomesFollowInputOrderWhateverTheCompletionOrder()
    {
        // Each image waits for the one after it, so they complete exactly in reverse: image19 first, image0 last.
        var done = Enumerable.Range(0, 21).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        done[20].SetResult();
        var completed = new System.Collections.Concurrent.ConcurrentQueue<int>();
        var provider = new ScriptedProvider(async (request, token) =>
        {
            var index = BatchDriver.IndexOf(request);
            await done[index + 1].Task.WaitAsync(token);
            completed.Enqueue(index);
            done[index].SetResult();
            return ScriptedProvider.Card("4111111111111111");
        });
        using var batch = new RecognitionBatch(provider, new RecognitionOptions { ThrottleLimit = 20, Ordered = true }, CancellationToken.None);

        var outcomes = BatchDriver.RunAll(batch, BatchDriver.Images(20));

        Assert.Equal(Enumerable.Range(0, 20).Reverse(), completed);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"image{i}"), outcomes.Select(o => o.Input.Source));
    }

    [Fact]
    public void UnorderedOutcomesArriveAsTheyComplete()
    {
        var release = new TaskCompletionSource();
        var provider = new ScriptedProvider(async (request, token) =>
        {
            if (BatchDriver.IndexOf(request) == 0)
            {
                await release.Task.WaitAsync(token);
            }

            return ScriptedProvider.Card("4111111111111111");
        });
        using var batch = new RecognitionBatch(provider, new RecognitionOptions { ThrottleLimit = 4 }, CancellationToken.None);
        foreach (var input in BatchDriver.Images(3))
        {
            Assert.True(batch.TrySubmit(input));
        }

        var first = new List<string>();
        while (first.Count < 2 && batch.WaitForProgress(TimeSpan.FromSeconds(10)))
        {
            while (batch.TryTake() is { } o)
            {
                first.Add(o.Input.Source);
            }
        }

        Assert.Equal(new[] { "image1", "image2" }, first.Order());
        release.SetResult();
        RecognitionOutcome? last = null;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((last = batch.TryTake()) is null && DateTime.UtcNow < deadline)
        {
            batch.WaitForProgress(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal("image0", last?.Input.Source);
    }

    [Fact]
    public void RetryableErrorsAreRetriedUpToMaxRetries()
    {
        var provider = new ScriptedProvider((_, _) => throw new BankcardOcrException(BankcardOcrErrorKind.ProviderError, "busy", "Scripted", "200", isRetryable: true));
        using var batch = new RecognitionBatch(provider, new RecognitionOptions { MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(1) }, CancellationToken.None);

        var outcome = BatchDriver.RunAll(batch, BatchDriver.Images(1)).Single();

        Assert.Equal(3, provider.Calls);
        Assert.Equal("200", outcome.Error!.ProviderCode);
        Assert.Equal(2, outcome.Log.Count(l => l.Message.Contains("retrying", StringComparison.Ordinal)));
    }

    [Fact]
    public void NonRetryableErrorsAreNotRetried()
    {
        var provider = new ScriptedProvider((_, _) => throw new BankcardOcrException(BankcardOcrErrorKind.AuthenticationFailed, "bad key", "Scripted", "4"));
        using var batch = new RecognitionBatch(provider, Fast, CancellationToken.None);

        var outcome = BatchDriver.RunAll(batch, BatchDriver.Images(1)).Single();

        Assert.Equal(1, provider.Calls);
        Assert.Equal(BankcardOcrErrorKind.AuthenticationFailed, outcome.Error!.Kind);
    }

    [Fact]
    public void AuthenticationFailureStopsTheBatchAfterTheRequestsInFlight()
    {
        var provider = new ScriptedProvider(async (_, token) =>
        {
            await Task.Delay(20, token);
            throw new BankcardOcrException(BankcardOcrErrorKind.AuthenticationFailed, "bad key", "Scripted", "AuthFailure.SignatureFailure");
        });
        using var batch = new RecognitionBatch(provider, new RecognitionOptions { ThrottleLimit = 4, RetryBaseDelay = TimeSpan.FromMilliseconds(1) }, CancellationToken.None);

        var outcomes = BatchDriver.RunAll(batch, BatchDriver.Images(40));

        Assert.Equal(BankcardOcrErrorKind.AuthenticationFailed, batch.Fatal!.Kind);
        Assert.InRange(provider.Calls, 1, 8);
        Assert.InRange(outcomes.Count, 1, 4);
        Assert.All(outcomes, o => Assert.Equal(BankcardOcrErrorKind.AuthenticationFailed, o.Error!.Kind));
        Assert.Equal(0, batch.Pending);
        // A worker queues its last outcome just before it leaves; Running reaches 0 a moment after Pending does.
        Assert.True(SpinWait.SpinUntil(() => batch.Running == 0, TimeSpan.FromSeconds(10)), $"{batch.Running} request(s) still running");
    }

    [Fact]
    public void AnAuthenticationBlipOnOneImageAfterAcceptedRequestsIsThatImagesError()
    {
        // Image 9 is answered "signature expired" on its first attempt and on its freshly signed retry, as in the
        // soak of issue 19; every other image is accepted. With ThrottleLimit 4, image 9 starts only after a worker
        // has finished an earlier image, so the call's credentials have been accepted before its answer counts.
        var provider = new ScriptedProvider(async (request, token) =>
        {
            await Task.Yield();
            return BatchDriver.IndexOf(request) == 9
                ? throw new BankcardOcrException(BankcardOcrErrorKind.AuthenticationFailed, "signature expired", "Scripted", "AuthFailure.SignatureExpire") { RequiresFreshCredential = true }
                : ScriptedProvider.Card("4111111111111111");
        });
        using var batch = new RecognitionBatch(provider, new RecognitionOptions { ThrottleLimit = 4, RetryBaseDelay = TimeSpan.FromMilliseconds(1) }, CancellationToken.None);

        var outcomes = BatchDriver.RunAll(batch, BatchDriver.Images(40));

        Assert.Null(batch.Fatal);
        Assert.Equal(40, outcomes.Count);
        var failed = Assert.Single(outcomes, o => o.Error != null);
        Assert.Equal("image9", failed.Input.Source);
        Assert.Equal(BankcardOcrErrorKind.AuthenticationFailed, failed.Error!.Kind);
        Assert.Equal(41, provider.Calls); // image 9 had its fresh-signature retry
    }

    [Fact]
    public void AuthenticationFailuresWithSuccessesBetweenThemDoNotStopTheBatch()
    {
        // One request at a time, so completion order is input order: after images 0 and 1 are accepted, every third
        // image is refused; no two refusals are ever adjacent, however many there are.
        var provider = new ScriptedProvider((request, _) => BatchDriver.IndexOf(request) % 3 == 2
            ? throw new BankcardOcrException(BankcardOcrErrorKind.AuthenticationFailed, "refused", "Scripted", "AuthFailure.SignatureFailure")
            : Task.FromResult(ScriptedProvider.Card("4111111111111111")));
        using var batch = new RecognitionBatch(provider, new RecognitionOptions { ThrottleLimit = 1 }, CancellationToken.None);

        var outcomes = BatchDriver.RunAll(batch, BatchDriver.Images(30));

        Assert.Null(batch.Fatal);
        Assert.Equal(30, outcomes.Count);
        Assert.Equal(10, outcomes.Count(o => o.Error?.Kind == BankcardOcrErrorKind.AuthenticationFailed));
    }

    [Fact]
    public void KeysThatStopWorkingMidBatchEndItAfterThreeImagesInARow()
    {
        // Images 0-4 are accepted, then the keys are revoked: every later request is refused. One request at a time:
        // images 5 and 6 are their own errors, image 7 is the third in a row and ends the batch; nothing else is sent.
        var provider = new ScriptedProvider((request, _) => BatchDriver.IndexOf(request) >= 5
            ? throw new BankcardOcrException(BankcardOcrErrorKind.AuthenticationFailed, "refused", "Scripted", "AuthFailure.SecretIdNotFound")
            : Task.FromResult(ScriptedProvider.Card("4111111111111111")));
        using var batch = new RecognitionBatch(provider, new RecognitionOptions { ThrottleLimit = 1 }, CancellationToken.None);

        var outcomes = BatchDriver.RunAll(batch, BatchDriver.Images(40));

        Assert.Equal(3, RecognitionBatch.AuthFailuresToStop);
        Assert.Equal(BankcardOcrErrorKind.AuthenticationFailed, batch.Fatal!.Kind);
        Assert.Equal("AuthFailure.SecretIdNotFound", batch.Fatal.ProviderCode);
        Assert.Contains("3 images in a row", batch.Fatal.Message, StringComparison.Ordinal);
        Assert.Equal("image7", batch.FatalInput!.Source);
        Assert.Equal(8, provider.Calls);
        Assert.Equal(8, outcomes.Count); // the fatal image's own outcome is queued too; images 8-39 get none
        Assert.Equal(0, batch.Pending);
    }

    [Fact]
    public void KeysThatStopWorkingMidBatchSendAtMostThrottleLimitPlusTwoRequestsAfterTheLastAcceptance()
    {
        // The first 20 calls are accepted; later calls are refused, but only once all 20 acceptances are in, so the
        // count starts after the last of them: at most the 6 calls in flight by then, plus one each for the workers
        // freed by the first two refusals.
        RecognitionBatch? batch = null;
        var calls = 0;
        var provider = new ScriptedProvider(async (request, token) =>
        {
            await Task.Yield();
            if (Interlocked.Increment(ref calls) <= 20)
            {
                return ScriptedProvider.Card("4111111111111111");
            }

            Assert.True(SpinWait.SpinUntil(() => batch!.Completed >= 20, TimeSpan.FromSeconds(30)));
            throw new BankcardOcrException(BankcardOcrErrorKind.AuthenticationFailed, "refused", "Scripted", "AuthFailure.SecretIdNotFound");
        });
        batch = new RecognitionBatch(provider, new RecognitionOptions { ThrottleLimit = 6 }, CancellationToken.None);

        var outcomes = BatchDriver.RunAll(batch, BatchDriver.Images(200));

        Assert.NotNull(batch.Fatal);
        Assert.InRange(provider.Calls, 20 + RecognitionBatch.AuthFailuresToStop, 20 + 6 + 2);
        Assert.Equal(20, outcomes.Count(o => o.Result != null));
        batch.Dispose();
    }

    [Fact]
    public void AnAuthenticationFailureBeforeAnyAcceptanceStillEndsTheBatchAtOnce()
    {
        var provider = new ScriptedProvider((request, _) => BatchDriver.IndexOf(request) == 0
            ? throw new BankcardOcrException(BankcardOcrErrorKind.AuthenticationFailed, "signature expired", "Scripted", "AuthFailure.SignatureExpire") { RequiresFreshCredential = true }
            : Task.FromResult(ScriptedProvider.Card("4111111111111111")));
        using var batch = new RecognitionBatch(provider, new RecognitionOptions { ThrottleLimit = 1 }, CancellationToken.None);

        var outcomes = BatchDriver.RunAll(batch, BatchDriver.Images(10));

        Assert.NotNull(batch.Fatal);
        Assert.Equal("signature expired", batch.Fatal!.Message);
        Assert.Equal(2, provider.Calls);
        Assert.Single(outcomes);
    }

    [Fact]
    public void NoCardFoundAcceptsTheCredentialsLikeAResult()
    {
        // The service reads the image only for a request it has authenticated.
        var provider = new ScriptedProvider((request, _) => BatchDriver.IndexOf(request) switch
        {
            0 => throw new BankcardOcrException(BankcardOcrErrorKind.NoCardFound, "no card", "Scripted", "FailedOperation.NoBankCardError"),
            1 => throw new BankcardOcrException(BankcardOcrErrorKind.AuthenticationFailed, "refused", "Scripted", "AuthFailure.SignatureExpire"),
            _ => Task.FromResult(ScriptedProvider.Card("4111111111111111")),
        });
        using var batch = new RecognitionBatch(provider, new RecognitionOptions { ThrottleLimit = 1 }, CancellationToken.None);

        var outcomes = BatchDriver.RunAll(batch, BatchDriver.Images(5));

        Assert.Null(batch.Fatal);
        Assert.Equal(5, outcomes.Count);
    }

    [Fact]
    public void OtherErrorsDoNotStopTheBatch()
    {
        var provider = new ScriptedProvider((_, _) => throw new BankcardOcrException(BankcardOcrErrorKind.NoCardFound, "no card", "Scripted", "-9010"));
        using var batch = new RecognitionBatch(provider, Fast, CancellationToken.None);

        var outcomes = BatchDriver.RunAll(batch, BatchDriver.Images(20));

        Assert.Null(batch.Fatal);
        Assert.Equal(20, outcomes.Count);
    }

    [Fact]
    public void StaleCredentialIsRetriedExactlyOnce()
    {
        var provider = new ScriptedProvider((_, _) => throw new BankcardOcrException(BankcardOcrErrorKind.AuthenticationFailed, "signature expired", "Scripted", "9") { RequiresFreshCredential = true });
        using var batch = new RecognitionBatch(provider, Fast, CancellationToken.None);

        var outcome = BatchDriver.RunAll(batch, BatchDriver.Images(1)).Single();

        Assert.Equal(2, provider.Calls);
        Assert.Equal("9", outcome.Error!.ProviderCode);
    }

    [Fact]
    public void StaleCredentialIsRetriedOnceEvenWithNoRetryBudget()
    {
        var calls = 0;
        var provider = new ScriptedProvider((_, _) =>
            Interlocked.Increment(ref calls) == 1
                ? throw new BankcardOcrException(BankcardOcrErrorKind.AuthenticationFailed, "signature expired", "Scripted", "9") { RequiresFreshCredential = true }
                : Task.FromResult(ScriptedProvider.Card("4111111111111111")));
        using var batch = new RecognitionBatch(provider, new RecognitionOptions { MaxRetries = 0 }, CancellationToken.None);

        var outcome = BatchDriver.RunAll(batch, BatchDriver.Images(1)).Single();

        Assert.Equal(2, outcome.Result!.Attempts);
    }

    [Fact]
    public void FreshCredentialRetryDoesNotSpendTheRetryBudget()
    {
        var calls = 0;
        var provider = new ScriptedProvider((_, _) => Interlocked.Increment(ref calls) == 1
            ? throw new BankcardOcrException(BankcardOcrErrorKind.AuthenticationFailed, "expired", "Scripted", "9") { RequiresFreshCredential = true }
            : throw new BankcardOcrException(BankcardOcrErrorKind.RateLimited, "slow down", "Scripted", "15", isRetryable: true));
        using var batch = new RecognitionBatch(provider, new RecognitionOptions { MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(1) }, CancellationToken.None);

        BatchDriver.RunAll(batch, BatchDriver.Images(1));

        Assert.Equal(4, provider.Calls); // first, fresh-credential retry, then two budgeted retries
    }

    [Fact]
    public void RetryAfterDecidesTheDelay()
    {
        var calls = 0;
        var provider = new ScriptedProvider((_, _) =>
            Interlocked.Increment(ref calls) == 1
                ? throw new BankcardOcrException(BankcardOcrErrorKind.RateLimited, "429", "Scripted", isRetryable: true) { RetryAfterSeconds = 0.25 }
                : Task.FromResult(ScriptedProvider.Card("4111111111111111")));
        var clock = new RecordingClock();
        using var batch = new RecognitionBatch(provider, new RecognitionOptions { Requests = { RetryClock = clock } }, CancellationToken.None);

        var outcome = BatchDriver.RunAll(batch, BatchDriver.Images(1)).Single();

        Assert.NotNull(outcome.Result);
        Assert.Equal(new[] { TimeSpan.FromSeconds(0.25) }, clock.Delays);
    }

    [Fact]
    public void RetriesBackOffExponentiallyFromTheBaseDelay()
    {
        var provider = new ScriptedProvider((_, _) => throw new BankcardOcrException(BankcardOcrErrorKind.ProviderError, "busy", "Scripted", isRetryable: true));
        var clock = new RecordingClock();
        using var batch = new RecognitionBatch(
            provider, new RecognitionOptions { Requests = { MaxRetries = 3, RetryBaseDelay = TimeSpan.FromSeconds(2), RetryClock = clock } }, CancellationToken.None);

        BatchDriver.RunAll(batch, BatchDriver.Images(1));

        // Jittered exponential backoff (Polly's decorrelated jitter): three waits, each positive and under the 30 s cap,
        // together longer than the base delay, and all taken on the clock the settings gave, not in real time.
        Assert.Equal(3, clock.Delays.Count);
        Assert.All(clock.Delays, d => Assert.InRange(d, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(30)));
        Assert.True(clock.Delays.Sum(d => d.TotalSeconds) >= 2, string.Join(", ", clock.Delays));
    }

    [Fact]
    public void AnAttemptThatOutlivesTheTimeoutFailsAsTimeout()
    {
        var provider = new ScriptedProvider(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return ScriptedProvider.Card("4111111111111111");
        });
        using var batch = new RecognitionBatch(provider, new RecognitionOptions { MaxRetries = 1, Timeout = TimeSpan.FromMilliseconds(50), RetryBaseDelay = TimeSpan.FromMilliseconds(1) }, CancellationToken.None);

        var outcome = BatchDriver.RunAll(batch, BatchDriver.Images(1)).Single();

        Assert.Equal(BankcardOcrErrorKind.Timeout, outcome.Error!.Kind);
        Assert.Equal(2, provider.Calls);
    }

    [Fact]
    public void CancelStopsWorkInFlightAndProducesNoMoreOutcomes()
    {
        var started = new CountdownEvent(4);
        var provider = new ScriptedProvider(async (_, token) =>
        {
            started.Signal();
            await Task.Delay(Timeout.Infinite, token);
            return ScriptedProvider.Card("4111111111111111");
        });
        using var cancel = new CancellationTokenSource();
        using var batch = new RecognitionBatch(provider, new RecognitionOptions { ThrottleLimit = 4 }, cancel.Token);
        foreach (var input in BatchDriver.Images(4))
        {
            Assert.True(batch.TrySubmit(input));
        }

        Assert.True(started.Wait(TimeSpan.FromSeconds(10)));
        cancel.Cancel();

        // A worker queues its outcome before it gives its slot back, so once every slot is back any late outcome
        // would already be waiting; none is.
        Assert.True(SpinWait.SpinUntil(() => batch.Running == 0, TimeSpan.FromSeconds(10)), "the workers did not stop");
        Assert.Null(batch.TryTake());
        Assert.Equal(0, batch.Pending);
    }

    [Fact]
    public void RejectedInputsTakeTheirPlaceInOrderWithoutASlot()
    {
        var provider = new ScriptedProvider(async (_, token) =>
        {
            await Task.Delay(20, token);
            return ScriptedProvider.Card("4111111111111111");
        });
        using var batch = new RecognitionBatch(provider, new RecognitionOptions { ThrottleLimit = 1, Ordered = true }, CancellationToken.None);
        var rejected = new BankcardOcrException(BankcardOcrErrorKind.ImageNotFound, "no such file", "Scripted");
        var inputs = new[]
        {
            RecognitionInput.FromBytes(new byte[4], "a"),
            RecognitionInput.Rejected("missing.png", "missing.png", rejected),
            RecognitionInput.FromBytes(new byte[4], "b"),
        };

        var outcomes = BatchDriver.RunAll(batch, inputs);

        Assert.Equal(new[] { "a", "missing.png", "b" }, outcomes.Select(o => o.Input.Source));
        Assert.Same(rejected, outcomes[1].Error);
        Assert.Equal(2, provider.Calls);
    }

    [Fact]
    public void MissingFileIsImageNotFound()
    {
        var provider = new ScriptedProvider((_, _) => Task.FromResult(ScriptedProvider.Card("4111111111111111")));
        using var batch = new RecognitionBatch(provider, Fast, CancellationToken.None);
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".jpg");

        var outcome = BatchDriver.RunAll(batch, new[] { RecognitionInput.FromFile(missing) }).Single();

        Assert.Equal(BankcardOcrErrorKind.ImageNotFound, outcome.Error!.Kind);
        Assert.Equal(0, provider.Calls);
    }

    [Fact]
    public void FileOverTheProvidersLimitIsRefusedWithoutBeingSent()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, new byte[2048]);
            var provider = new ScriptedProvider((_, _) => Task.FromResult(ScriptedProvider.Card("4111111111111111"))) { MaxFileBytes = 1024 };
            using var batch = new RecognitionBatch(provider, Fast, CancellationToken.None);

            var outcome = BatchDriver.RunAll(batch, new[] { RecognitionInput.FromFile(file) }).Single();

            Assert.Equal(BankcardOcrErrorKind.ImageTooLarge, outcome.Error!.Kind);
            Assert.Equal(0, provider.Calls);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ResultsCarrySourceProviderNetworkAndMaskWhenAsked()
    {
        var provider = new ScriptedProvider((_, _) => Task.FromResult(ScriptedProvider.Card("6228480402564890018")));
        using var batch = new RecognitionBatch(provider, new RecognitionOptions { MaskCardNumber = true }, CancellationToken.None);

        var result = BatchDriver.RunAll(batch, BatchDriver.Images(1)).Single().Result!;

        Assert.Equal("image0", result.Source);
        Assert.Equal("Scripted", result.Provider);
        Assert.Equal("622848*********0018", result.CardNumber);
        Assert.True(result.IsLuhnValid);
        Assert.Equal("UnionPay", result.Network);
        Assert.Equal(1, result.Attempts);
    }

    [Fact]
    public void LogMessagesAreMasked()
    {
        var provider = new ScriptedProvider((request, _) =>
        {
            request.Log.Verbose("read 6228480402564890018 from the image");
            return Task.FromResult(ScriptedProvider.Card("6228480402564890018"));
        });
        using var batch = new RecognitionBatch(provider, Fast, CancellationToken.None);

        var outcome = BatchDriver.RunAll(batch, BatchDriver.Images(1)).Single();

        Assert.All(outcome.Log, l => Assert.DoesNotContain("6228480402564890018", l.Message));
        Assert.Contains(outcome.Log, l => l.Message.Contains("622848*********0018", StringComparison.Ordinal));
    }
}
