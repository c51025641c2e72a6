using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using BankcardOcr.Emulator;

namespace BankcardOcr.Module.Tests.Recognition;

/// <summary>Pipeline-scale behaviour of Invoke-BankcardRecognition: lossless under faults, Ctrl+C, progress, no leaks.</summary>
public class BatchBehaviourTests : IClassFixture<EmulatorFixture>
{
    private const string Tencent = "-Provider Tencent -Credential $Cred -Endpoint $Endpoint";
    private const string Legacy = "-Provider TencentLegacy -Credential $Cred -Endpoint $Endpoint -AppId $AppId";
    private readonly EmulatorFixture _fixture;
    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public BatchBehaviourTests(EmulatorFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
        fixture.Reset();
    }

    [Fact]
    public void FiveHundredImagesWithMixedFaultsYieldExactlyOneOutcomeEach()
    {
        var dir = Path.Combine(_fixture.Folder, "mixed");
        var expected = new List<string>();
        for (var i = 0; i < 500; i++)
        {
            // Every 50th input is a GIF (refused before sending), every 50th+1 is missing from disk.
            var name = Path.Combine("mixed", i % 50 == 0 ? $"{i:000}.gif" : $"{i:000}.png");
            var path = Path.Combine(_fixture.Folder, name);
            if (i % 50 != 1)
            {
                _fixture.WriteImage(name, i % 50 == 0 ? TestImages.Gif() : TestImages.Png(tag: "mixed" + i));
            }

            expected.Add(path);
        }

        _fixture.Emulator.RandomFaults = new FaultPlan
        {
            Seed = 500,
            VendorRateLimit = 0.05,
            VendorInternalError = 0.05,
            TooManyRequests = 0.01,
            ServerError = 0.04,
            ConnectionAbort = 0.03,
            MalformedJson = 0.02,
            ExtraLatency = 0.05,
            ExtraLatencyAmount = TimeSpan.FromMilliseconds(50),
            RetryAfter = TimeSpan.FromMilliseconds(100),
        };

        var run = HostedPowerShell.Run(
            $"Invoke-BankcardRecognition -LiteralPath $Paths {Tencent} -ThrottleLimit 16 -MaxRequestsPerSecond 0 -MaxRetries 3",
            new Dictionary<string, object?>(_fixture.Variables()) { ["Paths"] = expected.ToArray() });

        var fromResults = run.Output.Select(o => (string)o.Properties["Source"].Value).ToList();
        var fromErrors = run.Errors.Select(e => e.TargetObject?.ToString() ?? "<null>").ToList();
        Assert.Equal(500, fromResults.Count + fromErrors.Count);
        Assert.Equal(expected.Order(), fromResults.Concat(fromErrors).Order());
        Assert.Equal(10, run.Errors.Count(e => e.FullyQualifiedErrorId.StartsWith("UnsupportedImageFormat,", StringComparison.Ordinal)));
        Assert.Equal(10, run.Errors.Count(e => e.FullyQualifiedErrorId.StartsWith("ImageNotFound,", StringComparison.Ordinal)));
        Assert.True(_fixture.Emulator.Stats.FaultsInjected > 50, "the plan should have injected faults");
        Assert.True(fromResults.Count > 400, $"retries should rescue most transient faults; {fromResults.Count} succeeded");
    }

    [Fact]
    public void OrderedOutputFollowsInputOrderUnderLatencyJitter()
    {
        var paths = Enumerable.Range(0, 40).Select(i => _fixture.WriteImage(Path.Combine("ordered", $"{i:00}.png"), TestImages.Png(tag: "ordered" + i))).ToArray();
        _fixture.Emulator.RandomFaults = new FaultPlan { Seed = 7, ExtraLatency = 0.3, ExtraLatencyAmount = TimeSpan.FromMilliseconds(80) };
        var run = HostedPowerShell.Run(
            $"Invoke-BankcardRecognition -LiteralPath $Paths {Tencent} -Ordered -ThrottleLimit 8 -MaxRequestsPerSecond 0",
            new Dictionary<string, object?>(_fixture.Variables()) { ["Paths"] = paths });
        Assert.Empty(run.Errors);
        Assert.Equal(paths, run.Output.Select(o => (string)o.Properties["Source"].Value));
    }

    [Fact]
    public void ThrottleLimitCapsRequestsInFlight()
    {
        var paths = Enumerable.Range(0, 30).Select(i => _fixture.WriteImage(Path.Combine("throttle", $"{i:00}.png"), TestImages.Png(tag: "throttle" + i))).ToArray();
        _fixture.Emulator.Latency = TimeSpan.FromMilliseconds(40);
        var run = HostedPowerShell.Run(
            $"Invoke-BankcardRecognition -LiteralPath $Paths {Legacy} -ThrottleLimit 3 -MaxRequestsPerSecond 0",
            new Dictionary<string, object?>(_fixture.Variables()) { ["Paths"] = paths });
        Assert.Empty(run.Errors);
        Assert.Equal(30, run.Output.Count);
        Assert.InRange(_fixture.Emulator.Stats.MaxConcurrent, 2, 3);
    }

