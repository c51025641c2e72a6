using BankcardOcr.Engine;
using BankcardOcr.Calls;

namespace BankcardOcr.Core.Tests.Recognition;

/// <summary>An outcome writer for tests: keeps every outcome, answers ShouldSend from a script, and throws on a fatal error as a cmdlet would.</summary>
internal sealed class CollectingWriter : IOutcomeWriter
{
    private readonly Func<RecognitionInput, bool>? _shouldSend;

    public CollectingWriter(Func<RecognitionInput, bool>? shouldSend = null) => _shouldSend = shouldSend;

    public List<RecognitionOutcome> Outcomes { get; } = new();

    public List<SessionProgress> Progresses { get; } = new();

    public List<(RecognitionInput Input, string Provider)> AskedToSend { get; } = new();

    public bool Stopping { get; set; }

    public void Write(RecognitionOutcome outcome) => Outcomes.Add(outcome);

    public void Progress(SessionProgress progress) => Progresses.Add(progress);

    public bool ShouldSend(RecognitionInput input, string provider)
    {
        AskedToSend.Add((input, provider));
        return _shouldSend?.Invoke(input) ?? true;
    }

    public void Fatal(BankcardOcrException error, RecognitionInput input) => throw new FatalStop(error, input);

    /// <summary>Runs <paramref name="inputs"/> through <paramref name="session"/> and returns the outcomes, as a cmdlet would.</summary>
    public static CollectingWriter Run(RecognitionSession session, IEnumerable<RecognitionInput> inputs, Func<RecognitionInput, bool>? shouldSend = null)
    {
        var writer = new CollectingWriter(shouldSend);
        foreach (var input in inputs)
        {
            session.Submit(input, writer);
        }

        session.Drain(writer);
        return writer;
    }
}

/// <summary>What <see cref="CollectingWriter.Fatal"/> throws: the call ended.</summary>
internal sealed class FatalStop : Exception
{
    public FatalStop(BankcardOcrException error, RecognitionInput input)
        : base(error.Message, error) => Input = input;

    public RecognitionInput Input { get; }
}
