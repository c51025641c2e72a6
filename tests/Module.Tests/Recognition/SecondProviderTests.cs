using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using BankcardOcr.Emulator;

namespace BankcardOcr.Module.Tests.Recognition;

/// <summary>
/// Two providers in one call against the emulator: -Fallback sends Tencent only what Local cannot verify, -CrossCheck
/// has a second provider read every image. Local reads rendered cards for real; the emulator answers the rest.
/// </summary>
public sealed class SecondProviderTests : IClassFixture<EmulatorFixture>
{
    private const string Fallback = "-Fallback Tencent -Credential $Cred -Endpoint $Endpoint -MaxRequestsPerSecond 0";
    private static readonly string Visa = CardNumbers.WithCheckDigit("411111111111111");
    private static readonly string UnionPay = CardNumbers.WithCheckDigit("622848040256489001");
    private readonly EmulatorFixture _fixture;

    public SecondProviderTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
        fixture.Reset();
    }

    [Fact]
    public void AFallbackGetsOnlyTheImagesLocalCannotVerifyAndEachResultSaysWhoAnswered()
    {
        var readable = Card("fb-read.jpg", Visa, index: 70);
        var blank = Blank("fb-blank.jpg", index: 71);
        var specimen = Card("fb-specimen.jpg", Specimen(), index: 72);

        var run = Run($"Invoke-BankcardRecognition -LiteralPath '{readable}','{blank}','{specimen}' -Ordered {Fallback} -Verbose");

        Assert.Empty(run.Errors);
        Assert.Equal(new[] { "Local", "Tencent", "Tencent" }, run.Output.Select(o => o.Properties["Provider"].Value));
        Assert.Equal(Visa, run.Output[0].Properties["CardNumber"].Value);
        Assert.Equal(_fixture.Emulator.Options.DefaultCard!.CardNumber, run.Output[1].Properties["CardNumber"].Value);
        Assert.Equal(2, _fixture.Emulator.Stats.Requests(EmulatedApi.Tencent));
        Assert.Contains(run.Verbose, v => v.Message == "3 inputs: 2 went to Tencent (the ones Local could not verify); the other 1 never left this machine.");
        var last = run.Progress.Last(p => p.RecordType == ProgressRecordType.Processing);
        Assert.Contains("3 of 3 images", last.StatusDescription, StringComparison.Ordinal);
        Assert.Contains("2 sent to Tencent", last.StatusDescription, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnverifiedReadingGoesToTheFallbackToo()
    {
        var specimen = Card("fb-unverified.jpg", Specimen(), index: 73);

        var run = Run($"Invoke-BankcardRecognition -LiteralPath '{specimen}' -IncludeUnverified {Fallback}");

        var result = Assert.Single(run.Output);
        Assert.Equal("Tencent", result.Properties["Provider"].Value);
        Assert.Equal(string.Empty, result.Properties["Warnings"].Value);
        Assert.Equal(1, _fixture.Emulator.Stats.Requests(EmulatedApi.Tencent));
    }

    [Fact]
    public void WrongFallbackKeysEndTheCallOnceAndTheLocalResultsAlreadyWrittenStay()
    {
        var cards = new[] { Card("fb-keys0.jpg", Visa, index: 74), Card("fb-keys1.jpg", UnionPay, index: 75) };
        var blank = Blank("fb-keys-blank.jpg", index: 76);

        var run = HostedPowerShell.Run(
            $"Invoke-BankcardRecognition -LiteralPath '{cards[0]}','{cards[1]}','{blank}' -ThrottleLimit 2 {Fallback}",
            _fixture.Variables(secretKey: "wrong-key"));

        Assert.Equal(2, run.Output.Count);
        Assert.All(run.Output, o => Assert.Equal("Local", o.Properties["Provider"].Value));
        var error = Assert.Single(run.Errors);
        Assert.StartsWith("AuthenticationFailed,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(1, _fixture.Emulator.Stats.Requests(EmulatedApi.Tencent));
        Assert.DoesNotContain(run.AllText(), t => t.Contains("wrong-key", StringComparison.Ordinal));
    }

    [Fact]
    public void OrderedOutputKeepsInputOrderWhenTheFallbackAnswersLast()
    {
        _fixture.Emulator.Latency = TimeSpan.FromMilliseconds(400);
        var blank = Blank("fb-order-blank.jpg", index: 77);
        var cards = new[] { Card("fb-order0.jpg", Visa, index: 78), Card("fb-order1.jpg", UnionPay, index: 79) };

        var run = Run($"Invoke-BankcardRecognition -LiteralPath '{blank}','{cards[0]}','{cards[1]}' -Ordered {Fallback}");

        Assert.Empty(run.Errors);
        Assert.Equal(new[] { blank, cards[0], cards[1] }, run.Output.Select(o => o.Properties["Source"].Value));
        Assert.Equal(new[] { "Tencent", "Local", "Local" }, run.Output.Select(o => o.Properties["Provider"].Value));
    }

    [Fact]
    public void WhatIfListsTheImagesThatWouldBeSentAndSendsNone()
    {
        var readable = Card("fb-whatif-read.jpg", Visa, index: 80);
        var blank = Blank("fb-whatif-blank.jpg", index: 81);

        var run = Run($"Invoke-BankcardRecognition -LiteralPath '{readable}','{blank}' {Fallback} -WhatIf");

        Assert.Equal(0, _fixture.Emulator.Stats.Requests(EmulatedApi.Tencent));
        Assert.Contains($"Performing the operation \"Send to Tencent for recognition (the offline recognizer could not verify a number)\" on target \"{blank}\"", run.HostText, StringComparison.Ordinal);
        Assert.DoesNotContain(readable, run.HostText, StringComparison.Ordinal);
        Assert.Equal(Visa, Assert.Single(run.Output).Properties["CardNumber"].Value);
    }

    [Fact]
    public void CtrlCDuringTheFallbackCancelsItsRequestsAndWritesNothingMore()
    {
        _fixture.Emulator.Latency = TimeSpan.FromSeconds(30);
        var blanks = new[] { Blank("fb-stop0.jpg", index: 82), Blank("fb-stop1.jpg", index: 83) };
        using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        foreach (var (name, value) in _fixture.Variables())
        {
            runspace.SessionStateProxy.SetVariable(name, value);
        }

        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript($"Import-Module '{HostedPowerShell.ManifestPath}'; Invoke-BankcardRecognition -LiteralPath '{blanks[0]}','{blanks[1]}' {Fallback}");
        var output = new PSDataCollection<PSObject>();
        var handle = ps.BeginInvoke<PSObject, PSObject>(null, output);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (_fixture.Emulator.Stats.InFlight < 2 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }

        Assert.Equal(2, _fixture.Emulator.Stats.InFlight);
        var watch = Stopwatch.StartNew();
        ps.Stop();
        Assert.True(handle.IsCompleted);
        Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"Stop took {watch.Elapsed}");
        Assert.Empty(output);
        while (_fixture.Emulator.Stats.InFlight > 0 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }

        Assert.Equal(0, _fixture.Emulator.Stats.InFlight);
    }

    [Fact]
    public void ACrossCheckThatReadsTheSameNumberConfirmsIt()
    {
        var path = Card("cc-same.jpg", UnionPay, index: 84);
        _fixture.Emulator.RegisterCard(File.ReadAllBytes(path), new EmulatedCard { CardNumber = UnionPay });

        var run = Run($"Invoke-BankcardRecognition -LiteralPath '{path}' -CrossCheck Tencent -Credential $Cred -Endpoint $Endpoint -MaxRequestsPerSecond 0");

        Assert.Empty(run.Errors);
        var result = Assert.Single(run.Output).Properties;
        Assert.Equal("Local", result["Provider"].Value);
        Assert.Equal(true, result["IsConfirmed"].Value);
        Assert.Equal("Tencent", result["CrossCheckProvider"].Value);
        Assert.Equal(string.Empty, result["Warnings"].Value);
        Assert.Equal(1, _fixture.Emulator.Stats.Requests(EmulatedApi.Tencent));
    }

    [Fact]
    public void ACrossCheckThatReadsAnotherNumberWarnsAndNoStreamShowsEitherNumberWhole()
    {
        var other = CardNumbers.WithCheckDigit("622848040256489777");
        var path = Card("cc-other.jpg", UnionPay, index: 85);
        _fixture.Emulator.RegisterCard(File.ReadAllBytes(path), new EmulatedCard { CardNumber = other });

        var run = Run($"Invoke-BankcardRecognition -LiteralPath '{path}' -CrossCheck Tencent -Credential $Cred -Endpoint $Endpoint -MaxRequestsPerSecond 0 -MaskCardNumber -Verbose");
        var debug = Run($"Invoke-BankcardRecognition -LiteralPath '{path}' -CrossCheck Tencent -Credential $Cred -Endpoint $Endpoint -MaxRequestsPerSecond 0 -Debug");

        Assert.Empty(run.Errors);
        var result = Assert.Single(run.Output).Properties;
        Assert.Equal(false, result["IsConfirmed"].Value);
        Assert.Equal("ProvidersDisagree", result["Warnings"].Value);
        Assert.Equal(CardNumbers.Masked(other), result["CrossCheckCardNumber"].Value);
        Assert.Equal(CardNumbers.Masked(UnionPay), result["CardNumber"].Value);
        var warning = Assert.Single(run.Warnings).Message;
        Assert.Contains(CardNumbers.Masked(UnionPay), warning, StringComparison.Ordinal);
        Assert.Contains(CardNumbers.Masked(other), warning, StringComparison.Ordinal);
        Assert.Contains("ProvidersDisagree", warning, StringComparison.Ordinal);
        // Under -Debug a warning must not ask "Continue?" (a terminating error in an unattended run): it is a debug line.
        Assert.Empty(debug.Errors);
        Assert.Contains(debug.Debug, d => d.Message.StartsWith("WARNING: ", StringComparison.Ordinal) && d.Message.Contains("ProvidersDisagree", StringComparison.Ordinal));
        var everything = run.AllText().Concat(debug.AllText().Where(t => !t.StartsWith("BankcardOcr.BankcardRecognitionResult", StringComparison.Ordinal)))
            .Concat(run.Output.SelectMany(o => o.Properties.Select(p => p.Value?.ToString() ?? string.Empty)))
            .Concat(debug.Output.SelectMany(o => o.Properties.Where(p => p.Name != "CardNumber").Select(p => p.Value?.ToString() ?? string.Empty)))
            .ToList();
        Assert.DoesNotContain(everything, t => t.Contains(UnionPay, StringComparison.Ordinal) || t.Contains(other, StringComparison.Ordinal));
    }

    [Fact]
    public void LocalCanCrossCheckACloudCall()
    {
        var path = Card("cc-local.jpg", UnionPay, index: 86);
        _fixture.Emulator.RegisterCard(File.ReadAllBytes(path), new EmulatedCard { CardNumber = UnionPay });

        var run = Run($"Invoke-BankcardRecognition -LiteralPath '{path}' -Provider Tencent -CrossCheck Local -Credential $Cred -Endpoint $Endpoint -MaxRequestsPerSecond 0");

        Assert.Empty(run.Errors);
        var result = Assert.Single(run.Output).Properties;
        Assert.Equal("Tencent", result["Provider"].Value);
        Assert.Equal("Local", result["CrossCheckProvider"].Value);
        Assert.Equal(true, result["IsConfirmed"].Value);
    }

    [Theory]
    [InlineData("-Provider Tencent -Fallback Huawei", "FallbackNeedsLocal")]
    [InlineData("-Fallback Tencent -CrossCheck Tencent", "FallbackWithCrossCheck")]
    [InlineData("-Fallback Local", "SameProviderTwice")]
    [InlineData("-Provider Tencent -CrossCheck Huawei", "ProviderPairNotSupported")]
    [InlineData("-CrossCheck Local", "ProviderRequired")]
    public void PairsThatCannotWorkEndTheCallBeforeAnythingIsRead(string parameters, string errorId)
    {
        var path = Card("pair.jpg", Visa, index: 87);

        var run = Run($"Invoke-BankcardRecognition -LiteralPath '{path}' {parameters} -Credential $Cred -Endpoint $Endpoint");

        var error = Assert.Single(run.Errors);
        Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Empty(run.Output);
        Assert.Equal(0, _fixture.Emulator.Stats.TotalRequests);
    }

    [Fact]
    public void TheFallbacksOwnParametersAreAcceptedAndOthersStillRefused()
    {
        var path = Card("fb-params.jpg", Visa, index: 88);

        var accepted = Run($"Invoke-BankcardRecognition -LiteralPath '{path}' {Fallback} -DetectCopy -Region ap-beijing");
        var refused = Run($"Invoke-BankcardRecognition -LiteralPath '{path}' {Fallback} -ProjectId p1");

        Assert.Empty(accepted.Errors);
        Assert.StartsWith("ParameterNotForProvider,", Assert.Single(refused.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    private HostedRun Run(string script) => HostedPowerShell.Run(script, _fixture.Variables());

    private string Card(string name, string number, int index) => _fixture.WriteImage(name, TestCards.Card(number, null, "09/30", index));

    private string Blank(string name, int index) => _fixture.WriteImage(name, TestCards.Blank(index));

    /// <summary>A Visa-prefixed 16-digit number whose check digit is wrong, as printed on specimen cards.</summary>
    private static string Specimen() => CardNumbers.CheckDigitOff(CardNumbers.WithCheckDigit("400012345678901"), 5);
}
