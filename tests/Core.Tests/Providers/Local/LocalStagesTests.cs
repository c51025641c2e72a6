using System;
using System.Threading;
using System.Threading.Tasks;
using BankcardOcr.Providers.Local;
using BankcardOcr.Calls;
using Xunit;

namespace BankcardOcr.Core.Tests.Providers.Local;

/// <summary>The offline recognizer's stages: one read per photo, a time limit only when the user gave one.</summary>
public sealed class LocalStagesTests
{
    [Fact]
    public async Task AFailedReadIsNeverRetried()
    {
        using var stages = new LocalStages(null);
        var attempts = 0;

        var error = await Assert.ThrowsAsync<BankcardOcrException>(() => stages.ExecuteAsync<int>(
            (_, _) =>
            {
                attempts++;
                throw new BankcardOcrException(BankcardOcrErrorKind.ProviderError, "boom", "Local", isRetryable: true);
            },
            new RecognitionLog("card.jpg"),
            CancellationToken.None));

        Assert.Equal(1, attempts);
        Assert.Equal("boom", error.Message);
    }

    [Fact]
    public async Task WithoutALimitASlowReadRunsToItsEnd()
    {
        using var stages = new LocalStages(null);

        var (result, attempts) = await stages.ExecuteAsync(
            async (_, token) =>
            {
                await Task.Delay(50, token);
                return 7;
            },
            new RecognitionLog("card.jpg"),
            CancellationToken.None);

        Assert.Equal((7, 1), (result, attempts));
        Assert.Equal("each photo read once, no time limit", stages.Description);
    }

    [Fact]
    public async Task APhotoOverItsLimitIsStoppedOnceNamedAndGivenNoNetworkAdvice()
    {
        using var stages = new LocalStages(TimeSpan.FromMilliseconds(30));
        var attempts = 0;

        var error = await Assert.ThrowsAsync<BankcardOcrException>(() => stages.ExecuteAsync<int>(
            async (_, token) =>
            {
                attempts++;
                await Task.Delay(Timeout.Infinite, token);
                return 0;
            },
            new RecognitionLog("scans/card.jpg"),
            CancellationToken.None));

        Assert.Equal(1, attempts);
        Assert.Equal(BankcardOcrErrorKind.Timeout, error.Kind);
        Assert.False(error.IsRetryable);
        Assert.StartsWith("scans/card.jpg: reading the photo took longer than the 0.03 s -TimeoutSec allows", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("network", error.RecommendedAction!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CtrlCIsNotReportedAsATimeout()
    {
        using var stages = new LocalStages(TimeSpan.FromSeconds(30));
        using var cancel = new CancellationTokenSource();

        var task = stages.ExecuteAsync<int>(
            async (_, token) =>
            {
                cancel.Cancel();
                await Task.Delay(Timeout.Infinite, token);
                return 0;
            },
            new RecognitionLog("card.jpg"),
            cancel.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
    }
}
