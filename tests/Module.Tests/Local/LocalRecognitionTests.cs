using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BankcardOcr.Module.Tests;
using Xunit;

namespace BankcardOcr.Module.Tests.Local;

/// <summary>
/// The offline recognizer end to end in the hosted engine: card photos rendered from a seed, read by
/// Invoke-BankcardRecognition with no provider named (Local is the default) and no network.
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
            (Number: Complete("622848040256489"+"001", 19), Grouping: new[] { 4, 4, 4, 4, 3 }, Date: "08/29", Seed: 11),
            (Number: Complete("411111111111111", 16), Grouping: new[] { 4, 4, 4, 4 }, Date: "12/27", Seed: 12),
            (Number: Complete("37828224631000", 15), Grouping: new[] { 4, 6, 5 }, Date: "03/28", Seed: 13),
        };
        var paths = cards.Select((c, i) => Write($"card{i}.bmp", StrokeCard.Render(Grouped(c.Number, c.Grouping), c.Date, c.Seed))).ToArray();

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
        var number = Complete("622848040256489" + "002", 19);
        var paths = new[] { 1, 2, 3 }.Select(turns => Write($"turned{turns}.bmp",
            StrokeCard.Render(Grouped(number, new[] { 4, 4, 4, 4, 3 }), "06/31", seed: 41, quarterTurns: turns))).ToArray();

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
        var number = Complete("411111111111111", 16);
        var card = Write("card.bmp", StrokeCard.Render(Grouped(number, new[] { 4, 4, 4, 4 }), "11/30", seed: 21));
        var empty = Write("no-card.bmp", StrokeCard.Render(string.Empty, string.Empty, seed: 22));

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
        var path = Write("specimen.bmp", StrokeCard.Render(Grouped(specimen, new[] { 4, 4, 4, 4 }), "09/26", seed: 31));

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
        var fragment = Write("fragment.bmp", StrokeCard.Render("2468 135", string.Empty, seed: 33));
        var blank = Write("blank.bmp", StrokeCard.Render(string.Empty, string.Empty, seed: 34));

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

    private static string Grouped(string digits, int[] grouping)
    {
        var parts = new List<string>();
        var at = 0;
        foreach (var size in grouping)
        {
            parts.Add(digits.Substring(at, size));
            at += size;
        }

        return string.Join(" ", parts);
    }

    /// <summary>Pads <paramref name="body"/> to <paramref name="length"/> − 1 digits and appends the Luhn check digit.</summary>
    private static string Complete(string body, int length)
    {
        body = body.Substring(0, Math.Min(body.Length, length - 1)).PadRight(length - 1, '0');
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var d = body[body.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }

            sum += d;
        }

        return body + (char)('0' + (10 - sum % 10) % 10);
    }
}
