using System.Management.Automation;
using static BankcardOcr.Module.Tests.Credentials.CredentialScript;

namespace BankcardOcr.Module.Tests.Credentials;

[Collection("Environment")]
public class SetBankcardOcrSecretTests
{
    [Fact]
    public void StoresTheDocumentedKeysWithTheSecretAsSecureString()
    {
        using var env = new EnvironmentScope();
        var run = Run("""
            Set-BankcardOcrSecret -Name ocr -Vault Store -Provider tencentlegacy -Credential (Cred $TencentId $TencentKey) -AppId 1250000000 -Bucket bkt -Region ap-guangzhou
            $h = Microsoft.PowerShell.SecretManagement\Get-Secret -Name ocr -Vault Store
            $k = @($h.Keys); [Array]::Sort($k); $k -join ','
            $h.Provider; $h.SecretId; $h.SecretKey -is [securestring]
            [System.Net.NetworkCredential]::new('', $h.SecretKey).Password -eq $TencentKey
            """);
        Assert.Empty(run.Errors);
        Assert.Equal(new object[] { "AppId,Bucket,Provider,Region,SecretId,SecretKey", "TencentLegacy", TencentId, true, true }, run.Output.Select(o => o.BaseObject));
        AssertNoSecretLeaks(run);
    }

    [Fact]
    public void StoredTencentSecretResolvesToTheSameCredential()
    {
        using var env = new EnvironmentScope();
        var run = Run("""
            Set-BankcardOcrSecret ocr -Provider Tencent -Credential (Cred $TencentId $TencentKey)
            Resolve-TestCredential TencentKeys -SecretName ocr -ReadSecretFirst
            """);
        Assert.Empty(run.Errors);
        var result = run.Output.Single();
        Assert.Equal(TencentId, result.Property("KeyId"));
        Assert.Equal(Sha(TencentKey), result.Property("SecretSha256"));
        Assert.Equal("Tencent", result.Property("PeekedProvider"));
    }

    [Fact]
    public void HuaweiAccessKeysAndIamPasswordRoundTrip()
    {
        using var env = new EnvironmentScope();
        var run = Run("""
            Set-BankcardOcrSecret ak -Vault Store -Provider Huawei -Credential (Cred $HuaweiAk $HuaweiSk) -Region cn-north-4 -ProjectId p1
            Set-BankcardOcrSecret iam -Vault Store -Provider Huawei -UseIamPassword -Credential (Cred 'ocr-bot' $IamPassword) -DomainName acme
            Resolve-TestCredential HuaweiAccessKeys, HuaweiPassword -SecretName ak -Vault Store
            Resolve-TestCredential HuaweiAccessKeys, HuaweiPassword -SecretName iam -Vault Store
            """);
        Assert.Empty(run.Errors);
        Assert.Equal(new[] { "HuaweiAccessKeys", "HuaweiPassword" }, run.Output.Select(o => o.Property("Kind")));
        Assert.Equal(new[] { Sha(HuaweiSk), Sha(IamPassword) }, run.Output.Select(o => o.Property("SecretSha256")));
        Assert.Equal("p1", run.Output[0].Property("ProjectId"));
        Assert.Equal("acme", run.Output[1].Property("DomainName"));
        AssertNoSecretLeaks(run);
    }

    [Theory]
    [InlineData("-Provider TencentLegacy", "AppIdRequired")]
    [InlineData("-Provider Huawei -UseIamPassword", "DomainNameRequired")]
    [InlineData("-Provider Tencent -UseIamPassword", "ParameterNotForProvider")]
    [InlineData("-Provider Tencent -ProjectId p1", "ParameterNotForProvider")]
    [InlineData("-Provider Huawei -AppId 1250000000", "ParameterNotForProvider")]
    [InlineData("-Provider Huawei -DomainName acme", "ParameterNotForProvider")]
    public void ProviderRulesAreCheckedBeforeAnythingIsStored(string parameters, string errorId)
    {
        var run = Run($"""
            Set-BankcardOcrSecret ocr {parameters} -Credential (Cred $TencentId $TencentKey)
            @(Microsoft.PowerShell.SecretManagement\Get-Secret -Name ocr -ErrorAction SilentlyContinue).Count
            """);
        Assert.StartsWith(errorId + ",", run.Errors[0].FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, run.Errors[0].CategoryInfo.Category);
        Assert.Equal(0, run.Output.Single().BaseObject);
        AssertNoSecretLeaks(run);
    }

    [Fact]
    public void WhatIfStoresNothing()
    {
        var run = Run("""
            Set-BankcardOcrSecret ocr -Vault Store -Provider Tencent -Credential (Cred $TencentId $TencentKey) -WhatIf
            @(Microsoft.PowerShell.SecretManagement\Get-Secret -Name ocr -ErrorAction SilentlyContinue).Count
            """);
        Assert.Empty(run.Errors);
        Assert.Equal(0, run.Output.Single().BaseObject);
        Assert.Contains("secret 'ocr' in vault 'Store'", run.HostText);
        AssertNoSecretLeaks(run);
    }

    [Fact]
    public void WithoutSecretManagementItIsSecretManagementNotAvailable()
    {
        var run = Run("Set-BankcardOcrSecret ocr -Provider Tencent -Credential (Cred $TencentId $TencentKey)", withSecretManagement: false);
        var error = run.Errors.Single();
        Assert.StartsWith("SecretManagementNotAvailable,", error.FullyQualifiedErrorId);
        Assert.Contains("Install-Module Microsoft.PowerShell.SecretManagement", error.Exception.Message);
        AssertNoSecretLeaks(run);
    }
}
