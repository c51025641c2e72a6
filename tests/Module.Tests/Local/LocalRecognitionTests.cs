using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BankcardOcr.Module.Tests;
using Xunit;

namespace BankcardOcr.Module.Tests.Local;

/// <summary>
/// The offline recognizer end to end in the hosted engine: card photos rendered by CardSynth (<see cref="TestCards"/>),
/// read by Invoke-BankcardRecognition with no provider named (Local is the default) and no network.
/// </summary>
public sealed class LocalRecognitionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bankcardocr-local-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ReadsGeneratedCardsOfflineWithNumberBankAndExpiry()
    {
        var cards = new[]
        {
            (Number: CardNumbers.WithValidCheckDigit("622848040256489001", 19), Grouping: new[] { 4, 4, 4, 4, 3 }, Date: "08/29", Index: 11),
            (Number: CardNumbers.WithValidCheckDigit("411111111111111", 16), Grouping: new[] { 4, 4, 4, 4 }, Date: "12/27", Index: 12),
            (Number: CardNumbers.WithValidCheckDigit("37828224631000", 15), Grouping: new[] { 4, 6, 5 }, Date: "03/28", Index: 13),
        };
        var paths = cards.Select((c, i) => Write($"card{i}.jpg", TestCards.Card(c.Number, c.Grouping, c.Date, c.Index))).ToArray();

        var run = HostedPowerShell.Run($"Invoke-BankcardRecognition -LiteralPath {string.Join(",", paths.Select(p => "'" + p + "'"))} -Ordered");

        Assert.Empty(run.Errors);
        Assert.Equal(cards.Length, run.Output.Count);
        for (var i = 0; i < cards.Length; i++)
        {
            var result = run.Output[i].Properties;
            Assert.Equal("Local", result["Provider"].Value);
            Assert.Equal(cards[i].Number, result["CardNumber"].Value);
            Assert.Equal(true, result["IsLuhnValid"].Value);
            Assert.Equal(string.Empty, result["Warnings"].Value);
            Assert.Equal(cards[i].Date.Substring(0, 3) + "20" + cards[i].Date.Substring(3), result["ValidThru"].Value);
            Assert.InRange((double)result["Confidence"].Value!, 0.5, 1.0);
        }

        Assert.Equal("中国农业银行", run.Output[0].Properties["BankName"].Value);
        Assert.Equal("Debit", run.Output[0].Properties["CardType"].Value);
    }

    [Fact]
    public void CardsScannedSidewaysOrUpsideDownAreReadAfterTurning()
    {
        var number = CardNumbers.WithValidCheckDigit("622848040256489002", 19);
        var paths = new[] { 1, 2, 3 }.Select(turns => Write($"turned{turns}.jpg",
            TestCards.Card(number, new[] { 4, 4, 4, 4, 3 }, "06/31", index: 41, quarterTurns: turns))).ToArray();

        var run = HostedPowerShell.Run($"Invoke-BankcardRecognition -LiteralPath {string.Join(",", paths.Select(p => "'" + p + "'"))} -Ordered");

        Assert.Empty(run.Errors);
        Assert.Equal(3, run.Output.Count);
        Assert.All(run.Output, result =>
        {
            Assert.Equal(number, result.Properties["CardNumber"].Value);
            Assert.Equal("06/2031", result.Properties["ValidThru"].Value);
            Assert.Equal(string.Empty, result.Properties["Warnings"].Value);
        });
    }

    [Fact]
    public void PhotoWithoutACardIsNoCardFoundAndTheOtherImagesStillGetResults()
    {
        var number = CardNumbers.WithValidCheckDigit("411111111111111", 16);
        var card = Write("card.jpg", TestCards.Card(number, null, "11/30", index: 21));
        var empty = Write("no-card.jpg", TestCards.Blank(index: 22));

        var run = HostedPowerShell.Run($"Invoke-BankcardRecognition -LiteralPath '{empty}','{card}' -Ordered");

        var error = Assert.Single(run.Errors);
        Assert.StartsWith("NoCardFound,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains(empty, error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(number, Assert.Single(run.Output).Properties["CardNumber"].Value);
    }

    [Fact]
    public void LuhnFailingSpecimenNumberIsNoCardFoundUnlessIncludeUnverifiedReturnsItFlagged()
    {
        var specimen = "4000123456789010"; // a sample number printed on specimen cards: fails Luhn
        var path = Write("specimen.jpg", TestCards.Card(specimen, null, "09/26", index: 31));

        var strict = HostedPowerShell.Run($"Invoke-BankcardRecognition -LiteralPath '{path}'");
        var error = Assert.Single(strict.Errors);
        Assert.StartsWith("NoCardFound,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("16 digits, Luhn fails", error.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(specimen, error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(strict.Output);

        var lenient = HostedPowerShell.Run($"Invoke-BankcardRecognition -LiteralPath '{path}' -IncludeUnverified");
        Assert.Empty(lenient.Errors);
        var result = Assert.Single(lenient.Output).Properties;
        Assert.Equal(specimen, result["CardNumber"].Value);
        Assert.Equal(false, result["IsLuhnValid"].Value);
        Assert.Equal("Unverified", result["Warnings"].Value);
    }

    [Fact]
    public void IncludeUnverifiedReturnsAFragmentOfDigitsAndNeverSuggestsItselfWhenNoDigitWasRead()
    {
        var fragment = Write("fragment.jpg", TestCards.Card("2468135", new[] { 4, 3 }, string.Empty, index: 33));
        // Card 3 carries the JCB mark, which has no lettering: the UnionPay mark's lettering can read as a stray digit.
        var blank = Write("blank.jpg", TestCards.Blank(index: 3));

        var run = HostedPowerShell.Run($"Invoke-BankcardRecognition -LiteralPath '{fragment}','{blank}' -IncludeUnverified -Ordered");

        var result = Assert.Single(run.Output).Properties;
        Assert.Equal("2468135", result["CardNumber"].Value);
        Assert.Equal("Unverified", result["Warnings"].Value);
        var error = Assert.Single(run.Errors);
        Assert.StartsWith("NoCardFound,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("no digits were read", error.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("-IncludeUnverified", error.Exception.Message, StringComparison.Ordinal);
    }

    private string Write(string name, byte[] data)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, data);
        return path;
    }
}
