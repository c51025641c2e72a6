using System.Management.Automation;
using System.Net;
using BankcardOcr.Emulator;
using BankcardOcr.Module.Tests.Credentials;
using BankcardOcr.Module.Tests.Recognition;

namespace BankcardOcr.Module.Tests;

/// <summary>
/// Every cmdlet, succeeding and failing, with -Verbose -Debug: no secret key, password, token, signature or full
/// card number may appear in any stream, any exception, any ToString() or any default view.
/// </summary>
public class LeakTests : IClassFixture<EmulatorFixture>
{
    private const string WrongTencentKey = "wrong-tencent-key-0123456789";
    private const string WrongHuaweiPassword = "wrong-Huawei-Passw0rd-987";
    private readonly EmulatorFixture _fixture;

    public LeakTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
        fixture.Reset();
    }

    [Fact]
    public void NoCmdletRevealsASecretOrAFullCardNumber()
    {
        var good = _fixture.WriteImage("leak-all.png", TestImages.Png(tag: "leak-all"));
        var gif = _fixture.WriteImage("leak-all.gif", TestImages.Gif());
        var card = new EmulatedCard { CardNumber = "6228480402564890018" };
        _fixture.Emulator.RegisterCard(File.ReadAllBytes(good), card);
        // Failures the services produce: a rate limit (retried), an expired signature (re-signed), a refused token.
        _fixture.Emulator.EnqueueFault(EmulatedApi.Tencent, EmulatedFault.VendorError("RequestLimitExceeded"));
        _fixture.Emulator.EnqueueFault(EmulatedApi.TencentLegacy, EmulatedFault.VendorError("9"));
        _fixture.Emulator.EnqueueFault(EmulatedApi.HuaweiOcr, EmulatedFault.VendorError("APIG.0307"));

        var script = SecretManagementStandIn.Import + $$"""
            '6228480402564890018', '6228480402564890018x' | Test-BankcardNumber -Verbose -Debug | Out-Default
            Set-BankcardOcrSecret -Name T -Vault V -Provider Tencent -Credential $Cred -AppId $AppId -Verbose -Debug
            Set-BankcardOcrSecret -Name H -Vault V -Provider Huawei -Credential $HwUser -UseIamPassword -DomainName $HwDomain -Verbose -Debug
            Set-BankcardOcrSecret -Name Bad -Vault V -Provider Tencent -Credential $Cred -WhatIf -Verbose -Debug

            $legacySig = New-TencentOcrSignature -AppId $AppId -SecretName T -Vault V -Verbose -Debug
            $legacySig | Out-Default; $legacySig.ToString()
            $tc3Sig = New-TencentOcrSignature -Action BankCardOCR -SecretName T -Vault V -Verbose -Debug
            $tc3Sig | Out-Default; $tc3Sig.ToString()

            $token = Get-HuaweiIamToken -SecretName H -Vault V -Endpoint $Endpoint -Verbose -Debug
            $token | Out-Default; $token.ToString()
            try { Get-HuaweiIamToken -Credential $WrongHwUser -DomainName $HwDomain -Endpoint $Endpoint -Force -Verbose -Debug } catch { $_ | Out-Default; $_.Exception.ToString() }

            Invoke-BankcardRecognition '{{good}}', '{{gif}}' -SecretName T -Vault V -Endpoint $Endpoint -Verbose -Debug | Out-Default
            Invoke-BankcardRecognition '{{good}}' -Provider TencentLegacy -Credential $Cred -AppId $AppId -Endpoint $Endpoint -Verbose -Debug | Out-Default
            (Invoke-BankcardRecognition '{{good}}' -Provider Tencent -Credential $Cred -Endpoint $Endpoint).ToString()
            Invoke-BankcardRecognition '{{good}}' -Provider Tencent -Credential $WrongCred -Endpoint $Endpoint -Verbose -Debug
            Invoke-BankcardRecognition '{{good}}' -Token $token -Endpoint $Endpoint -Verbose -Debug
            Invoke-BankcardRecognition '{{good}}' -Provider Huawei -Credential $HwKeys -Endpoint $Endpoint -IamEndpoint $Endpoint -ProjectId $HwProjectId -Verbose -Debug | Out-Default
            Invoke-BankcardRecognition '{{good}}' -Provider Huawei -SecretName H -Vault V -Endpoint $Endpoint -IamEndpoint $Endpoint -Verbose -Debug -MaskCardNumber

            # Printed on purpose, last, so the test knows the values to look for everywhere else.
            '=== secrets follow ==='
            $legacySig.Authorization
            $tc3Sig.Authorization
            $token.GetToken()
            """;
        var variables = new Dictionary<string, object?>(_fixture.Variables())
        {
            ["WrongCred"] = new PSCredential(_fixture.Emulator.Options.TencentSecretId, new NetworkCredential(string.Empty, WrongTencentKey).SecurePassword),
            ["WrongHwUser"] = new PSCredential(_fixture.Emulator.Options.HuaweiUserName, new NetworkCredential(string.Empty, WrongHuaweiPassword).SecurePassword),
        };

        var run = HostedPowerShell.Run(script, variables);

        var marker = run.Output.Select((o, i) => (Text: o?.ToString(), Index: i)).Single(x => x.Text == "=== secrets follow ===").Index;
        var printed = run.Output.Skip(marker + 1).Select(o => o.ToString()).ToList();
        Assert.Equal(3, printed.Count);
        var forbidden = new List<string>(_fixture.Secrets())
        {
            WrongTencentKey,
            WrongHuaweiPassword,
            printed[0],                          // the legacy signature
            printed[1].Split("Signature=")[1],   // the TC3 signature
            printed[2],                          // the IAM token
            "6228480402564890018",
            "6222020200112233445",               // the emulator's default card
        };
        Assert.All(forbidden, f => Assert.True(f.Length >= 16, "a forbidden value too short to search for: " + f));
        // A slice of a long secret is a leak too: look for 20-character pieces from its start, middle and end.
        forbidden = forbidden.SelectMany(f => f.Length <= 40 ? new[] { f } : new[] { f[..20], f.Substring(f.Length / 2, 20), f[^20..] }).ToList();

        // Everything the user could see, except the three values the script printed on purpose.
        var shown = run.AllText().ToList();
        shown.RemoveAll(printed.Contains);
        foreach (var text in shown)
        {
            foreach (var secret in forbidden)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"a secret or card number appeared in: {Excerpt(text, secret)}");
            }
        }

        // The run did exercise what it claims: successes, each failure kind, and every stream.
        Assert.NotEmpty(run.Verbose);
        Assert.NotEmpty(run.Debug);
        Assert.Contains("622848*********0018", run.HostText, StringComparison.Ordinal);
        var errorIds = run.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]).ToList();
        Assert.Contains("InvalidCardNumber", errorIds);
        Assert.Contains("UnsupportedImageFormat", errorIds);
        Assert.Contains("AuthenticationFailed", errorIds);
        Assert.True(_fixture.Emulator.Stats.FaultsInjected >= 3);
    }

    private static string Excerpt(string text, string secret)
    {
        var at = text.IndexOf(secret, StringComparison.Ordinal);
        return text.Substring(Math.Max(0, at - 60), Math.Min(text.Length - Math.Max(0, at - 60), 80)).Replace(secret, "<SECRET>", StringComparison.Ordinal);
    }
}
