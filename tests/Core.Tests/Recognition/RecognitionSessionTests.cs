using BankcardOcr.Engine;
using BankcardOcr.Providers;
using BankcardOcr.Calls;

namespace BankcardOcr.Core.Tests.Recognition;

/// <summary>A recognition call through the session: one provider, a fallback for what the first cannot verify, a cross-check of every input.</summary>
public sealed class RecognitionSessionTests
{
    private static readonly string Number = CardNumbers.WithValidCheckDigit("622848", 19);
    private static readonly string Other = CardNumbers.WithValidCheckDigit("622848", 19, filler: '1');
    private static readonly RecognitionOptions Options = new() { RetryBaseDelay = TimeSpan.FromMilliseconds(1) };

    [Fact]
    public void EveryInputGetsOneOutcomeInInputOrderWhenAsked()
    {
        var first = new ScriptedProvider(async (request, token) =>
        {
            // Later inputs finish first.
            await Task.Delay(5 * (8 - BatchDriver.IndexOf(request)), token);
            return ScriptedProvider.Card(Number);
        });
        using var session = RecognitionSession.Over(first, new RecognitionOptions { Ordered = true }, CancellationToken.None);

        var writer = CollectingWriter.Run(session, BatchDriver.Images(8));

        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"image{i}"), writer.Outcomes.Select(o => o.Input.Source));
        Assert.Equal(Enumerable.Range(0, 8).Select(i => (long)i), writer.Outcomes.Select(o => o.Sequence));
        Assert.Equal(0, session.Pending);
    }

    [Fact]
    public void AFallbackReadsOnlyTheInputsTheFirstProviderFoundNoNumberIn()
    {
        var local = Abstaining(abstainOn: new[] { 1, 4 });
        var cloud = new ScriptedProvider((_, _) => Task.FromResult(ScriptedProvider.Card(Other))) { Name = "Cloud" };
        using var session = RecognitionSession.Over(local, new RecognitionOptions { Ordered = true }, CancellationToken.None, cloud, SecondProviderRole.Fallback);

        var writer = CollectingWriter.Run(session, BatchDriver.Images(6));

        Assert.Equal(2, cloud.Calls);
        Assert.Equal(2, session.SentToSecond);
        Assert.Equal(new[] { "Local", "Cloud", "Local", "Local", "Cloud", "Local" }, writer.Outcomes.Select(o => o.Result!.Provider));
        // Asked as each abstention completes, which concurrency orders; -Ordered orders the outcomes, not the asking.
        Assert.Equal(new[] { "image1", "image4" }, writer.AskedToSend.Select(a => a.Input.Source).OrderBy(s => s, StringComparer.Ordinal));
        Assert.All(writer.AskedToSend, a => Assert.Equal("Cloud", a.Provider));
    }

    [Fact]
    public void AFallbackAlsoReadsTheInputsTheFirstProviderReturnedUnverified()
    {
        var local = new ScriptedProvider((request, _) => Task.FromResult(BatchDriver.IndexOf(request) == 2
            ? new BankcardRecognitionResult { CardNumber = CardNumbers.WithWrongCheckDigit("622848", 19), Warnings = ResultValidation.Unverified }
            : ScriptedProvider.Card(Number))) { Name = "Local" };
        var cloud = new ScriptedProvider((_, _) => Task.FromResult(ScriptedProvider.Card(Other))) { Name = "Cloud" };
        using var session = RecognitionSession.Over(local, Options, CancellationToken.None, cloud, SecondProviderRole.Fallback);

        var writer = CollectingWriter.Run(session, BatchDriver.Images(4));

        Assert.Equal(1, cloud.Calls);
        var sent = Assert.Single(writer.Outcomes, o => o.Input.Source == "image2");
        Assert.Equal(Other, sent.Result!.CardNumber);
        Assert.Equal("Cloud", sent.Result.Provider);
    }

    [Fact]
    public void WhenTheFallbackFindsNoCardEitherTheFirstProvidersUnverifiedReadingStands()
    {
        var unverified = CardNumbers.WithWrongCheckDigit("622848", 19);
        var local = new ScriptedProvider((_, _) => Task.FromResult(new BankcardRecognitionResult { CardNumber = unverified, Warnings = ResultValidation.Unverified })) { Name = "Local" };
        var cloud = new ScriptedProvider((_, _) => throw new BankcardOcrException(BankcardOcrErrorKind.NoCardFound, "no card", "Cloud")) { Name = "Cloud" };
        using var session = RecognitionSession.Over(local, Options, CancellationToken.None, cloud, SecondProviderRole.Fallback);

        var outcome = Assert.Single(CollectingWriter.Run(session, BatchDriver.Images(1)).Outcomes);

        Assert.Equal(unverified, outcome.Result!.CardNumber);
        Assert.Equal("Local", outcome.Result.Provider);
    }

    [Fact]
    public void AnInputTheWriterWillNotSendKeepsTheFirstProvidersOutcome()
    {
        var local = Abstaining(abstainOn: new[] { 0 });
        var cloud = new ScriptedProvider((_, _) => Task.FromResult(ScriptedProvider.Card(Other))) { Name = "Cloud" };
        using var session = RecognitionSession.Over(local, Options, CancellationToken.None, cloud, SecondProviderRole.Fallback);

        var writer = CollectingWriter.Run(session, BatchDriver.Images(2), shouldSend: _ => false);

        Assert.Equal(0, cloud.Calls);
        Assert.Equal(0, session.SentToSecond);
        Assert.Equal(BankcardOcrErrorKind.NoCardFound, writer.Outcomes.Single(o => o.Input.Source == "image0").Error!.Kind);
    }

    [Fact]
    public void AFallbackRefusingTheKeysEndsTheCallOnceAfterTheFirstProvidersResultsAreWritten()
    {
        var local = Abstaining(abstainOn: new[] { 3 });
        var cloud = new ScriptedProvider((_, _) => throw new BankcardOcrException(BankcardOcrErrorKind.AuthenticationFailed, "wrong keys", "Cloud")) { Name = "Cloud" };
        using var session = RecognitionSession.Over(local, new RecognitionOptions { Ordered = true }, CancellationToken.None, cloud, SecondProviderRole.Fallback);
        var writer = new CollectingWriter();

        var stop = Assert.Throws<FatalStop>(() =>
        {
            foreach (var input in BatchDriver.Images(4))
            {
                session.Submit(input, writer);
            }

            session.Drain(writer);
        });

        Assert.Equal("image3", stop.Input.Source);
        Assert.Equal(1, cloud.Calls);
        Assert.Equal(new[] { "image0", "image1", "image2" }, writer.Outcomes.Where(o => o.Result != null).Select(o => o.Input.Source));
    }

    [Fact]
    public void ACrossCheckThatReadsTheSameNumberConfirmsIt()
    {
        var first = new ScriptedProvider((_, _) => Task.FromResult(ScriptedProvider.Card(Number))) { Name = "Cloud" };
        var second = new ScriptedProvider((_, _) => Task.FromResult(ScriptedProvider.Card(Number))) { Name = "Local" };
        using var session = RecognitionSession.Over(first, Options, CancellationToken.None, second, SecondProviderRole.CrossCheck);

        var writer = CollectingWriter.Run(session, BatchDriver.Images(3));

        Assert.Equal(3, second.Calls);
        Assert.All(writer.Outcomes, o =>
        {
            Assert.True(o.Result!.IsConfirmed);
            Assert.Equal("Local", o.Result.CrossCheckProvider);
            Assert.Equal(string.Empty, o.Result.Warnings);
            Assert.Equal(string.Empty, o.Result.CrossCheckCardNumber);
        });
    }

    [Fact]
    public void ACrossCheckThatReadsAnotherNumberWarnsWithBothReadingsMasked()
    {
        var first = new ScriptedProvider((_, _) => Task.FromResult(ScriptedProvider.Card(Number))) { Name = "Cloud" };
        var second = new ScriptedProvider((_, _) => Task.FromResult(ScriptedProvider.Card(Other))) { Name = "Local" };
        using var session = RecognitionSession.Over(first, Options, CancellationToken.None, second, SecondProviderRole.CrossCheck);

        var outcome = Assert.Single(CollectingWriter.Run(session, BatchDriver.Images(1)).Outcomes);

        var result = outcome.Result!;
        Assert.False(result.IsConfirmed);
        Assert.Equal("ProvidersDisagree", result.Warnings);
        Assert.Equal(CardNumbers.Masked(Other), result.CrossCheckCardNumber);
        var warning = Assert.Single(outcome.Log, l => l.Level == LogLevel.Warning).Message;
        Assert.Contains(CardNumbers.Masked(Number), warning, StringComparison.Ordinal);
        Assert.Contains(CardNumbers.Masked(Other), warning, StringComparison.Ordinal);
        Assert.All(outcome.Log, l => Assert.DoesNotContain(Other, l.Message, StringComparison.Ordinal));
        Assert.All(outcome.Log, l => Assert.DoesNotContain(Number, l.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void WhenTheCrossCheckFindsNothingTheFirstReadingStandsUnconfirmed()
    {
        var first = new ScriptedProvider((_, _) => Task.FromResult(ScriptedProvider.Card(Number))) { Name = "Cloud" };
        var second = new ScriptedProvider((_, _) => throw new BankcardOcrException(BankcardOcrErrorKind.NoCardFound, "none", "Local")) { Name = "Local" };
        using var session = RecognitionSession.Over(first, Options, CancellationToken.None, second, SecondProviderRole.CrossCheck);

        var result = Assert.Single(CollectingWriter.Run(session, BatchDriver.Images(1)).Outcomes).Result!;

        Assert.Equal(Number, result.CardNumber);
        Assert.False(result.IsConfirmed);
        Assert.Equal(string.Empty, result.Warnings);
    }

    [Fact]
    public void TheCrossCheckReadsAlongsideTheNextImagesNotAfterThem()
    {
        // The second provider's first read cannot finish until the first provider has started the last image: a
        // session that waited for each cross-check before going on would never get there.
        var lastStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = new ScriptedProvider((request, _) =>
        {
            if (BatchDriver.IndexOf(request) == 5)
            {
                lastStarted.TrySetResult();
            }

            return Task.FromResult(ScriptedProvider.Card(Number));
        }) { Name = "Cloud", DefaultThrottleLimit = 2 };
        var second = new ScriptedProvider(async (_, token) =>
        {
            await lastStarted.Task.WaitAsync(TimeSpan.FromSeconds(20), token);
            return ScriptedProvider.Card(Number);
        }) { Name = "Local", DefaultThrottleLimit = 8 };
        using var session = RecognitionSession.Over(first, Options, CancellationToken.None, second, SecondProviderRole.CrossCheck);

        var writer = CollectingWriter.Run(session, BatchDriver.Images(6));

        Assert.Equal(6, writer.Outcomes.Count);
        Assert.All(writer.Outcomes, o => Assert.True(o.Result!.IsConfirmed));
    }

    [Fact]
    public void MaskingHidesTheNumberInTheOutputButTheComparisonUsesItWhole()
    {
        var first = new ScriptedProvider((_, _) => Task.FromResult(ScriptedProvider.Card(Number))) { Name = "Cloud" };
        var second = new ScriptedProvider((_, _) => Task.FromResult(ScriptedProvider.Card(Number))) { Name = "Local" };
        using var session = RecognitionSession.Over(first, new RecognitionOptions { MaskCardNumber = true }, CancellationToken.None, second, SecondProviderRole.CrossCheck);

        var result = Assert.Single(CollectingWriter.Run(session, BatchDriver.Images(1)).Outcomes).Result!;

        Assert.Equal(CardNumbers.Masked(Number), result.CardNumber);
        Assert.True(result.IsConfirmed);
        Assert.True(result.IsLuhnValid);
    }

    [Fact]
    public void AStoppingWriterEndsTheDrainAtOnce()
    {
        var never = new ScriptedProvider(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return ScriptedProvider.Card(Number);
        });
        using var cancel = new CancellationTokenSource();
        using var session = RecognitionSession.Over(never, Options, cancel.Token);
        var writer = new CollectingWriter();
        session.Submit(BatchDriver.Images(1).Single(), writer);

        writer.Stopping = true;
        cancel.Cancel();
        session.Drain(writer);

        Assert.Empty(writer.Outcomes);
    }

    private static ScriptedProvider Abstaining(int[] abstainOn) =>
        new((request, _) => abstainOn.Contains(BatchDriver.IndexOf(request))
            ? throw new BankcardOcrException(BankcardOcrErrorKind.NoCardFound, "no card", "Local")
            : Task.FromResult(ScriptedProvider.Card(Number))) { Name = "Local" };
}
