using System.Management.Automation;
using BankcardOcr.Emulator;
using BankcardOcr.Module.Tests.Credentials;

namespace BankcardOcr.Module.Tests.Recognition;

/// <summary>
/// Invoke-BankcardRecognition -Provider Huawei against the emulator, with IAM tokens and AK/SK. IAM tokens are
/// cached for the process, keyed by endpoint, so tests that count IAM requests start an emulator of their own.
/// </summary>
public class HuaweiRecognitionTests : IClassFixture<EmulatorFixture>
{
    private const string Endpoints = "-Endpoint $Endpoint -IamEndpoint $Endpoint";
    private const string AkSk = "-Provider Huawei -Credential $HwKeys " + Endpoints;
    private const string Password = "-SecretName hw " + Endpoints;

    // A hashtable secret is how Invoke takes an IAM user's password (its -Credential means AK/SK).
    private const string PasswordSecret = SecretManagementStandIn.Import +
        "Set-Secret -Name hw -Secret @{ Provider = 'Huawei'; UserName = $HwUser.UserName; Password = $HwUser.Password; DomainName = $HwDomain }\n";

    private readonly EmulatorFixture _fixture;

    public HuaweiRecognitionTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
        fixture.Reset();
    }

    private HostedRun Run(string script) => HostedPowerShell.Run(script, _fixture.Variables());

    private HostedRun Run(EmulatorHost emulator, string script, IDictionary<string, object?>? more = null)
    {
        var variables = EmulatorFixture.VariablesFor(emulator, _fixture.Folder);
        foreach (var (name, value) in more ?? new Dictionary<string, object?>())
        {
            variables[name] = value;
        }

        return HostedPowerShell.Run(script, variables);
    }

    public static TheoryData<string> InputKinds => new() { "file", "bytes", "url" };

    [Theory]
    [MemberData(nameof(InputKinds))]
    public async Task TokenAuthRecognisesEachInputKind(string kind)
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var run = Run(emulator, "$t = Get-HuaweiIamToken -Credential $HwUser -DomainName $HwDomain -Endpoint $Endpoint\n" +
            $"Invoke-BankcardRecognition {Input(emulator, kind)} -Token $t -Endpoint $Endpoint", Bytes());
        Assert.Empty(run.Errors);
        AssertDefaultCard(emulator, run.Output.Single());
        Assert.Equal(1, emulator.Stats.Requests(EmulatedApi.HuaweiIam));
    }

    [Theory]
    [MemberData(nameof(InputKinds))]
    public async Task AkSkRecognisesEachInputKindAndLooksUpTheProjectOnce(string kind)
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var input = Input(emulator, kind);
        var run = Run(emulator, $"Invoke-BankcardRecognition {input} {AkSk}; Invoke-BankcardRecognition {input} {AkSk}", Bytes());
        Assert.Empty(run.Errors);
        Assert.Equal(2, run.Output.Count);
        AssertDefaultCard(emulator, run.Output[0]);
        // GET /v3/projects?name=cn-north-4, signed, and cached for the second call (docs/huaweicloud.md §7.3).
        Assert.Equal(1, emulator.Stats.Requests(EmulatedApi.HuaweiIam));
    }

    [Fact]
    public void AkSkWithProjectIdNeedsNoIamCall()
    {
        var path = _fixture.WriteImage("aksk-project.png", TestImages.Png(tag: "aksk-project"));
        var run = Run($"Invoke-BankcardRecognition '{path}' -Provider Huawei -Credential $HwKeys -Endpoint $Endpoint -IamEndpoint 'https://iam.invalid' -ProjectId $HwProjectId");
        Assert.Empty(run.Errors);
        Assert.Equal(0, _fixture.Emulator.Stats.Requests(EmulatedApi.HuaweiIam));
    }

    [Fact]
    public void TextLocationsAreReturnedWhenAsked()
    {
        var path = _fixture.WriteImage("locations.png", TestImages.Png(tag: "locations"));
        var result = Run($"Invoke-BankcardRecognition '{path}' {AkSk} -IncludeTextLocation").Output.Single();
        Assert.StartsWith("BankName:20,20 200,20 200,40 20,40;CardNumber:", (string)result.Properties["TextLocations"].Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HundredImageBatchMakesOneIamCall()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var dir = WriteBatch("batch100", 100);
        var run = Run(emulator, PasswordSecret + $"Invoke-BankcardRecognition -Path '{dir}/*.png' {Password} -ThrottleLimit 16");
        Assert.Empty(run.Errors);
        Assert.Equal(100, run.Output.Count);
        Assert.Equal(1, emulator.Stats.Requests(EmulatedApi.HuaweiIam));
    }

    [Fact]
    public async Task TokenExpiringMidBatchIsRenewed()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { TokenLifetime = TimeSpan.FromSeconds(2) });
        emulator.Latency = TimeSpan.FromMilliseconds(250);
        var dir = WriteBatch("expiring", 40);
        // 40 images, 4 at a time, 250 ms each: about 2.5 s, longer than the token lives.
        var run = Run(emulator, PasswordSecret + $"Invoke-BankcardRecognition -Path '{dir}/*.png' {Password} -ThrottleLimit 4");
        Assert.Empty(run.Errors);
        Assert.Equal(40, run.Output.Count);
        Assert.InRange(emulator.Stats.Requests(EmulatedApi.HuaweiIam), 2, 10);
    }

    [Fact]
    public async Task RefusedTokenIsRenewedOnceAndRetried()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        emulator.EnqueueFault(EmulatedApi.HuaweiOcr, EmulatedFault.VendorError("APIG.0307"));
        var path = _fixture.WriteImage("refused-once.png", TestImages.Png(tag: "refused-once"));
        var run = Run(emulator, PasswordSecret + $"Invoke-BankcardRecognition '{path}' {Password} -MaxRetries 0");
        Assert.Empty(run.Errors);
        Assert.Equal(2, (int)run.Output.Single().Properties["Attempts"].Value);
        Assert.Equal(2, emulator.Stats.Requests(EmulatedApi.HuaweiIam));
    }

    [Fact]
    public async Task TokenRefusedTwiceIsReportedNotLooped()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        emulator.EnqueueFault(EmulatedApi.HuaweiOcr, EmulatedFault.VendorError("APIG.0307"));
        emulator.EnqueueFault(EmulatedApi.HuaweiOcr, EmulatedFault.VendorError("APIG.0307"));
        var path = _fixture.WriteImage("refused-twice.png", TestImages.Png(tag: "refused-twice"));
        var run = Run(emulator, PasswordSecret + $"Invoke-BankcardRecognition '{path}' {Password}");
        var error = run.Errors.Single();
        Assert.StartsWith("AuthenticationFailed,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal("APIG.0307", ((BankcardOcrExceptionView)error).ProviderCode);
        Assert.Equal(2, emulator.Stats.Requests(EmulatedApi.HuaweiOcr));
    }

    [Fact]
    public async Task RefusedTokenPassedWithTokenIsNotResent()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        emulator.EnqueueFault(EmulatedApi.HuaweiOcr, EmulatedFault.VendorError("APIG.0307"));
        var path = _fixture.WriteImage("refused-given.png", TestImages.Png(tag: "refused-given"));
        var run = Run(emulator, $"$t = Get-HuaweiIamToken -Credential $HwUser -DomainName $HwDomain -Endpoint $Endpoint; Invoke-BankcardRecognition '{path}' -Token $t -Endpoint $Endpoint");
        var error = run.Errors.Single();
        Assert.StartsWith("AuthenticationFailed,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("Get-HuaweiIamToken -Force", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, emulator.Stats.Requests(EmulatedApi.HuaweiOcr));
    }

    [Theory]
    [InlineData("AIS.0101", "ProviderError", "invalid input")]
    [InlineData("AIS.0102", "UnsupportedImageFormat", "JPG, PNG, BMP and TIFF")]
    [InlineData("AIS.0103", "ImageTooLarge", "15–8192 px")]
    [InlineData("AIS.0104", "NoCardFound", "no readable bank card")]
    [InlineData("ModelArts.4204", "ProviderError", "Enable it in the OCR console")]
    [InlineData("ModelArts.0212", "AuthenticationFailed", "project-scoped")]
    [InlineData("ModelArts.4203", "AuthenticationFailed", "permission")]
    [InlineData("APIG.0101", "ProviderError", "project id")]
    public void ProviderCodesMapToErrorIdsWithTheCodeKept(string code, string errorId, string explanation)
    {
        _fixture.Emulator.EnqueueFault(EmulatedApi.HuaweiOcr, EmulatedFault.VendorError(code));
        var path = _fixture.WriteImage($"hw-{code}.png", TestImages.Png(tag: "hw" + code));
        var run = Run($"Invoke-BankcardRecognition '{path}' {AkSk} -MaxRetries 0");
        var error = run.Errors.Single();
        Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains(explanation, error.Exception.Message, StringComparison.Ordinal);
        var exception = (BankcardOcrExceptionView)error;
        Assert.Equal(code, exception.ProviderCode);
        Assert.Equal("Huawei", exception.Provider);
        Assert.NotNull(exception.RequestId);
        Assert.Equal(path, error.TargetObject);
        Assert.Equal(1, _fixture.Emulator.Stats.Requests(EmulatedApi.HuaweiOcr));
    }

    [Theory]
    [InlineData("APIG.0308")]
    [InlineData("APIGW.0308")]
    [InlineData("ModelArts.4401")]
    [InlineData("APIG.0201")]
    [InlineData("ModelArts.4402")]
    public void RetryableCodesAreRetriedUntilTheySucceed(string code)
    {
        _fixture.Emulator.EnqueueFault(EmulatedApi.HuaweiOcr, EmulatedFault.VendorError(code));
        _fixture.Emulator.EnqueueFault(EmulatedApi.HuaweiOcr, EmulatedFault.VendorError(code));
        var path = _fixture.WriteImage($"hw-retry-{code}.png", TestImages.Png(tag: "hw-retry" + code));
        var run = Run($"Invoke-BankcardRecognition '{path}' {AkSk} -Verbose");
        Assert.Empty(run.Errors);
        Assert.Equal(3, (int)run.Output.Single().Properties["Attempts"].Value);
    }

    [Fact]
    public void TooManyRequestsHonoursRetryAfter()
    {
        _fixture.Emulator.EnqueueFault(EmulatedApi.HuaweiOcr, EmulatedFault.TooManyRequests(TimeSpan.FromSeconds(2)));
        var path = _fixture.WriteImage("hw-429.png", TestImages.Png(tag: "hw-429"));
        var run = Run($"Invoke-BankcardRecognition '{path}' {AkSk} -Verbose");
        Assert.Empty(run.Errors);
        // The delay was taken, not just announced (bound as in the Tencent test: 100 ms for coarse timers, far
        // above the 0.5 s jittered backoff that ignoring Retry-After would give).
        var result = run.Output.Single();
        Assert.Equal(2, (int)result.Properties["Attempts"].Value);
        Assert.True((long)result.Properties["ElapsedMilliseconds"].Value >= 1900, $"took {result.Properties["ElapsedMilliseconds"].Value} ms");
    }

    [Fact]
    public void GatewayServerErrorIsRetried()
    {
        _fixture.Emulator.EnqueueFault(EmulatedApi.HuaweiOcr, EmulatedFault.ServerError(502));
        var path = _fixture.WriteImage("hw-502.png", TestImages.Png(tag: "hw-502"));
        var run = Run($"Invoke-BankcardRecognition '{path}' {AkSk}");
        Assert.Empty(run.Errors);
        Assert.Equal(2, (int)run.Output.Single().Properties["Attempts"].Value);
    }

    [Fact]
    public void WrongSecretKeyIsAuthenticationFailedAndNotRetried()
    {
        var path = _fixture.WriteImage("hw-badsk.png", TestImages.Png(tag: "hw-badsk"));
        var run = HostedPowerShell.Run(
            $"Invoke-BankcardRecognition '{path}' -Provider Huawei -Credential $Bad -Endpoint $Endpoint -ProjectId $HwProjectId",
            new Dictionary<string, object?>(_fixture.Variables())
            {
                ["Bad"] = new PSCredential(_fixture.Emulator.Options.HuaweiAccessKey, new System.Net.NetworkCredential("", "not-the-key").SecurePassword),
            });
        var error = run.Errors.Single();
        Assert.StartsWith("AuthenticationFailed,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("lock the key pair", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, _fixture.Emulator.Stats.Requests(EmulatedApi.HuaweiOcr));
    }

    [Fact]
    public void GifIsRefusedBeforeAnythingIsSent()
    {
        var path = _fixture.WriteImage("hw-anim.gif", TestImages.Gif());
        var run = Run($"Invoke-BankcardRecognition '{path}' {AkSk} -ProjectId $HwProjectId");
        Assert.StartsWith("UnsupportedImageFormat,", run.Errors.Single().FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(0, _fixture.Emulator.Stats.TotalRequests);
    }

    [Theory]
    [InlineData("-Endpoint 'http://example.com'")]
    [InlineData("-Endpoint $Endpoint -IamEndpoint 'http://example.com'")]
    public void PlainHttpToANonLoopbackHostIsInsecureEndpoint(string endpoints)
    {
        var run = Run($"Invoke-BankcardRecognition -Uri 'https://example.com/a.png' -Provider Huawei -Credential $HwKeys {endpoints}");
        Assert.StartsWith("InsecureEndpoint,", run.Errors.Single().FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Empty(run.Output);
        Assert.Equal(0, _fixture.Emulator.Stats.TotalRequests);
    }

    [Fact]
    public void WrongPasswordEndsTheCallOnceWithIamAdvice()
    {
        var a = _fixture.WriteImage("hw-pw-a.png", TestImages.Png(tag: "hw-pw-a"));
        var b = _fixture.WriteImage("hw-pw-b.png", TestImages.Png(tag: "hw-pw-b"));
        var run = Run(SecretManagementStandIn.Import +
            "Set-Secret -Name hw -Secret @{ Provider = 'Huawei'; UserName = $HwUser.UserName; Password = 'wrong'; DomainName = $HwDomain }\n" +
            $"Invoke-BankcardRecognition -LiteralPath '{a}', '{b}' {Password}");
        var error = run.Errors.Single();
        Assert.StartsWith("AuthenticationFailed,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("IAM.0062", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, _fixture.Emulator.Stats.Requests(EmulatedApi.HuaweiOcr));
    }

    [Fact]
    public void PasswordSecretWithoutDomainNameIsRefusedBeforeAnyCall()
    {
        var run = Run(SecretManagementStandIn.Import +
            "Set-Secret -Name hw -Secret @{ Provider = 'Huawei'; UserName = $HwUser.UserName; Password = $HwUser.Password }\n" +
            $"Invoke-BankcardRecognition -Uri 'https://example.com/a.png' {Password}");
        Assert.StartsWith("DomainNameRequired,", run.Errors.Single().FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(0, _fixture.Emulator.Stats.TotalRequests);
    }

    [Fact]
    public void NoSecretLeaksIntoAnyStream()
    {
        var path = _fixture.WriteImage("hw-leak.png", TestImages.Png(tag: "hw-leak"));
        _fixture.Emulator.EnqueueFault(EmulatedApi.HuaweiOcr, EmulatedFault.VendorError("APIG.0307"));
        var run = Run(PasswordSecret + $"Invoke-BankcardRecognition '{path}' {Password} -Verbose -Debug; Invoke-BankcardRecognition '{path}' {AkSk} -Verbose -Debug");
        Assert.Empty(run.Errors);
        var text = string.Join("\n", run.AllText());
        Assert.All(_fixture.Secrets(), s => Assert.DoesNotContain(s, text, StringComparison.Ordinal));
        // The emulator's tokens are "MII" and Base64, as real ones are (docs/huaweicloud.md §7.2).
        Assert.DoesNotMatch("MII[A-Za-z0-9+-]{40}", text);
    }

    private string Input(EmulatorHost emulator, string kind) => kind switch
    {
        "file" => "-Path '" + _fixture.WriteImage($"hw-{kind}-{emulator.BaseAddress.Port}.png", TestImages.Png(tag: "hw-" + kind)) + "'",
        "bytes" => "-Image $Bytes -Name card",
        _ => "-Uri '" + emulator.RegisterImageUrl("hw-card.png", TestImages.Png(tag: "hw-url")).AbsoluteUri + "'",
    };

    private static Dictionary<string, object?> Bytes() => new() { ["Bytes"] = TestImages.Jpeg() };

    private string WriteBatch(string folder, int count)
    {
        for (var i = 0; i < count; i++)
        {
            _fixture.WriteImage(Path.Combine(folder, $"{i:000}.png"), TestImages.Png(tag: folder + i));
        }

        return Path.Combine(_fixture.Folder, folder);
    }

    private static void AssertDefaultCard(EmulatorHost emulator, PSObject result)
    {
        var card = emulator.Options.DefaultCard!;
        Assert.Equal("Huawei", result.Properties["Provider"].Value);
        Assert.Equal(card.CardNumber, result.Properties["CardNumber"].Value);
        Assert.Equal(card.BankName, result.Properties["BankName"].Value);
        Assert.Equal("Debit", result.Properties["CardType"].Value);
        Assert.Equal(card.CardType, result.Properties["CardTypeText"].Value);
        Assert.Equal(card.ValidThru, result.Properties["ValidThru"].Value);
        Assert.Equal(card.CardNumberConfidence, (double)result.Properties["Confidence"].Value, 4);
        Assert.Contains("ValidThru=", (string)result.Properties["FieldConfidences"].Value, StringComparison.Ordinal);
        Assert.NotEqual("", result.Properties["RequestId"].Value);
    }
}
