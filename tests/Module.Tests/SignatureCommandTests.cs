using System.Management.Automation;
using System.Net;

namespace BankcardOcr.Module.Tests;

/// <summary>The published signing vectors (docs/tencentcloud.md §4 and §6.3) through New-TencentOcrSignature's real binding.</summary>
public class SignatureCommandTests
{
    private const string LegacySecretKey = "nwOKDouy5JctNOlnere4gkVoOUz5EYAb";
    private const string Tc3SecretKey = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";

    private static HostedRun Run(string script, string secretId, string secretKey) => HostedPowerShell.Run(script, new Dictionary<string, object?>
    {
        ["Cred"] = new PSCredential(secretId, new NetworkCredential(string.Empty, secretKey).SecurePassword),
    });

    private static HostedRun RunLegacy(string extra) => Run(
        "New-TencentOcrSignature -AppId 1252821871 -Bucket tencentyun -Credential $Cred -Timestamp ([DateTimeOffset]::FromUnixTimeSeconds(1436077115)) -Nonce 11162 " + extra,
        "AKIDgaoOYh2kOmJfWVdH4lpfxScG2zPLPGoK",
        LegacySecretKey);

    [Fact]
    public void LegacyMultiUseVectorWithoutFile()
    {
        var run = RunLegacy("-ExpiresAt ([DateTimeOffset]::FromUnixTimeSeconds(1438669115))");
        Assert.Empty(run.Errors);
        var sig = run.Output.Single();
        Assert.Equal("BankcardOcr.TencentOcrSignature", sig.TypeNames[0]);
        Assert.Equal("a=1252821871&b=tencentyun&k=AKIDgaoOYh2kOmJfWVdH4lpfxScG2zPLPGoK&e=1438669115&t=1436077115&r=11162&u=0&f=", sig.Properties["PlainText"].Value);
        Assert.Equal("p2Y5iIYyBmQNfUvPe3e1sxEN/rZhPTEyNTI4MjE4NzEmYj10ZW5jZW50eXVuJms9QUtJRGdhb09ZaDJrT21KZldWZEg0bHBmeFNjRzJ6UExQR29LJmU9MTQzODY2OTExNSZ0PTE0MzYwNzcxMTUmcj0xMTE2MiZ1PTAmZj0=", sig.Properties["Authorization"].Value);
        Assert.Equal(false, sig.Properties["IsOneTime"].Value);
    }

    [Fact]
    public void LegacyLifetimeGivesTheSameVector()
    {
        // e = t + 2592000 s (30 days), the documentation's own lifetime.
        var run = RunLegacy("-Lifetime ([TimeSpan]::FromDays(30))");
        Assert.Equal("p2Y5iIYyBmQNfUvPe3e1sxEN/rZhPTEyNTI4MjE4NzEmYj10ZW5jZW50eXVuJms9QUtJRGdhb09ZaDJrT21KZldWZEg0bHBmeFNjRzJ6UExQR29LJmU9MTQzODY2OTExNSZ0PTE0MzYwNzcxMTUmcj0xMTE2MiZ1PTAmZj0=", run.Output.Single().Properties["Authorization"].Value);
    }

    [Fact]
    public void LegacyMultiUseVectorBoundToAFile()
    {
        var run = RunLegacy("-ExpiresAt ([DateTimeOffset]::FromUnixTimeSeconds(1438669115)) -FileId tencentyunSignTest");
        Assert.Equal("Tt9IYBG4j1TpO/9M6M9TokVJrKhhPTEyNTI4MjE4NzEmYj10ZW5jZW50eXVuJms9QUtJRGdhb09ZaDJrT21KZldWZEg0bHBmeFNjRzJ6UExQR29LJmU9MTQzODY2OTExNSZ0PTE0MzYwNzcxMTUmcj0xMTE2MiZ1PTAmZj10ZW5jZW50eXVuU2lnblRlc3Q=", run.Output.Single().Properties["Authorization"].Value);
    }

    [Fact]
    public void LegacyOneTimeVector()
    {
        var run = RunLegacy("-OneTime -FileId tencentyunSignTest");
        var sig = run.Output.Single();
        Assert.Equal("ewXflzgpQON2bmrX6uJ5Yr0zuOphPTEyNTI4MjE4NzEmYj10ZW5jZW50eXVuJms9QUtJRGdhb09ZaDJrT21KZldWZEg0bHBmeFNjRzJ6UExQR29LJmU9MCZ0PTE0MzYwNzcxMTUmcj0xMTE2MiZ1PTAmZj10ZW5jZW50eXVuU2lnblRlc3Q=", sig.Properties["Authorization"].Value);
        Assert.Equal(true, sig.Properties["IsOneTime"].Value);
        Assert.Null(sig.Properties["ExpiresAt"].Value);
    }

