namespace BankcardOcr.Fuzz;

/// <summary>The outcome counts of one target, and the cases that broke a rule (replayable by seed and case number).</summary>
public sealed class FuzzReport
{
    /// <summary>The target's name.</summary>
    public required string Target { get; init; }

    /// <summary>Cases run.</summary>
    public int Cases { get; init; }

    /// <summary>How often each outcome came (Success or an error id).</summary>
    public SortedDictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);

    /// <summary>Case number and what escaped, for every case that broke a rule.</summary>
    public List<(int Case, string Problem, byte[] Input)> Failures { get; } = [];

    /// <summary>Wall time.</summary>
    public TimeSpan Elapsed { get; set; }
}

/// <summary>Runs a target over numbered cases, each with its own seeded generator, so any one case replays alone.</summary>
public static class FuzzRun
{
    /// <summary>The error ids an outcome may be (docs/design.md, "Public contract"), besides Success: the recognition errors, and Test-BankcardNumber's InvalidCardNumber.</summary>
    public static readonly IReadOnlySet<string> Documented = new HashSet<string>(Enum.GetNames<BankcardOcrErrorKind>().Append("Success").Append("InvalidCardNumber"), StringComparer.Ordinal);

    /// <summary>Runs cases <paramref name="first"/>..<paramref name="first"/>+<paramref name="count"/>-1 of <paramref name="target"/>.</summary>
    public static FuzzReport Run(FuzzTarget target, int seed, int count, int first = 0)
    {
        var report = new FuzzReport { Target = target.Name, Cases = count };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = first; i < first + count; i++)
        {
            var random = new Random(CaseSeed(seed, target.Name, i));
            var input = target.Make(random);
            string outcome;
            try
            {
                outcome = target.Run(random, input);
            }
            catch (BankcardOcrException e)
            {
                outcome = e.Kind.ToString();
            }
            catch (Exception e)
            {
                report.Failures.Add((i, e.GetType().Name + ": " + e.Message, input));
                continue;
            }

            if (!Documented.Contains(outcome))
            {
                report.Failures.Add((i, "undocumented outcome " + outcome, input));
                continue;
            }

            report.Outcomes[outcome] = report.Outcomes.GetValueOrDefault(outcome) + 1;
        }

        report.Elapsed = watch.Elapsed;
        return report;
    }

    /// <summary>A seed per case that is the same in every process (HashCode.Combine is randomised per process).</summary>
    public static int CaseSeed(int seed, string target, int index)
    {
        var hash = seed;
        foreach (var c in target)
        {
            hash = unchecked((hash * 31) + c);
        }

        return unchecked((hash * 1_000_003) + index);
    }
}
