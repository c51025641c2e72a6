using BankcardOcr.Module.Tests.Credentials;

namespace BankcardOcr.Module.Tests.Providers;

/// <summary>
/// A provider from outside the module (tests/FakeProvider: its folder, nothing else), registered with the one line in
/// <see cref="Register"/>, works through Invoke-BankcardRecognition end to end: validation and completion of its name,
/// its regions, its credential kind from -Credential, a secret or its environment variables, its image limits, its
/// throttle and rate, its errors. The registry is process-wide, so these tests run apart from every other collection
/// and each unregisters the provider when it ends.
/// </summary>
[Collection("Environment")]
public class FakeProviderTests
{
    private const string Register = "$registration = [BankcardOcr.Engine.ProviderRegistry]::Register([BankcardOcr.Tests.FakeProvider.FakeDescriptor]::new())\n";

    private static HostedRun Run(string body, Dictionary<string, object?>? variables = null)
    {
        var all = new Dictionary<string, object?>(variables ?? new())
        {
            ["FakeProvider"] = Path.Combine(AppContext.BaseDirectory, "BankcardOcr.Tests.FakeProvider.dll"),
            ["Png"] = TestImages.Png(),
        };
        return HostedPowerShell.Run(
            SecretManagementStandIn.Import + """
            function Cred([string]$User, [string]$Password) { [pscredential]::new($User, [System.Net.NetworkCredential]::new('', $Password).SecurePassword) }
            # BankcardOcr.Core loads on first use; the outside provider binds to the copy in the module folder.
            $null = [System.Reflection.Assembly]::LoadFrom((Join-Path (Split-Path (Get-Module BankcardOcr).Path) 'BankcardOcr.Core.dll'))
            Add-Type -Path $FakeProvider

            """ + Register + "try {\n" + body + "\n} finally { $registration.Dispose() }\n",
            all);
    }

    [Fact]
    public void RecognisesWithItsCredentialRegionThrottleAndRate()
    {
        using var environment = new EnvironmentScope();
        var run = Run("Invoke-BankcardRecognition -Image $Png -Provider fake -Region fake-west-2 -Credential (Cred 'fake-id' 'fake-secret') -Verbose");

        Assert.Empty(run.Errors);
        var result = Assert.Single(run.Output);
        Assert.Equal("Fake", result.Property("Provider"));
        Assert.Equal("fake-id@fake-west-2", result.Property("CardName"));
        Assert.Equal("4111111111111111", result.Property("CardNumber"));
        Assert.Contains(run.Verbose, v => v.Message.StartsWith("Fake: up to 3 requests in flight; 50 per second", StringComparison.Ordinal));
        Assert.DoesNotContain(run.AllText(), t => t.Contains("fake-secret", StringComparison.Ordinal));
    }

    [Fact]
    public void SetBankcardOcrSecretStoresItsKeysAndTheSecretNamesIt()
    {
        using var environment = new EnvironmentScope();
        var run = Run("""
            Set-BankcardOcrSecret -Name fake -Vault Store -Provider fake -Credential (Cred 'from-secret' 'fake-secret') -Region fake-east-1
            (Microsoft.PowerShell.SecretManagement\Get-Secret -Name fake -Vault Store).Keys | Sort-Object
            Invoke-BankcardRecognition -Image $Png -SecretName fake
            """);

        Assert.True(run.Errors.Count == 0, string.Join("\n", run.Errors.Select(e => e.Exception.ToString())));
        Assert.Equal(new[] { "FakeKeyId", "FakeSecret", "Provider", "Region" }, run.Output.Take(4).Select(o => o.ToString()));
        Assert.Equal("from-secret@fake-east-1", run.Output[4].Property("CardName"));
    }