    [Theory]
    [InlineData("-OneTime", "FileId")]
    [InlineData("-Lifetime ([TimeSpan]::FromDays(91))", "90 days")]
    [InlineData("-Lifetime ([TimeSpan]::FromMinutes(5)) -ExpiresAt ([DateTimeOffset]::FromUnixTimeSeconds(1438669115))", "not both")]
    public void InvalidLegacyRequestsEndWithAClearError(string extra, string fragment)
    {
        var run = RunLegacy(extra);
        var error = run.Errors.Single();
        Assert.StartsWith("InvalidSignatureRequest,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains(fragment, error.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(LegacySecretKey, error.ToString(), StringComparison.Ordinal);
    }

    private const string CvmPayload = "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\": \"instance-name\"}]}";

    [Fact]
    public void Tc3VectorA()
    {
        var run = Run(
            "New-TencentOcrSignature -Action DescribeInstances -Payload $Payload -Service cvm -Version 2017-03-12 -Region ap-guangzhou -SignActionHeader -Timestamp ([DateTimeOffset]::FromUnixTimeSeconds(1551113065)) -Credential $Cred".Replace("$Payload", "'" + CvmPayload + "'", StringComparison.Ordinal),
            "AKID********************************",
            "********************************");
        Assert.Empty(run.Errors);
        var sig = run.Output.Single();
        Assert.Equal("BankcardOcr.TencentCloudSignature", sig.TypeNames[0]);
        Assert.Equal("TC3-HMAC-SHA256 Credential=AKID********************************/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f", sig.Properties["Authorization"].Value);
    }

    [Fact]
    public void Tc3VectorB()
    {
        var run = Run(
            "New-TencentOcrSignature -Action DescribeInstances -Payload '" + CvmPayload + "' -Service cvm -Version 2017-03-12 -Region ap-guangzhou -Timestamp ([DateTimeOffset]::FromUnixTimeSeconds(1551113065)) -Credential $Cred",
            "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
            Tc3SecretKey);
        var sig = run.Output.Single();
        Assert.Equal("TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168", sig.Properties["Authorization"].Value);
        Assert.Equal("TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031", sig.Properties["StringToSign"].Value);
        var headers = (System.Collections.IDictionary)sig.Properties["Headers"].Value;
        Assert.Equal("DescribeInstances", headers["X-TC-Action"]);
        Assert.Equal("1551113065", headers["X-TC-Timestamp"]);
        Assert.Equal("ap-guangzhou", headers["X-TC-Region"]);
        Assert.Equal("application/json; charset=utf-8", headers["Content-Type"]);
    }

    [Fact]
    public void Tc3VectorC()
    {
        var run = Run(
            "New-TencentOcrSignature -Action DescribeInstances -Payload '' -HttpMethod GET -QueryString 'Limit=10&Offset=0' -ContentType 'application/x-www-form-urlencoded' -Service cvm -Version 2017-03-12 -Region ap-guangzhou -Timestamp ([DateTimeOffset]::FromUnixTimeSeconds(1539084154)) -Credential $Cred",
            "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
            Tc3SecretKey);
        Assert.Empty(run.Errors);
        Assert.Equal("TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2018-10-09/cvm/tc3_request, SignedHeaders=content-type;host, Signature=5da7a33f6993f0614b047e5df4582db9e9bf4672ba50567dba16c6ccf174c474", run.Output.Single().Properties["Authorization"].Value);
    }

    [Fact]
    public void PayloadsPipeInOneSignatureEach()
    {
        var run = Run("'{\"a\":1}', '{\"a\":2}' | New-TencentOcrSignature -Action BankCardOCR -Credential $Cred", "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", Tc3SecretKey);
        Assert.Equal(2, run.Output.Count);
        Assert.NotEqual(run.Output[0].Properties["Authorization"].Value, run.Output[1].Properties["Authorization"].Value);
    }

    [Fact]
    public void SignaturesNeverShowInViewsToStringOrStreams()
    {
        var run = Run(
            "$l = New-TencentOcrSignature -AppId 1252821871 -Credential $Cred -Verbose -Debug; $l | Out-Default; $l.ToString(); " +
            "$t = New-TencentOcrSignature -Action BankCardOCR -Credential $Cred -Verbose -Debug; $t | Out-Default; $t.ToString(); $l.Authorization; $t.Authorization",
            "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
            Tc3SecretKey);
        Assert.Empty(run.Errors);
        var legacySignature = (string)run.Output[^2].BaseObject;
        var tc3Signature = ((string)run.Output[^1].BaseObject).Split("Signature=")[1];
        var everything = run.AllText().ToList();
        // The last two outputs are the signatures the script asked for on purpose; everything else must not hold them.
        var shown = everything.Where(t => t != legacySignature && !t.EndsWith(tc3Signature, StringComparison.Ordinal)).ToList();
        Assert.All(shown, t =>
        {
            Assert.DoesNotContain(legacySignature, t, StringComparison.Ordinal);
            Assert.DoesNotContain(tc3Signature, t, StringComparison.Ordinal);
            Assert.DoesNotContain(Tc3SecretKey, t, StringComparison.Ordinal);
        });
        Assert.Contains("1252821871", run.HostText, StringComparison.Ordinal);
    }
}
