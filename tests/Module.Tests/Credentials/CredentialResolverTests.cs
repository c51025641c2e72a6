using System.Management.Automation;
using static BankcardOcr.Module.Tests.Credentials.CredentialScript;

namespace BankcardOcr.Module.Tests.Credentials;

/// <summary>Resolution order and sources, through the harness cmdlet Resolve-TestCredential, which calls the module's resolver.</summary>
[Collection("Environment")]
public class CredentialResolverTests
{
    private static EnvironmentScope TencentEnvironment() =>
        new(("TENCENTCLOUD_SECRET_ID", "AKIDfromEnvironment"), ("TENCENTCLOUD_SECRET_KEY", EnvKey));

    [Fact]
    public void CredentialParameterWinsOverSecretAndEnvironment()
    {
        using var env = TencentEnvironment();
        var run = Run("""
            Store ocr @{ SecretId = 'AKIDfromSecret'; SecretKey = $EnvKey }
            Resolve-TestCredential TencentKeys -Credential (Cred $TencentId $TencentKey) -SecretName ocr -Vault Store
            """);
        Assert.Empty(run.Errors);
        var result = run.Output.Single();
        Assert.Equal("parameter -Credential", result.Property("Source"));
        Assert.Equal(TencentId, result.Property("KeyId"));
        Assert.Equal(Sha(TencentKey), result.Property("SecretSha256"));
    }

    [Fact]
    public void SecretWinsOverEnvironment()
    {
        using var env = TencentEnvironment();
        var run = Run("""
            Store ocr @{ SecretId = $TencentId; SecretKey = $TencentKey }
            Resolve-TestCredential TencentKeys -SecretName ocr -Vault Store
            """);
        Assert.Empty(run.Errors);
        Assert.Equal("secret 'ocr' in vault 'Store'", run.Output.Single().Property("Source"));
        Assert.Equal(Sha(TencentKey), run.Output.Single().Property("SecretSha256"));
    }

    [Fact]
    public void TencentEnvironmentVariablesAreUsedLast()
    {
        using var env = TencentEnvironment();
        var run = Run("Resolve-TestCredential TencentKeys");
        Assert.Empty(run.Errors);
        var result = run.Output.Single();
        Assert.Equal("environment variables TENCENTCLOUD_SECRET_ID/TENCENTCLOUD_SECRET_KEY", result.Property("Source"));
        Assert.Equal("AKIDfromEnvironment", result.Property("KeyId"));
        Assert.Equal(Sha(EnvKey), result.Property("SecretSha256"));
    }

    [Fact]
    public void HuaweiEnvironmentVariablesIncludeTheProjectId()
    {
        using var env = new EnvironmentScope(("HUAWEICLOUD_SDK_AK", HuaweiAk), ("HUAWEICLOUD_SDK_SK", HuaweiSk), ("HUAWEICLOUD_SDK_PROJECT_ID", "0a1b2c3d"));
        var run = Run("Resolve-TestCredential HuaweiAccessKeys, HuaweiPassword");
        Assert.Empty(run.Errors);
        var result = run.Output.Single();
        Assert.Equal("HuaweiAccessKeys", result.Property("Kind"));
        Assert.Equal("0a1b2c3d", result.Property("ProjectId"));
        Assert.Equal(Sha(HuaweiSk), result.Property("SecretSha256"));
    }

    [Fact]
    public void EnvironmentVariablesOfAnotherProviderAreNotUsed()
    {
        using var env = TencentEnvironment();
        var run = Run("Resolve-TestCredential HuaweiAccessKeys");
        Assert.Empty(run.Output);
        Assert.StartsWith("CredentialNotFound,", run.Errors.Single().FullyQualifiedErrorId);
    }

    [Fact]
    public void EmptyEnvironmentVariablesCountAsAbsent()
    {
        using var env = new EnvironmentScope(("TENCENTCLOUD_SECRET_ID", "AKIDfromEnvironment"), ("TENCENTCLOUD_SECRET_KEY", ""));
        var run = Run("Resolve-TestCredential TencentKeys");
        Assert.Empty(run.Output);
        var error = run.Errors.Single();
        Assert.StartsWith("CredentialNotFound,", error.FullyQualifiedErrorId);
        Assert.Contains("TENCENTCLOUD_SECRET_KEY not set or empty", error.Exception.Message);
    }

