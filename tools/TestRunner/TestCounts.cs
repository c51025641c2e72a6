using System.Text.Json;
using System.Xml.Linq;

namespace BankcardOcr.TestRunner;

/// <summary>Passed and failed test counts, read from result files rather than console text.</summary>
internal readonly record struct TestCounts(int Passed, int Failed)
{
    public static TestCounts None => new(0, 0);

    public static TestCounts operator +(TestCounts a, TestCounts b) => new(a.Passed + b.Passed, a.Failed + b.Failed);

    /// <summary>Sums the <c>Counters</c> element of every TRX file in <paramref name="folder"/> (one per test project).</summary>
    public static TestCounts FromTrxFiles(string folder)
    {
        var sum = None;
        foreach (var file in Directory.EnumerateFiles(folder, "*.trx"))
        {
            var counters = XDocument.Load(file).Descendants().FirstOrDefault(e => e.Name.LocalName == "Counters");
            if (counters != null)
            {
                sum += new TestCounts(Attribute(counters, "passed"), Attribute(counters, "failed") + Attribute(counters, "error") + Attribute(counters, "timeout") + Attribute(counters, "aborted"));
            }
        }

        return sum;
    }

    /// <summary>Reads the counts RunPester.ps1 took from Pester's result object.</summary>
    public static TestCounts FromPesterSummary(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        return new TestCounts(json.RootElement.GetProperty("Passed").GetInt32(), json.RootElement.GetProperty("Failed").GetInt32());
    }

    /// <summary>
    /// Tests Pester skipped (a suite whose data or platform is absent says why in its output): not part of the sum,
    /// which counts what ran, but worth a line so that a suite skipped where it should have run is seen.
    /// </summary>
    public static int PesterSkipped(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        return json.RootElement.TryGetProperty("Skipped", out var skipped) ? skipped.GetInt32() : 0;
    }

    public override string ToString() => $"{Passed} passed, {Failed} failed";

    private static int Attribute(XElement element, string name) => int.TryParse((string?)element.Attribute(name), out var n) ? n : 0;
}
