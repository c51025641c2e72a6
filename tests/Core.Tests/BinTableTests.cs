using BankcardOcr.Cards;

namespace BankcardOcr.Core.Tests;

public class BinTableTests
{
    private static readonly string DataDir = Path.Combine(RepoRoot(), "src", "Core", "Data");

    [Fact]
    public void EmbeddedTableHasEveryRowOfTheSourceFile()
    {
        var rows = File.ReadAllLines(Path.Combine(DataDir, "bin.csv")).Skip(1).Count(l => l.Trim().Length > 0);
        Assert.Equal(1709, rows);
        Assert.Equal(rows, BinTable.Count);
    }

    [Fact]
    public void EveryRowIsFoundByLongestPrefixAtItsLength()
    {
        // Reference: a brute-force scan over the CSV, written independently of the product's index.
        var names = File.ReadAllLines(Path.Combine(DataDir, "name.csv")).Skip(1)
            .Select(l => l.Split(','))
            .Where(p => p.Length >= 2 && p[0].Length > 0)
            .GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.Last()[1]);
        var rows = File.ReadAllLines(Path.Combine(DataDir, "bin.csv")).Skip(1)
            .Where(l => l.Trim().Length > 0)
            .Select(l => l.Split(','))
            .Select(p => (Prefix: p[0], Bank: p[1], Type: p[2], Length: int.Parse(p[3])))
            .ToList();
        var failures = new List<string>();
        foreach (var row in rows)
        {
            var number = CardNumbers.WithValidCheckDigit(row.Prefix, row.Length);
            var expected = rows
                .Where(r => r.Length == row.Length && number.StartsWith(r.Prefix, StringComparison.Ordinal))
                .OrderByDescending(r => r.Prefix.Length)
                .First();
            var found = BinTable.Lookup(number);
            var expectedName = names.TryGetValue(expected.Bank, out var n) && n.Length > 0 ? n : expected.Bank;
            var expectedType = expected.Type switch
            {
                "DC" => CardType.Debit,
                "CC" => CardType.Credit,
                "SCC" => CardType.QuasiCredit,
                "PC" => CardType.Prepaid,
                _ => CardType.Unknown,
            };
            if (found is null || found.Prefix != expected.Prefix || found.BankName != expectedName || found.CardType != expectedType || found.Length != row.Length)
            {
                failures.Add($"{row.Prefix}/{row.Length}: expected {expected.Prefix} {expectedName} {expectedType}, got {found?.Prefix} {found?.BankName} {found?.CardType}");
            }
        }

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("6228480402564890018", "622848", "ABC", "中国农业银行", CardType.Debit)]
    [InlineData("6222020200112345670", "622202", "ICBC", "中国工商银行", CardType.Debit)]
    [InlineData("622302", "622302", "GDRCC", null, CardType.Debit)]
    public void KnownRowsResolveToBankAndType(string numberOrPrefix, string bin, string bankCode, string? bankName, CardType type)
    {
        var number = numberOrPrefix.Length >= 12 ? numberOrPrefix : CardNumbers.WithValidCheckDigit(numberOrPrefix, 16);
        var entry = BinTable.Lookup(number);
        Assert.NotNull(entry);
        Assert.Equal(bin, entry!.Prefix);
        Assert.Equal(bankCode, entry.BankCode);
        if (bankName != null)
        {
            Assert.Equal(bankName, entry.BankName);
        }

        Assert.Equal(type, entry.CardType);
    }

    [Theory]
    [InlineData(16, "GDRCC")]
    [InlineData(18, "ICBC")]
    public void SamePrefixWithTwoLengthsIsToldApartByLength(int length, string bankCode) =>
        Assert.Equal(bankCode, BinTable.Lookup(CardNumbers.WithValidCheckDigit("622302", length))!.BankCode);

    [Fact]
    public void LengthWithNoRowFallsBackToTheLongestPrefixOfAnyLength()
    {
        // 622848 is listed for 19-digit ABC cards only; a 16-digit number still names the bank.
        var entry = BinTable.Lookup(CardNumbers.WithValidCheckDigit("622848", 16));
        Assert.Equal("ABC", entry!.BankCode);
    }

    [Fact]
    public void UnknownPrefixFindsNothing() =>
        Assert.Null(BinTable.Lookup(CardNumbers.WithValidCheckDigit("700000", 16)));

    [Fact]
    public void ConcurrentFirstUseSeesOneConsistentTable()
    {
        var results = new BinEntry?[64];
        Parallel.For(0, results.Length, i => results[i] = BinTable.Lookup("6228480402564890018"));
        Assert.All(results, r => Assert.Same(results[0], r));
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "BankcardOcr.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
