using System.Management.Automation;
using BankcardOcr.Emulator;

namespace BankcardOcr.Module.Tests.Recognition;

/// <summary>Invoke-BankcardRecognition -Provider Tencent / TencentLegacy against the emulator, through real binding.</summary>
public class TencentRecognitionTests : IClassFixture<EmulatorFixture>
{
    private const string Tencent = "-Provider Tencent -Credential $Cred -Endpoint $Endpoint -MaxRequestsPerSecond 0";
    private const string Legacy = "-Provider TencentLegacy -Credential $Cred -Endpoint $Endpoint -AppId $AppId -MaxRequestsPerSecond 0";
    private readonly EmulatorFixture _fixture;

    public TencentRecognitionTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
        fixture.Reset();
    }

    private HostedRun Run(string script, string? secretKey = null) => HostedPowerShell.Run(script, _fixture.Variables(secretKey));

    public static TheoryData<string> Providers => new() { Tencent, Legacy, Legacy + " -UseBase64" };

    [Theory]
    [MemberData(nameof(Providers))]
    public void FileByPathMapsEveryField(string provider)
    {
        var path = _fixture.WriteImage($"path-{provider.GetHashCode():x}.png", TestImages.Png(tag: "path" + provider));
        var run = Run($"Invoke-BankcardRecognition -Path '{path}' {provider}");
        Assert.Empty(run.Errors);
        var result = run.Output.Single();
        var card = _fixture.Emulator.Options.DefaultCard!;
        Assert.Equal("BankcardOcr.BankcardRecognitionResult", result.TypeNames[0]);
        Assert.Equal(path, result.Properties["Source"].Value);
        Assert.Equal(card.CardNumber, result.Properties["CardNumber"].Value);
        Assert.Equal(card.BankName, result.Properties["BankName"].Value);
        Assert.Equal(card.BankCode, result.Properties["BankCode"].Value);
        Assert.Equal("Debit", result.Properties["CardType"].Value);
        Assert.Equal(card.CardType, result.Properties["CardTypeText"].Value);
        Assert.Equal(card.ValidThru, result.Properties["ValidThru"].Value);
        Assert.Equal("UnionPay", result.Properties["Network"].Value);
        Assert.NotEqual("", result.Properties["RequestId"].Value);
    }

    [Fact]
    public void LegacyConfidenceComesFromTheCardNumberItem()
    {
        var path = _fixture.WriteImage("legacy-conf.png", TestImages.Png(tag: "legacy-conf"));
        var result = Run($"Invoke-BankcardRecognition '{path}' {Legacy}").Output.Single();
        Assert.Equal(_fixture.Emulator.Options.DefaultCard!.CardNumberConfidence, (double)result.Properties["Confidence"].Value, 4);
        Assert.Contains("CardNumber=", (string)result.Properties["FieldConfidences"].Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Tencent)]
    [InlineData(Legacy)]
    public void RegisteredCardsComeBackForTheirOwnImages(string provider)
    {
        var image = TestImages.Png(tag: "registered" + provider);
        var card = new EmulatedCard { CardNumber = "6228480402564890018", BankName = "中国农业银行", BankCode = "01030000", CardType = "贷记卡" };
        _fixture.Emulator.RegisterCard(image, card);
        var path = _fixture.WriteImage($"registered-{provider.Length}.png", image);
        var result = Run($"Invoke-BankcardRecognition '{path}' {provider}").Output.Single();
        Assert.Equal("6228480402564890018", result.Properties["CardNumber"].Value);
        Assert.Equal("Credit", result.Properties["CardType"].Value);
    }

    [Theory]
    [InlineData(Tencent)]
    [InlineData(Legacy)]
    public void UrlsAreSentForTheProviderToDownload(string provider)
    {
        var url = _fixture.Emulator.RegisterImageUrl($"card{provider.Length}.png", TestImages.Png(tag: "url" + provider));
        var run = Run($"Invoke-BankcardRecognition -Uri '{url}' {provider}");
        Assert.Empty(run.Errors);
        Assert.Equal(url.AbsoluteUri, run.Output.Single().Properties["Source"].Value);
    }

    [Theory]
    [InlineData(Tencent)]
    [InlineData(Legacy)]
    public void BytesCarryTheGivenName(string provider)
    {
        var run = HostedPowerShell.Run(
            $"Invoke-BankcardRecognition -Image $Bytes -Name 'scan-7' {provider}; Invoke-BankcardRecognition -Image $Bytes {provider}",
            new Dictionary<string, object?>(_fixture.Variables()) { ["Bytes"] = TestImages.Jpeg() });
        Assert.Empty(run.Errors);
        Assert.Equal(new[] { "scan-7", "image1" }, run.Output.Select(o => (string)o.Properties["Source"].Value));
    }

    [Fact]
    public void FileInfoObjectsBindThroughPSPath()
    {
        var dir = Path.Combine(_fixture.Folder, "psp");
        for (var i = 0; i < 3; i++)
        {
            _fixture.WriteImage(Path.Combine("psp", $"c{i}.png"), TestImages.Png(tag: "psp" + i));
        }

        // What Get-ChildItem emits: objects whose PSPath names the provider.
        var run = Run($$"""
            [System.IO.Directory]::GetFiles('{{dir}}') | ForEach-Object { [pscustomobject]@{ PSPath = "Microsoft.PowerShell.Core\FileSystem::$_" } } |
                Invoke-BankcardRecognition {{Tencent}}
            """);
        Assert.Empty(run.Errors);
        Assert.Equal(3, run.Output.Count);
    }

    [Fact]
    public void WildcardsExpandAndRelativePathsResolveAgainstTheLocation()
    {
        var dir = Path.Combine(_fixture.Folder, "wild");
        for (var i = 0; i < 4; i++)
        {
            _fixture.WriteImage(Path.Combine("wild", $"w{i}.png"), TestImages.Png(tag: "wild" + i));
        }

        // Set-Location is not among the engine's core commands; the session state API is what it calls.
        var run = Run($"$null = $ExecutionContext.SessionState.Path.SetLocation('{dir}'); Invoke-BankcardRecognition './w*.png' {Tencent} -Ordered");
        Assert.Empty(run.Errors);
        Assert.Equal(Enumerable.Range(0, 4).Select(i => Path.Combine(dir, $"w{i}.png")), run.Output.Select(o => (string)o.Properties["Source"].Value));
    }

    [Fact]
    public void MissingFilesAndFoldersAreImageNotFoundAndTheRestGoOn()
    {
        var good = _fixture.WriteImage("good.png", TestImages.Png(tag: "good"));
        var missing = Path.Combine(_fixture.Folder, "missing.png");
        var run = Run($"Invoke-BankcardRecognition -LiteralPath '{missing}', '{_fixture.Folder}', '{good}' {Tencent}; Invoke-BankcardRecognition -Path '{_fixture.Folder}/nothing*.png' {Tencent}");
        Assert.Single(run.Output);
        Assert.Equal(3, run.Errors.Count);
        Assert.All(run.Errors, e => Assert.StartsWith("ImageNotFound,", e.FullyQualifiedErrorId, StringComparison.Ordinal));
        Assert.All(run.Errors, e => Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category));
    }

    [Fact]
    public void OrderedOutputKeepsErrorsInTheirPlace()
    {
        var a = _fixture.WriteImage("ord-a.png", TestImages.Png(tag: "ord-a"));
        var b = _fixture.WriteImage("ord-b.png", TestImages.Png(tag: "ord-b"));
        var missing = Path.Combine(_fixture.Folder, "ord-missing.png");
        var run = Run($$"""
            Invoke-BankcardRecognition -LiteralPath '{{a}}', '{{_fixture.Folder}}', '{{missing}}', '{{b}}' {{Tencent}} -Ordered -ThrottleLimit 1 2>&1 |
                ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { 'E:' + $_.FullyQualifiedErrorId.Split(',')[0] } else { 'R:' + [System.IO.Path]::GetFileName($_.Source) } }
            """);
        Assert.Equal(new[] { "R:ord-a.png", "E:ImageNotFound", "E:ImageNotFound", "R:ord-b.png" }, run.Output.Select(o => o.ToString()));
    }

    [Theory]
    [InlineData(Tencent)]
    [InlineData(Legacy)]
    public void GifIsRefusedBeforeAnythingIsSent(string provider)
    {
        var path = _fixture.WriteImage($"anim{provider.Length}.gif", TestImages.Gif());
        var before = _fixture.Emulator.Stats.TotalRequests;
        var run = Run($"Invoke-BankcardRecognition '{path}' {provider}");
        Assert.StartsWith("UnsupportedImageFormat,", run.Errors.Single().FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(path, run.Errors.Single().TargetObject);
        Assert.Equal(before, _fixture.Emulator.Stats.TotalRequests);
    }

    [Fact]
    public void LegacyImageOverOneMegabyteThatCannotBeDecodedToShrinkIsRefusedBeforeSending()
    {
        // A PNG header followed by 1 MB of filler: too large for TencentLegacy, and broken when decoded to shrink it.
        var big = TestImages.Png(tag: new string('x', 1024 * 1024));
        var path = _fixture.WriteImage("big.png", big);
        var before = _fixture.Emulator.Stats.TotalRequests;
        var run = Run($"Invoke-BankcardRecognition '{path}' {Legacy}");
        var error = run.Errors.Single();
        Assert.StartsWith("UnsupportedImageFormat,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Equal(before, _fixture.Emulator.Stats.TotalRequests);
    }

    [Fact]
    public void WrongSecretKeyEndsTheCallWithOneAuthenticationFailed()
    {
        var a = _fixture.WriteImage("auth-a.png", TestImages.Png(tag: "auth-a"));
        var b = _fixture.WriteImage("auth-b.png", TestImages.Png(tag: "auth-b"));
        foreach (var provider in new[] { Tencent, Legacy })
        {
            var run = Run($"Invoke-BankcardRecognition -LiteralPath '{a}', '{b}' {provider} -ThrottleLimit 1", secretKey: "not-the-key");
            Assert.Single(run.Errors);
            Assert.All(run.Errors, e =>
            {
                Assert.StartsWith("AuthenticationFailed,", e.FullyQualifiedErrorId, StringComparison.Ordinal);
                Assert.Equal(ErrorCategory.AuthenticationError, e.CategoryInfo.Category);
                Assert.False(((BankcardOcrExceptionView)e).IsRetryable);
            });
        }
    }

    [Theory]
    [InlineData(EmulatedApi.TencentLegacy, "15", Legacy)]
    [InlineData(EmulatedApi.TencentLegacy, "-5208", Legacy)]
    [InlineData(EmulatedApi.TencentLegacy, "201", Legacy)]
    [InlineData(EmulatedApi.Tencent, "RequestLimitExceeded", Tencent)]
    [InlineData(EmulatedApi.Tencent, "InternalError", Tencent)]
    [InlineData(EmulatedApi.Tencent, "FailedOperation.UnKnowError", Tencent)]
    public void RetryableCodesAreRetriedUntilTheySucceed(EmulatedApi api, string code, string provider)
    {
        _fixture.Emulator.EnqueueFault(api, EmulatedFault.VendorError(code));
        _fixture.Emulator.EnqueueFault(api, EmulatedFault.VendorError(code));
        var path = _fixture.WriteImage($"retry-{code}.png", TestImages.Png(tag: "retry" + code));
        var run = Run($"Invoke-BankcardRecognition '{path}' {provider} -Verbose");
        Assert.Empty(run.Errors);
        Assert.Equal(3, (int)run.Output.Single().Properties["Attempts"].Value);
        Assert.Equal(2, run.Verbose.Count(v => v.Message.Contains("retrying", StringComparison.Ordinal)));
    }

    [Fact]
    public void ExpiredLegacySignatureIsRegeneratedOnce()
    {
        _fixture.Emulator.EnqueueFault(EmulatedApi.TencentLegacy, EmulatedFault.VendorError("9"));
        var path = _fixture.WriteImage("expired.png", TestImages.Png(tag: "expired"));
        var result = Run($"Invoke-BankcardRecognition '{path}' {Legacy} -MaxRetries 0").Output.Single();
        Assert.Equal(2, (int)result.Properties["Attempts"].Value);
    }

    [Fact]
    public void SignatureExpiredTwiceIsReportedNotLooped()
    {
        _fixture.Emulator.EnqueueFault(EmulatedApi.Tencent, EmulatedFault.VendorError("AuthFailure.SignatureExpire"));
        _fixture.Emulator.EnqueueFault(EmulatedApi.Tencent, EmulatedFault.VendorError("AuthFailure.SignatureExpire"));
        var path = _fixture.WriteImage("expired-twice.png", TestImages.Png(tag: "expired-twice"));
        var run = Run($"Invoke-BankcardRecognition '{path}' {Tencent} -MaxRetries 0");
        var error = run.Errors.Single();
        Assert.StartsWith("AuthenticationFailed,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("clock", error.Exception.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, _fixture.Emulator.Stats.Requests(EmulatedApi.Tencent));
    }

    [Theory]
    [InlineData(EmulatedApi.TencentLegacy, "-9011", Legacy, "NoCardFound")]
    [InlineData(EmulatedApi.TencentLegacy, "-9010", Legacy, "NoCardFound")]
    [InlineData(EmulatedApi.TencentLegacy, "3", Legacy, "AuthenticationFailed")]
    [InlineData(EmulatedApi.TencentLegacy, "20", Legacy, "ImageTooLarge")]
    [InlineData(EmulatedApi.TencentLegacy, "-1102", Legacy, "UnsupportedImageFormat")]
    [InlineData(EmulatedApi.Tencent, "FailedOperation.NoBankCardError", Tencent, "NoCardFound")]
    [InlineData(EmulatedApi.Tencent, "ResourceUnavailable.InArrears", Tencent, "AuthenticationFailed")]
    [InlineData(EmulatedApi.Tencent, "FailedOperation.UnOpenError", Tencent, "AuthenticationFailed")]
    [InlineData(EmulatedApi.Tencent, "LimitExceeded.TooLargeFileError", Tencent, "ImageTooLarge")]
    public void ProviderCodesMapToErrorIdsWithTheCodeKept(EmulatedApi api, string code, string provider, string errorId)
    {
        _fixture.Emulator.EnqueueFault(api, EmulatedFault.VendorError(code));
        var path = _fixture.WriteImage($"code{code}.png", TestImages.Png(tag: "code" + code));
        var run = Run($"Invoke-BankcardRecognition '{path}' {provider} -MaxRetries 0");
        var error = run.Errors.Single();
        Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        var exception = (BankcardOcrExceptionView)error;
        Assert.Equal(code, exception.ProviderCode);
        Assert.Equal(provider == Tencent ? "Tencent" : "TencentLegacy", exception.Provider);
        Assert.Equal(path, error.TargetObject);
    }

    [Fact]
    public void MalformedAnswerIsInvalidResponse()
    {
        _fixture.Emulator.EnqueueFault(EmulatedApi.Tencent, EmulatedFault.MalformedJson());
        var path = _fixture.WriteImage("malformed.png", TestImages.Png(tag: "malformed"));
        var run = Run($"Invoke-BankcardRecognition '{path}' {Tencent} -MaxRetries 0");
        Assert.StartsWith("InvalidResponse,", run.Errors.Single().FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void DroppedConnectionIsANetworkErrorThatIsRetried()
    {
        _fixture.Emulator.EnqueueFault(EmulatedApi.Tencent, EmulatedFault.ConnectionAbort());
        var path = _fixture.WriteImage("abort.png", TestImages.Png(tag: "abort"));
        var ok = Run($"Invoke-BankcardRecognition '{path}' {Tencent}");
        Assert.Empty(ok.Errors);
        Assert.Equal(2, (int)ok.Output.Single().Properties["Attempts"].Value);

        _fixture.Emulator.EnqueueFault(EmulatedApi.Tencent, EmulatedFault.ConnectionAbort());
        var failed = Run($"Invoke-BankcardRecognition '{path}' {Tencent} -MaxRetries 0");
        Assert.StartsWith("NetworkError,", failed.Errors.Single().FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.ConnectionError, failed.Errors.Single().CategoryInfo.Category);
    }

    [Fact]
    public void TooManyRequestsHonoursRetryAfter()
    {
        _fixture.Emulator.EnqueueFault(EmulatedApi.Tencent, EmulatedFault.TooManyRequests(TimeSpan.FromSeconds(2)));
        var path = _fixture.WriteImage("429.png", TestImages.Png(tag: "429"));
        var run = Run($"Invoke-BankcardRecognition '{path}' {Tencent} -Verbose");
        Assert.Empty(run.Errors);
        // The delay was taken, not just announced: the second attempt started two seconds after the first. The
        // elapsed time is measured from a point a little after the wait begins (timers are a few ms coarse), so
        // the bound allows 100 ms; the 0.5 s jittered backoff that ignoring Retry-After would give stays far below it.
        var result = run.Output.Single();
        Assert.Equal(2, (int)result.Properties["Attempts"].Value);
        Assert.True((long)result.Properties["ElapsedMilliseconds"].Value >= 1900, $"took {result.Properties["ElapsedMilliseconds"].Value} ms");
    }

    [Fact]
    public void SlowAnswerIsATimeout()
    {
        _fixture.Emulator.EnqueueFault(EmulatedApi.Tencent, EmulatedFault.ExtraLatency(TimeSpan.FromSeconds(5)));
        var path = _fixture.WriteImage("slow.png", TestImages.Png(tag: "slow"));
        var run = Run($"Invoke-BankcardRecognition '{path}' {Tencent} -TimeoutSec 1 -MaxRetries 0");
        var error = run.Errors.Single();
        Assert.StartsWith("Timeout,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
    }

    [Fact]
    public void TencentChecksAreSentAndWarningsNamed()
    {
        var image = TestImages.Png(tag: "warnings");
        _fixture.Emulator.RegisterCard(image, new EmulatedCard { WarningCodes = [-9113, -9114] });
        var path = _fixture.WriteImage("warnings.png", image);
        var result = Run($"Invoke-BankcardRecognition '{path}' {Tencent} -DetectCopy -DetectReshoot -IncludeQualityValue").Output.Single();
        Assert.Equal("Copy;Reshoot", result.Properties["Warnings"].Value);
        Assert.Equal(88, result.Properties["QualityValue"].Value);
    }

    [Fact]
    public void ReturnedCardImagesAreSavedToTheFolder()
    {
        var images = Directory.CreateDirectory(Path.Combine(_fixture.Folder, "crops")).FullName;
        var path = _fixture.WriteImage("crop-me.png", TestImages.Png(tag: "crop"));
        var result = Run($"Invoke-BankcardRecognition '{path}' {Tencent} -ReturnCardImage -ReturnCardNumberImage -ImageFolder '{images}'").Output.Single();
        Assert.True(File.Exists((string)result.Properties["BorderCutImagePath"].Value));
        Assert.True(File.Exists((string)result.Properties["CardNoImagePath"].Value));
        Assert.StartsWith(images, (string)result.Properties["BorderCutImagePath"].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void PlainHttpToANonLoopbackHostIsInsecureEndpoint()
    {
        var run = Run("Invoke-BankcardRecognition -Uri 'https://example.com/a.png' -Provider Tencent -Credential $Cred -Endpoint 'http://ocr.example.com/'");
        var error = run.Errors.Single();
        Assert.StartsWith("InsecureEndpoint,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void MaskCardNumberMasksTheOutputButKeepsTheChecks()
    {
        var path = _fixture.WriteImage("mask.png", TestImages.Png(tag: "mask"));
        var result = Run($"Invoke-BankcardRecognition '{path}' {Tencent} -MaskCardNumber").Output.Single();
        Assert.Equal("622202*********3445", result.Properties["CardNumber"].Value);
        Assert.Equal("UnionPay", result.Properties["Network"].Value);
    }

    [Fact]
    public void DefaultViewMasksTheNumberAndOutputIsCsvFlat()
    {
        var path = _fixture.WriteImage("view.png", TestImages.Png(tag: "view"));
        var run = Run($"Invoke-BankcardRecognition '{path}' {Tencent} | Out-Default; Invoke-BankcardRecognition '{path}' {Tencent}");
        Assert.Contains("622202*********3445", run.HostText, StringComparison.Ordinal);
        Assert.DoesNotContain("6222020200112233445", run.HostText, StringComparison.Ordinal);
        Assert.All(run.Output.Single().Properties, p => Assert.True(
            p.Value is null || p.Value is string || p.Value is bool || p.Value is int || p.Value is long || p.Value is double,
            $"{p.Name} is {p.Value?.GetType().Name}"));
    }

    [Fact]
    public void TwoHundredImageBatchYieldsOneResultEach()
    {
        var dir = Path.Combine(_fixture.Folder, "batch200");
        for (var i = 0; i < 200; i++)
        {
            var image = TestImages.Png(tag: "b200-" + i);
            _fixture.Emulator.RegisterCard(image, new EmulatedCard { CardNumber = "62220202001" + i.ToString("00000000", System.Globalization.CultureInfo.InvariantCulture) });
            _fixture.WriteImage(Path.Combine("batch200", $"{i:000}.png"), image);
        }

        var run = Run($"Invoke-BankcardRecognition -Path '{dir}/*.png' {Tencent} -ThrottleLimit 16");
        Assert.Empty(run.Errors);
        Assert.Equal(200, run.Output.Count);
        var pairs = run.Output.Select(o => (Source: Path.GetFileNameWithoutExtension((string)o.Properties["Source"].Value), Number: (string)o.Properties["CardNumber"].Value)).ToList();
        Assert.Equal(200, pairs.Select(p => p.Source).Distinct().Count());
        Assert.All(pairs, p => Assert.EndsWith(int.Parse(p.Source, System.Globalization.CultureInfo.InvariantCulture).ToString("00000000", System.Globalization.CultureInfo.InvariantCulture), p.Number, StringComparison.Ordinal));
    }
}

/// <summary>Reads the BankcardOcrException behind an error record through PowerShell's adapter, as a script would.</summary>
internal sealed class BankcardOcrExceptionView
{
    private readonly PSObject _exception;

    private BankcardOcrExceptionView(ErrorRecord record)
    {
        Assert.Equal("BankcardOcr.BankcardOcrException", record.Exception.GetType().FullName);
        _exception = PSObject.AsPSObject(record.Exception);
    }

    public string? Provider => (string?)_exception.Properties["Provider"].Value;
    public string? ProviderCode => (string?)_exception.Properties["ProviderCode"].Value;
    public bool IsRetryable => (bool)_exception.Properties["IsRetryable"].Value;
    public int? HttpStatusCode => (int?)_exception.Properties["HttpStatusCode"].Value;
    public string? RequestId => (string?)_exception.Properties["RequestId"].Value;

    public static explicit operator BankcardOcrExceptionView(ErrorRecord record) => new(record);
}
