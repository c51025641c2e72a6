using BankcardOcr.Emulator;
using BankcardOcr.Module.Tests.Credentials;

namespace BankcardOcr.Module.Tests.Recognition;

/// <summary>Invoke-BankcardRecognition reading provider, keys and AppId from a SecretManagement secret, as unattended jobs do.</summary>
public class SecretDrivenRecognitionTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public SecretDrivenRecognitionTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
        fixture.Reset();
    }

    private HostedRun Run(string script) => HostedPowerShell.Run(SecretManagementStandIn.Import + script, _fixture.Variables());

    [Fact]
    public void SecretStoredBySetBankcardOcrSecretDrivesProviderKeysAndAppId()
    {
        var path = _fixture.WriteImage("secret-legacy.png", TestImages.Png(tag: "secret-legacy"));
        var run = Run($"""
            Set-BankcardOcrSecret -Name OcrLegacy -Vault Store -Provider TencentLegacy -Credential $Cred -AppId $AppId
            Invoke-BankcardRecognition '{path}' -SecretName OcrLegacy -Vault Store -Endpoint $Endpoint -Verbose -Debug
            """);
        Assert.Empty(run.Errors);
        var result = run.Output.Single();
        Assert.Equal("TencentLegacy", result.Properties["Provider"].Value);
        Assert.Equal(1, _fixture.Emulator.Stats.Successes(EmulatedApi.TencentLegacy));
        Assert.Contains(run.Debug, d => d.Message.Contains("from the secret", StringComparison.Ordinal));
        Assert.Contains(run.Debug, d => d.Message.Contains("secret 'OcrLegacy'", StringComparison.Ordinal));
    }

    [Fact]
    public void ExplicitProviderWinsOverTheSecretsProvider()
    {
        var path = _fixture.WriteImage("secret-explicit.png", TestImages.Png(tag: "secret-explicit"));
        var run = Run($"""
            Set-BankcardOcrSecret -Name Ocr -Provider TencentLegacy -Credential $Cred -AppId $AppId
            Invoke-BankcardRecognition '{path}' -SecretName Ocr -Provider Tencent -Endpoint $Endpoint
            """);
        Assert.Empty(run.Errors);
        Assert.Equal("Tencent", run.Output.Single().Properties["Provider"].Value);
    }

    [Fact]
    public void NoProviderAndNoSecretMeansTheOfflineRecognizer()
    {
        // A header-only PNG: the emulator would answer it, the offline decoder cannot read its pixels.
        var path = _fixture.WriteImage("local.png", TestImages.Png(tag: "local"));
        var run = Run($"$DebugPreference = 'Continue'; Invoke-BankcardRecognition '{path}'");
        var error = run.Errors.Single();
        Assert.True(error.FullyQualifiedErrorId.StartsWith("UnsupportedImageFormat,", StringComparison.Ordinal), error.Exception.ToString());
        Assert.Contains(run.Debug, d => d.Message == "Provider: Local (default).");
        Assert.Empty(run.Output);
    }

    [Fact]
    public void MissingSecretManagementEndsTheCallWithTheInstallCommand()
    {
        var path = _fixture.WriteImage("nosm.png", TestImages.Png(tag: "nosm"));
        var run = HostedPowerShell.Run($"Invoke-BankcardRecognition '{path}' -Provider Tencent -SecretName Ocr -Endpoint $Endpoint", _fixture.Variables());
        var error = run.Errors.Single();
        Assert.StartsWith("SecretManagementNotAvailable,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("Install-Module Microsoft.PowerShell.SecretManagement", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TencentLegacyWithoutAnAppIdEndsTheCallClearly()
    {
        var path = _fixture.WriteImage("noappid.png", TestImages.Png(tag: "noappid"));
        var run = HostedPowerShell.Run($"Invoke-BankcardRecognition '{path}' -Provider TencentLegacy -Credential $Cred -Endpoint $Endpoint", _fixture.Variables());
        Assert.StartsWith("AppIdRequired,", run.Errors.Single().FullyQualifiedErrorId, StringComparison.Ordinal);
    }
}