    [Fact]
    public void NothingFoundIsCredentialNotFoundListingWhatWasTried()
    {
        using var env = new EnvironmentScope();
        var run = Run("Resolve-TestCredential TencentKeys, HuaweiAccessKeys");
        Assert.Empty(run.Output);
        var error = run.Errors.Single();
        Assert.StartsWith("CredentialNotFound,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        foreach (var tried in new[] { "-Credential", "-SecretName", "TENCENTCLOUD_SECRET_ID/TENCENTCLOUD_SECRET_KEY", "HUAWEICLOUD_SDK_AK/HUAWEICLOUD_SDK_SK" })
        {
            Assert.Contains(tried, error.Exception.Message);
        }

        Assert.Contains("Set-BankcardOcrSecret", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void MissingSecretIsCredentialNotFoundAndDoesNotFallBackToTheEnvironment()
    {
        using var env = TencentEnvironment();
        var run = Run("Resolve-TestCredential TencentKeys -SecretName nosuch -Vault Store");
        Assert.Empty(run.Output);
        var error = run.Errors.Single();
        Assert.StartsWith("CredentialNotFound,", error.FullyQualifiedErrorId);
        Assert.Contains("Secret 'nosuch' in vault 'Store' was not found", error.Exception.Message);
        Assert.Equal("nosuch", error.TargetObject);
    }

    [Fact]
    public void VaultIsHonoured()
    {
        using var env = new EnvironmentScope();
        var run = Run("""
            Store ocr @{ SecretId = $TencentId; SecretKey = $TencentKey } -Vault A
            (Resolve-TestCredential TencentKeys -SecretName ocr -Vault A).Source
            (Resolve-TestCredential TencentKeys -SecretName ocr).Source
            Resolve-TestCredential TencentKeys -SecretName ocr -Vault B
            """);
        Assert.Equal(new[] { "secret 'ocr' in vault 'A'", "secret 'ocr'" }, run.Output.Select(o => o.ToString()));
        Assert.StartsWith("CredentialNotFound,", run.Errors.Single().FullyQualifiedErrorId);
    }

    [Fact]
    public void SecretManagementMissingIsSecretManagementNotAvailable()
    {
        using var env = TencentEnvironment();
        var run = Run("Resolve-TestCredential TencentKeys -SecretName ocr", withSecretManagement: false);
        Assert.Empty(run.Output);
        var error = run.Errors.Single();
        Assert.StartsWith("SecretManagementNotAvailable,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.NotInstalled, error.CategoryInfo.Category);
        Assert.Contains("Install-Module Microsoft.PowerShell.SecretManagement", error.Exception.Message);
    }

    [Fact]
    public void SecretManagementIsOnlyNeededWhenASecretIsNamed()
    {
        using var env = TencentEnvironment();
        var run = Run("(Resolve-TestCredential TencentKeys -Credential (Cred $TencentId $TencentKey)).Source; (Resolve-TestCredential TencentKeys).Kind", withSecretManagement: false);
        Assert.Empty(run.Errors);
        Assert.Equal(new[] { "parameter -Credential", "TencentKeys" }, run.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void VaultThatThrowsIsCredentialNotFoundCarryingTheVaultsReason()
    {
        using var env = TencentEnvironment();
        var run = Run("""
            New-Module -Name Microsoft.PowerShell.SecretManagement -ScriptBlock {
                function Get-Secret { param($Name, $Vault) throw 'A valid password is required to access the Microsoft.PowerShell.SecretStore vault.' }
            } | Import-Module
            Resolve-TestCredential TencentKeys -SecretName ocr -Vault Store
            """, withSecretManagement: false);
        Assert.Empty(run.Output);
        var error = run.Errors.Single();
        Assert.StartsWith("CredentialNotFound,", error.FullyQualifiedErrorId);
        Assert.Contains("A valid password is required", error.Exception.Message);
        Assert.Contains("Unlock-SecretStore", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void CallersStopPreferenceStillGivesCredentialNotFound()
    {
        using var env = TencentEnvironment();
        var run = Run("$ErrorActionPreference = 'Stop'; try { Resolve-TestCredential TencentKeys -SecretName nosuch } catch { $_.FullyQualifiedErrorId }");
        Assert.StartsWith("CredentialNotFound,", run.Output.Single().ToString());
    }

    [Fact]
    public void DebugNamesTheSourceOnce()
    {
        using var env = new EnvironmentScope();
        var run = Run("Store ocr @{ SecretId = $TencentId; SecretKey = $TencentKey }; $null = Resolve-TestCredential TencentKeys -SecretName ocr -Vault Store -Debug");
        Assert.Empty(run.Errors);
        Assert.Equal("Using Tencent Cloud SecretId/SecretKey from secret 'ocr' in vault 'Store'.", run.Debug.Single().Message);
        AssertNoSecretLeaks(run);
    }
}
