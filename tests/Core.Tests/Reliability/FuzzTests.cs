using BankcardOcr.Fuzz;

namespace BankcardOcr.Core.Tests.Reliability;

/// <summary>
/// A small count of bench/Fuzz's cases, same seed and generators: every mutated answer and image header ends as
/// Success or a documented error id, never another exception. The full 100,000 per target is
/// <c>dotnet run --project bench/Fuzz -c Release</c> (docs/reliability.md).
/// </summary>
public class FuzzTests
{
    private const int Seed = 20261202;
    private const int Cases = 1_500;

    public static TheoryData<string> Targets()
    {
        var data = new TheoryData<string>();
        foreach (var target in FuzzTarget.All)
        {
            data.Add(target.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void MutatedInputsEndAsSuccessOrADocumentedErrorId(string name)
    {
        var report = FuzzRun.Run(FuzzTarget.All.Single(t => t.Name == name), Seed, Cases);

        var problems = string.Join(Environment.NewLine, report.Failures.Take(5).Select(f => $"case {f.Case}: {f.Problem}"));
        Assert.True(report.Failures.Count == 0, problems);
        Assert.Equal(Cases, report.Outcomes.Values.Sum());
    }

    [Fact]
    public void TheGeneratorsReachSuccessAndSeveralKindsOfRefusal()
    {
        // A fuzzer that only ever produced parse errors would prove nothing about the mapping.
        foreach (var target in FuzzTarget.All)
        {
            var report = FuzzRun.Run(target, Seed, 400);
            Assert.True(report.Outcomes.GetValueOrDefault("Success") > 0, target.Name + " never succeeded");
            // Test-BankcardNumber has one refusal, InvalidCardNumber; the providers and the preflight have several.
            var kinds = target.Name == "Card number text" ? 2 : 3;
            Assert.True(report.Outcomes.Count >= kinds, target.Name + " reached only " + string.Join(",", report.Outcomes.Keys));
        }
    }

    [Fact]
    public void ACaseReplaysFromItsSeedAlone()
    {
        var target = FuzzTarget.All[0];
        var first = target.Make(new Random(FuzzRun.CaseSeed(Seed, target.Name, 1234)));
        var again = target.Make(new Random(FuzzRun.CaseSeed(Seed, target.Name, 1234)));

        Assert.Equal(first, again);
    }
}
