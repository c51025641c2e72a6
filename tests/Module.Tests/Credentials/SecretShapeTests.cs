using System.Management.Automation;
using static BankcardOcr.Module.Tests.Credentials.CredentialScript;

namespace BankcardOcr.Module.Tests.Credentials;

/// <summary>What a stored secret may look like (docs/design.md, "Public contract"), and the errors for what it may not.</summary>
[Collection("Environment")]
public class SecretShapeTests
{
    [Fact]
    public void PSCredentialSecretIsReadAsTheFirstAcceptableKind()
    {
        using var env = new EnvironmentScope();
        var run = Run("Store ocr (Cred $HuaweiAk $HuaweiSk); Resolve-TestCredential HuaweiAccessKeys, HuaweiPassword -SecretName ocr -Vault Store");
        Assert.Empty(run.Errors);
        var result = run.Output.Single();
        Assert.Equal("HuaweiAccessKeys", result.Property("Kind"));
        Assert.Equal(HuaweiAk, result.Property("KeyId"));
        Assert.Equal(Sha(HuaweiSk), result.Property("SecretSha256"));
    }

    [Theory]
    [InlineData("$TencentKey")]
    [InlineData("(Secure $TencentKey)")]
    public void HashtableSecretTakesStringOrSecureStringValuesAndCarriesItsSettings(string secretKey)
    {
        using var env = new EnvironmentScope();
        var run = Run($$"""
            Store ocr @{ Provider = 'tencentlegacy'; SecretId = $TencentId; SecretKey = {{secretKey}}; AppId = 1250000000; Bucket = (Secure 'bkt'); Region = 'ap-guangzhou' }
            Resolve-TestCredential TencentKeys -SecretName ocr -Vault Store
            """);
        Assert.Empty(run.Errors);
        var result = run.Output.Single();
        Assert.Equal(TencentId, result.Property("KeyId"));
        Assert.Equal(Sha(TencentKey), result.Property("SecretSha256"));
        Assert.Equal("TencentLegacy", result.Property("Provider"));
        Assert.Equal("1250000000", result.Property("AppId"));
        Assert.Equal("bkt", result.Property("Bucket"));
        Assert.Equal("ap-guangzhou", result.Property("Region"));
    }

    [Fact]
    public void HashtableKeysAreCaseInsensitive()
    {
        using var env = new EnvironmentScope();
        var run = Run("""
            $h = [hashtable]::new()   # case-sensitive, as a vault may hand back
            $h['accesskey'] = $HuaweiAk; $h['SECRETKEY'] = (Secure $HuaweiSk); $h['projectid'] = 'p1'
            Store ocr $h
            Resolve-TestCredential HuaweiAccessKeys -SecretName ocr -Vault Store
            """);
        Assert.Empty(run.Errors);
        Assert.Equal("p1", run.Output.Single().Property("ProjectId"));
        Assert.Equal(Sha(HuaweiSk), run.Output.Single().Property("SecretSha256"));
    }

    [Fact]
    public void HashtableKindFollowsTheKeyIdItHolds()
    {
        using var env = new EnvironmentScope();
        var run = Run("""
            Store iam @{ Provider = 'Huawei'; UserName = 'ocr-bot'; Password = (Secure $IamPassword); DomainName = 'acme'; Region = 'cn-north-4' }
            Resolve-TestCredential HuaweiAccessKeys, HuaweiPassword -SecretName iam -Vault Store
            """);
        Assert.Empty(run.Errors);
        var result = run.Output.Single();
        Assert.Equal("HuaweiPassword", result.Property("Kind"));
        Assert.Equal("ocr-bot", result.Property("KeyId"));
        Assert.Equal("acme", result.Property("DomainName"));
        Assert.Equal(Sha(IamPassword), result.Property("SecretSha256"));
    }

    [Fact]
    public void ProviderCanBeReadBeforeTheCredential()
    {
        using var env = new EnvironmentScope();
        var run = Run("""
            Store ocr @{ Provider = 'HUAWEI'; AccessKey = $HuaweiAk; SecretKey = $HuaweiSk }
            Resolve-TestCredential HuaweiAccessKeys -SecretName ocr -Vault Store -ReadSecretFirst
            """);
        Assert.Empty(run.Errors);
        Assert.Equal("Huawei", run.Output.Single().Property("PeekedProvider"));
    }

