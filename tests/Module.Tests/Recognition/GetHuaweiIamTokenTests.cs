using BankcardOcr.Emulator;
using BankcardOcr.Module.Tests.Credentials;

namespace BankcardOcr.Module.Tests.Recognition;

/// <summary>Get-HuaweiIamToken against the emulated IAM: output, session cache, errors, and the token kept out of sight.</summary>
public class GetHuaweiIamTokenTests : IClassFixture<EmulatorFixture>
{
    private const string Get = "Get-HuaweiIamToken -Credential $HwUser -DomainName $HwDomain -Endpoint $Endpoint";
    private readonly EmulatorFixture _fixture;

    public GetHuaweiIamTokenTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
        fixture.Reset();
    }

    private HostedRun Run(EmulatorHost emulator, string script) => HostedPowerShell.Run(script, EmulatorFixture.VariablesFor(emulator, _fixture.Folder));

    [Fact]
    public async Task EmitsTheProjectScopedTokenForTheRegion()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var token = Run(emulator, Get).Output.Single();
        var options = emulator.Options;
        Assert.Equal("BankcardOcr.HuaweiIamToken", token.TypeNames[0]);
        Assert.Equal("cn-north-4", token.Properties["Region"].Value);
        Assert.Equal(options.HuaweiProjectId, token.Properties["ProjectId"].Value);
        Assert.Equal(options.HuaweiProjectName, token.Properties["ProjectName"].Value);
        Assert.Equal(options.HuaweiUserName, token.Properties["UserName"].Value);
        Assert.Equal(options.HuaweiDomainName, token.Properties["DomainName"].Value);
        Assert.False((bool)token.Properties["IsExpired"].Value);
        var expires = (DateTimeOffset)token.Properties["ExpiresAt"].Value;
        var issued = (DateTimeOffset)token.Properties["IssuedAt"].Value;
        Assert.Equal(TimeSpan.FromHours(24), expires - issued);
    }

    [Fact]
    public async Task SecondCallUsesTheSessionCacheAndForceAsksAgain()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var run = Run(emulator, $"$a = {Get}; $b = {Get}; $c = {Get} -Force; [object]::ReferenceEquals($a, $b); [object]::ReferenceEquals($b, $c)");
        Assert.Empty(run.Errors);
        Assert.Equal(new object[] { true, false }, run.Output.Select(o => o.BaseObject));
        Assert.Equal(2, emulator.Stats.Requests(EmulatedApi.HuaweiIam));
    }

    [Fact]
    public async Task ProjectIdScopesByIdAndOtherProjectsAreSeparateEntries()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var run = Run(emulator, $"{Get}; {Get} -ProjectId $HwProjectId; {Get} -ProjectId $HwProjectId");
        Assert.Empty(run.Errors);
        Assert.All(run.Output, o => Assert.Equal(emulator.Options.HuaweiProjectId, o.Properties["ProjectId"].Value));
        Assert.Equal(2, emulator.Stats.Requests(EmulatedApi.HuaweiIam));
    }

    [Fact]
    public async Task TokenTextNeverShowsInViewsToStringOrStreams()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var file = Path.Combine(_fixture.Folder, "token-" + emulator.BaseAddress.Port + ".txt");
        var run = Run(emulator, $$"""
            $t = {{Get}} -Verbose -Debug
            $t | Out-Default
            "$t"
            $t.ToString()
            # What Format-List * and ConvertTo-Json would show: every property (neither command is in the hosted engine).
            $t.psobject.Properties | ForEach-Object { "$($_.Name)=$($_.Value)" }
            [System.IO.File]::WriteAllText('{{file}}', $t.GetToken())
            """);
        Assert.Empty(run.Errors);
        var token = File.ReadAllText(file);
        Assert.StartsWith("MII", token, StringComparison.Ordinal);
        Assert.Equal(emulator.Options.TokenLength, token.Length);
        var text = string.Join("\n", run.AllText());
        Assert.DoesNotContain(token[..40], text, StringComparison.Ordinal);
        Assert.DoesNotContain(emulator.Options.HuaweiPassword, text, StringComparison.Ordinal);
        Assert.Contains(emulator.Options.HuaweiProjectId, run.HostText, StringComparison.Ordinal);
        Assert.Contains("Huawei IAM token for emulator-user@emulator-account", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("IAM.0001", "DomainName is the account name")]
    [InlineData("IAM.0061", "locked")]
    [InlineData("IAM.0062", "HUAWEI ID cannot")]
    [InlineData("IAM.0081", "programmatic access")]
    public void IamRefusalsAreTerminatingWithAdvice(string code, string advice)
    {
        _fixture.Emulator.EnqueueFault(EmulatedApi.HuaweiIam, EmulatedFault.VendorError(code));
        var run = HostedPowerShell.Run(
            $"{Get} -Force",
            EmulatorFixture.VariablesFor(_fixture.Emulator, _fixture.Folder));
        var error = run.Errors.Single();
        Assert.StartsWith("AuthenticationFailed,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains(advice, error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains(code, error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void IamThrottlingIsRetriedWithBackoff()
    {
        _fixture.Emulator.EnqueueFault(EmulatedApi.HuaweiIam, EmulatedFault.VendorError("IAM.0012"));
        var run = HostedPowerShell.Run($"{Get} -Force -Verbose", EmulatorFixture.VariablesFor(_fixture.Emulator, _fixture.Folder));
        Assert.Empty(run.Errors);
        Assert.Single(run.Output);
        Assert.Equal(2, _fixture.Emulator.Stats.Requests(EmulatedApi.HuaweiIam));
        Assert.Contains(run.Verbose, v => v.Message.Contains("IAM.0012", StringComparison.Ordinal));
    }

    [Fact]
    public void DomainNameComesFromTheSecret()
    {
        var run = HostedPowerShell.Run(
            SecretManagementStandIn.Import +
            "Set-Secret -Name hwuser -Secret @{ UserName = $HwUser.UserName; Password = $HwUser.Password; DomainName = $HwDomain }\n" +
            "Get-HuaweiIamToken -SecretName hwuser -Endpoint $Endpoint",
            EmulatorFixture.VariablesFor(_fixture.Emulator, _fixture.Folder));
        Assert.Empty(run.Errors);
        Assert.Equal(_fixture.Emulator.Options.HuaweiDomainName, run.Output.Single().Properties["DomainName"].Value);
    }

    [Fact]
    public void MissingDomainNameIsRefusedBeforeAnyCall()
    {
        var run = HostedPowerShell.Run("Get-HuaweiIamToken -Credential $HwUser -Endpoint $Endpoint", EmulatorFixture.VariablesFor(_fixture.Emulator, _fixture.Folder));
        Assert.StartsWith("DomainNameRequired,", run.Errors.Single().FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(0, _fixture.Emulator.Stats.TotalRequests);
    }

    [Fact]
    public void PlainHttpToANonLoopbackHostIsInsecureEndpoint()
    {
        var run = HostedPowerShell.Run("Get-HuaweiIamToken -Credential $HwUser -DomainName $HwDomain -Endpoint 'http://example.com'", EmulatorFixture.VariablesFor(_fixture.Emulator, _fixture.Folder));
        Assert.StartsWith("InsecureEndpoint,", run.Errors.Single().FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void UnknownRegionIsAnInvalidArgument()
    {
        var run = HostedPowerShell.Run("Get-HuaweiIamToken -Credential $HwUser -DomainName $HwDomain -Region xx-nowhere-1", EmulatorFixture.VariablesFor(_fixture.Emulator, _fixture.Folder));
        Assert.StartsWith("UnknownRegion,", run.Errors.Single().FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void RegionCompletesWithIamRegions()
    {
        var run = HostedPowerShell.Run("(TabExpansion2 -inputScript 'Get-HuaweiIamToken -Region cn-north-' -cursorColumn 35).CompletionMatches.CompletionText");
        Assert.Contains("cn-north-4", run.Output.Select(o => o.ToString()));
        Assert.Contains("cn-north-9", run.Output.Select(o => o.ToString()));
    }
}