    [Fact]
    public void StopCancelsRequestsInFlightAndWritesNothingAfterwards()
    {
        var paths = Enumerable.Range(0, 12).Select(i => _fixture.WriteImage(Path.Combine("stop", $"{i:00}.png"), TestImages.Png(tag: "stop" + i))).ToArray();
        _fixture.Emulator.Latency = TimeSpan.FromSeconds(30);
        using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        foreach (var (name, value) in _fixture.Variables())
        {
            runspace.SessionStateProxy.SetVariable(name, value);
        }

        runspace.SessionStateProxy.SetVariable("Paths", paths);
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript($"Import-Module '{HostedPowerShell.ManifestPath}'; Invoke-BankcardRecognition -LiteralPath $Paths {Tencent} -ThrottleLimit 4 -MaxRequestsPerSecond 0");
        var output = new PSDataCollection<PSObject>();
        var handle = ps.BeginInvoke<PSObject, PSObject>(null, output);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (_fixture.Emulator.Stats.InFlight < 4 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }

        Assert.Equal(4, _fixture.Emulator.Stats.InFlight);
        var watch = Stopwatch.StartNew();
        ps.Stop();
        watch.Stop();
        Assert.True(handle.IsCompleted);
        Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        Assert.Empty(output);

        // The emulator sees every in-flight request aborted, not left to time out.
        while (_fixture.Emulator.Stats.InFlight > 0 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }

        Assert.Equal(0, _fixture.Emulator.Stats.InFlight);
        Assert.Equal(4, _fixture.Emulator.Stats.Requests(EmulatedApi.Tencent));
        // Generous bound: a sanity check that Stop did not wait for the 30 s answers; the figure is reported, not judged.
        _output.WriteLine($"Stop returned after {watch.Elapsed.TotalMilliseconds:F1} ms with 4 requests in flight.");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"Stop took {watch.Elapsed}");
    }

    [Fact]
    public void ProgressReportsDoneOfTotalAndCompletes()
    {
        var paths = Enumerable.Range(0, 8).Select(i => _fixture.WriteImage(Path.Combine("progress", $"{i}.png"), TestImages.Png(tag: "progress" + i))).ToArray();
        var run = HostedPowerShell.Run(
            $"Invoke-BankcardRecognition -LiteralPath $Paths {Tencent} -MaxRequestsPerSecond 0",
            new Dictionary<string, object?>(_fixture.Variables()) { ["Paths"] = paths });
        Assert.Equal(8, run.Output.Count);
        Assert.NotEmpty(run.Progress);
        Assert.All(run.Progress, p => Assert.Equal("Recognising bank cards with Tencent", p.Activity));
        Assert.Contains(run.Progress, p => p.StatusDescription.Contains(" of 8 images", StringComparison.Ordinal) && p.PercentComplete >= 0);
        Assert.Equal(ProgressRecordType.Completed, run.Progress[^1].RecordType);
    }

    [Fact]
    public void NoSecretSignatureOrFullCardNumberReachesAnyStream()
    {
        var good = _fixture.WriteImage("leak-good.png", TestImages.Png(tag: "leak-good"));
        var bad = _fixture.WriteImage("leak-bad.gif", TestImages.Gif());
        _fixture.Emulator.EnqueueFault(EmulatedApi.TencentLegacy, EmulatedFault.VendorError("9"));
        _fixture.Emulator.EnqueueFault(EmulatedApi.Tencent, EmulatedFault.VendorError("RequestLimitExceeded"));
        var script = $"""
            Invoke-BankcardRecognition -LiteralPath '{good}', '{bad}' {Tencent} -Verbose -Debug | Out-Default
            Invoke-BankcardRecognition -LiteralPath '{good}' {Legacy} -Verbose -Debug | Out-Default
            Invoke-BankcardRecognition -LiteralPath '{good}' {Tencent} -Verbose -Debug -MaskCardNumber
            (Invoke-BankcardRecognition -LiteralPath '{good}' {Tencent}).ToString()
            Invoke-BankcardRecognition -LiteralPath '{good}' -Provider Tencent -Credential $WrongCred -Endpoint $Endpoint -Verbose -Debug
            """;
        var variables = new Dictionary<string, object?>(_fixture.Variables())
        {
            ["WrongCred"] = new PSCredential("AKIDwrong", new System.Net.NetworkCredential(string.Empty, "wrong-secret-key-value").SecurePassword),
        };

        var run = HostedPowerShell.Run(script, variables);

        Assert.NotEmpty(run.Verbose);
        Assert.NotEmpty(run.Debug);
        Assert.Equal(new[] { "UnsupportedImageFormat", "AuthenticationFailed" }, run.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
        var forbidden = _fixture.Secrets().Append("wrong-secret-key-value").Append("6222020200112233445").Append("Signature=").Append("TC3-HMAC-SHA256 Credential").ToList();
        foreach (var text in run.AllText())
        {
            foreach (var secret in forbidden)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
    }
}
