using BankcardOcr.Core.Tests.Recognition;
using BankcardOcr.Engine;
using BankcardOcr.Calls;

namespace BankcardOcr.Core.Tests.Reliability;

/// <summary>
/// The batch validates whatever any provider returns (a scripted one stands for the offline recognizer here):
/// a bad answer is one InvalidResponse outcome in its turn, and the batch goes on.
/// </summary>
public class BatchValidationTests
{
    private static readonly RecognitionOptions Fast = new() { RetryBaseDelay = TimeSpan.FromMilliseconds(1), MaxRetries = 3, Ordered = true };

    [Fact]
    public void AResultWithoutACardNumbersShapeIsInvalidResponseAndNotRetried()
    {
        var numbers = new[] { "6225768888888888", "12345", "6222O00000000000", "", "6222020200112233445" };
        using var provider = new ScriptedProvider((request, _) => Task.FromResult(ScriptedProvider.Card(numbers[int.Parse(request.Input.Source.Substring(5))])));
        using var batch = new RecognitionBatch(provider, Fast, CancellationToken.None);

        var outcomes = BatchDriver.RunAll(batch, Enumerable.Range(0, numbers.Length).Select(i => RecognitionInput.FromBytes([1], $"image{i}")));

        Assert.Equal(["ok", "InvalidResponse", "InvalidResponse", "InvalidResponse", "ok"], outcomes.Select(o => o.Result != null ? "ok" : o.Error!.Kind.ToString()));
        Assert.Equal(numbers.Length, provider.Calls);
    }

    [Fact]
    public void ADateThatIsNotAMonthAndYearIsDroppedWithAWarningInTheOutcomesLog()
    {
        using var provider = new ScriptedProvider((_, _) => Task.FromResult(new BankcardRecognitionResult { CardNumber = "6225768888888888", ValidThru = "长期" }));
        using var batch = new RecognitionBatch(provider, Fast, CancellationToken.None);

        var outcome = BatchDriver.RunAll(batch, [RecognitionInput.FromBytes([1], "card.jpg")]).Single();

        Assert.Equal(string.Empty, outcome.Result!.ValidThru);
        Assert.Contains("UnreadableValidThru", outcome.Result.Warnings, StringComparison.Ordinal);
        Assert.Contains(outcome.Log, e => e.Level == LogLevel.Warning && e.Message.StartsWith("card.jpg: ", StringComparison.Ordinal));
    }
}