    [Fact]
    public void TakesItsKeysFromItsEnvironmentVariables()
    {
        using var environment = new EnvironmentScope(("FAKEOCR_KEY_ID", "from-env"), ("FAKEOCR_SECRET", "x"));
        try
        {
            var run = Run("Invoke-BankcardRecognition -Image $Png -Provider Fake");

            Assert.Empty(run.Errors);
            Assert.Equal("from-env@fake-east-1", Assert.Single(run.Output).Property("CardName"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("FAKEOCR_KEY_ID", null);
            Environment.SetEnvironmentVariable("FAKEOCR_SECRET", null);
        }
    }

    [Fact]
    public void WithoutKeysTheCallEndsNamingItsVariables()
    {
        using var environment = new EnvironmentScope();
        var run = Run("try { Invoke-BankcardRecognition -Image $Png -Provider Fake -ErrorAction Stop } catch { $_ }");

        var error = Assert.Single(run.Output).BaseObject as System.Management.Automation.ErrorRecord;
        Assert.NotNull(error);
        Assert.StartsWith("CredentialNotFound,", error!.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("Fake OCR key id/secret", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("FAKEOCR_KEY_ID/FAKEOCR_SECRET", error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ItsNameAndRegionsComplete()
    {
        var run = Run("""
            function Complete([string]$Line) { (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText }
            Complete 'Invoke-BankcardRecognition x.png -Provider Fa'
            '--'
            Complete 'Invoke-BankcardRecognition x.png -Provider Fake -Region fake-'
            """);

        Assert.Empty(run.Errors);
        Assert.Equal(new[] { "Fake", "--", "fake-east-1", "fake-west-2" }, run.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void ItsImageLimitsAndErrorsReachTheUserAsErrorRecords()
    {
        using var environment = new EnvironmentScope();
        var run = Run("""
            $cred = Cred 'fake-id' 'fake-secret'
            Invoke-BankcardRecognition -Image $Jpeg -Name photo.jpg -Provider Fake -Credential $cred
            Invoke-BankcardRecognition -Image $Large -Name large.png -Provider Fake -Credential $cred
            Invoke-BankcardRecognition -Image $Dot -Name dot.png -Provider Fake -Credential $cred
            """,
            new() { ["Jpeg"] = TestImages.Jpeg(), ["Large"] = TestImages.Png(tag: new string('x', 5000)), ["Dot"] = TestImages.Png(1, 1) });

        Assert.Empty(run.Output);
        Assert.Equal(
            new[] { "UnsupportedImageFormat", "ImageTooLarge", "NoCardFound" },
            run.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
        var noCard = new System.Management.Automation.PSObject(run.Errors[2].Exception);
        Assert.Equal(("Fake", "Fake.NoCard"), (noCard.Property("Provider"), noCard.Property("ProviderCode")));
        Assert.StartsWith("dot.png:", run.Errors[2].Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARefusedKeyEndsTheCall()
    {
        using var environment = new EnvironmentScope();
        var run = Run("try { Invoke-BankcardRecognition -Image $Png -Provider Fake -Credential (Cred 'refused' 'x') } catch { $_ }");

        var error = Assert.Single(run.Output).BaseObject as System.Management.Automation.ErrorRecord;
        Assert.StartsWith("AuthenticationFailed,", error!.FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownRegionAndAnotherProvidersParameterAreRefused()
    {
        using var environment = new EnvironmentScope();
        var run = Run("""
            $cred = Cred 'fake-id' 'x'
            try { Invoke-BankcardRecognition -Image $Png -Provider Fake -Credential $cred -Region mars-1 } catch { $_ }
            try { Invoke-BankcardRecognition -Image $Png -Provider Fake -Credential $cred -DetectCopy } catch { $_ }
            """);

        var errors = run.Output.Select(o => (System.Management.Automation.ErrorRecord)o.BaseObject).ToArray();
        Assert.Equal(new[] { "UnknownRegion", "ParameterNotForProvider" }, errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.Contains("Known regions: fake-east-1, fake-west-2", errors[0].Exception.Message, StringComparison.Ordinal);
        Assert.Equal("-DetectCopy applies to -Provider Tencent only; it means nothing to Fake. Leave it out, or choose that provider.", errors[1].Exception.Message);
    }

    [Fact]
    public void OnceUnregisteredItsNameIsRefusedAgain()
    {
        var run = Run("""
            $registration.Dispose()
            try { Invoke-BankcardRecognition -Image $Png -Provider Fake } catch { $_.Exception.Message }
            """);

        var message = Assert.Single(run.Output).ToString();
        Assert.Contains("The argument \"Fake\" does not belong to the set \"Tencent,TencentLegacy,Huawei,Local\" specified by the ValidateSet attribute.", message, StringComparison.Ordinal);
    }
}