    [Fact]
    public void MissingKeyIsInvalidSecretNamingTheKeyAndNoValue()
    {
        using var env = new EnvironmentScope();
        var run = Run("""
            Store ocr @{ SecretId = $TencentId; Secret = $TencentKey }
            Resolve-TestCredential TencentKeys -SecretName ocr -Vault Store
            """);
        Assert.Empty(run.Output);
        var error = run.Errors.Single();
        Assert.StartsWith("InvalidSecret,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Contains("lacks the key 'SecretKey'", error.Exception.Message);
        Assert.Contains("Keys present: Secret, SecretId", error.Exception.Message);
        Assert.DoesNotContain(TencentId, error.Exception.Message);
        AssertNoSecretLeaks(run);
    }

    [Fact]
    public void SecretForAnotherProviderNamesTheKeysTheCommandNeeds()
    {
        using var env = new EnvironmentScope();
        var run = Run("Store ocr @{ Provider = 'Huawei'; AccessKey = $HuaweiAk; SecretKey = $HuaweiSk }; Resolve-TestCredential TencentKeys -SecretName ocr -Vault Store");
        var error = run.Errors.Single();
        Assert.StartsWith("InvalidSecret,", error.FullyQualifiedErrorId);
        Assert.Contains("lacks the key 'SecretId'", error.Exception.Message);
        AssertNoSecretLeaks(run);
    }

    [Theory]
    [InlineData("(Secure $TencentKey)", "SecureString")]
    [InlineData("([byte[]](1, 2, 3))", "Byte[]")]
    public void SecretOfAnotherTypeIsInvalidSecretNamingTheType(string secret, string typeName)
    {
        using var env = new EnvironmentScope();
        var run = Run($"Store ocr {secret}; Resolve-TestCredential TencentKeys -SecretName ocr -Vault Store");
        var error = run.Errors.Single();
        Assert.StartsWith("InvalidSecret,", error.FullyQualifiedErrorId);
        Assert.Contains($"is a {typeName}", error.Exception.Message);
        AssertNoSecretLeaks(run);
    }

    [Fact]
    public void UnknownProviderIsInvalidSecret()
    {
        using var env = new EnvironmentScope();
        var run = Run("Store ocr @{ Provider = 'Aliyun'; SecretId = $TencentId; SecretKey = $TencentKey }; Resolve-TestCredential TencentKeys -SecretName ocr -Vault Store");
        var error = run.Errors.Single();
        Assert.StartsWith("InvalidSecret,", error.FullyQualifiedErrorId);
        Assert.Contains("Provider 'Aliyun'", error.Exception.Message);
    }

    [Theory]
    [InlineData("(Cred $TencentId '')")]
    [InlineData("@{ SecretId = $TencentId; SecretKey = '' }")]
    public void EmptySecretIsInvalidSecret(string secret)
    {
        using var env = new EnvironmentScope();
        var run = Run($"Store ocr {secret}; Resolve-TestCredential TencentKeys -SecretName ocr -Vault Store");
        Assert.StartsWith("InvalidSecret,", run.Errors.Single().FullyQualifiedErrorId);
    }

    [Fact]
    public void NoSecretValueLeaksFromAnySourceOrError()
    {
        using var env = new EnvironmentScope(("HUAWEICLOUD_SDK_AK", HuaweiAk), ("HUAWEICLOUD_SDK_SK", EnvKey));
        var run = Run("""
            $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'
            Store t @{ SecretId = $TencentId; SecretKey = (Secure $TencentKey) }
            Store p (Cred 'ocr-bot' $IamPassword)
            Store bad @{ UserName = 'ocr-bot'; Pasword = $IamPassword; SecretKey = $HuaweiSk }
            $r = @(
                Resolve-TestCredential TencentKeys -SecretName t -Vault Store
                Resolve-TestCredential HuaweiPassword -SecretName p -Vault Store
                Resolve-TestCredential HuaweiAccessKeys
                Resolve-TestCredential TencentKeys -Credential (Cred $TencentId $TencentKey)
            )
            Resolve-TestCredential HuaweiPassword -SecretName bad -Vault Store
            Resolve-TestCredential TencentKeys
            $r | Out-Default
            $r | ForEach-Object { $_.Text }
            """);
        Assert.Equal(4, run.Debug.Count);
        Assert.Equal(new[] { "InvalidSecret", "CredentialNotFound" }, run.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.NotEmpty(run.HostText);
        AssertNoSecretLeaks(run);
    }
}
