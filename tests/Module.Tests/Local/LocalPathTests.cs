using System;
using System.IO;
using System.Linq;
using BankcardOcr.Module.Tests.Credentials;
using Xunit;

namespace BankcardOcr.Module.Tests.Local;

/// <summary>
/// The offline recognizer's own path through Invoke-BankcardRecognition: no retries, rate limit or network advice,
/// at most one photo per core, and every parameter that only means something to a cloud provider refused.
/// </summary>
public sealed class LocalPathTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bankcardocr-localpath-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("-Region ap-beijing", "-Region")]
    [InlineData("-Endpoint https://ocr.tencentcloudapi.com", "-Endpoint")]
    [InlineData("-Endpoint http://example.com", "-Endpoint")]
    [InlineData("-MaxRequestsPerSecond 5", "-MaxRequestsPerSecond")]
    [InlineData("-MaxRetries 2", "-MaxRetries")]
    [InlineData("-Credential ([pscredential]::new('id', (ConvertTo-SecureString 'key' -AsPlainText -Force)))", "-Credential")]
    [InlineData("-SecretName Ocr", "-SecretName")]
    public void CloudParametersAreRefusedForTheOfflineRecognizer(string parameter, string named)
    {
        var run = HostedPowerShell.Run($"Invoke-BankcardRecognition -LiteralPath '{Card()}' -Provider Local {parameter}");

        var error = Assert.Single(run.Errors);
        Assert.StartsWith("ParameterNotForProvider,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains(named, error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("sends nothing", error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void CloudDefaultsFromPSDefaultParameterValuesAreLeftAsideForAnOfflineCall()
    {
        // A default secret and region for every call (the way the help recommends) must not break a call that reads
        // offline; the secret is not even read (there is no SecretManagement here to read it).
        var run = HostedPowerShell.Run($$"""
            $PSDefaultParameterValues['Invoke-BankcardRecognition:SecretName'] = 'TencentOcr'
            $PSDefaultParameterValues['Invoke-Bankcard*:Region'] = 'ap-beijing'
            $PSDefaultParameterValues['*:Endpoint'] = 'http://example.com'
            Invoke-BankcardRecognition -LiteralPath '{{Card()}}' -Provider Local -Debug
            """);

        Assert.Empty(run.Errors);
        Assert.Equal("4111111111111111", Assert.Single(run.Output).Properties["CardNumber"].Value);
        Assert.Contains(run.Debug, d => d.Message == "Left aside, from $PSDefaultParameterValues: -Endpoint, -Region, -SecretName (nothing to Local).");
    }

    [Fact]
    public void ACloudParameterTypedBesideDefaultsIsStillRefused()
    {
        var run = HostedPowerShell.Run($$"""
            $PSDefaultParameterValues['Invoke-BankcardRecognition:SecretName'] = 'TencentOcr'
            Invoke-BankcardRecognition -LiteralPath '{{Card()}}' -Provider Local -Region ap-beijing
            """);

        var error = Assert.Single(run.Errors);
        Assert.StartsWith("ParameterNotForProvider,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("-Region", error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASecretThatNamesNoProviderIsRefusedWithAHintRatherThanIgnored()
    {
        var run = HostedPowerShell.Run(SecretManagementStandIn.Import + $$"""
            Set-Secret -Name Keys -Secret @{ SecretId = 'AKIDexample'; SecretKey = 'not-a-real-key' }
            Invoke-BankcardRecognition -LiteralPath '{{Card()}}' -SecretName Keys
            """);

        var error = Assert.Single(run.Errors);
        Assert.StartsWith("ParameterNotForProvider,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("names no provider", error.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-real-key", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AThrottleLimitAboveTheCoresReadsEveryPhotoAndSaysItWasCapped()
    {
        var paths = Enumerable.Range(0, 3).Select(i => Card($"card{i}.jpg", index: 60 + i)).ToArray();

        var run = HostedPowerShell.Run($"Invoke-BankcardRecognition -LiteralPath {string.Join(",", paths.Select(p => "'" + p + "'"))} -ThrottleLimit 64 -Verbose");

        Assert.Empty(run.Errors);
        Assert.Equal(3, run.Output.Count);
        var line = Assert.Single(run.Verbose, v => v.Message.StartsWith("Local: up to", StringComparison.Ordinal)).Message;
        Assert.Equal($"Local: up to {Environment.ProcessorCount} photos at a time (-ThrottleLimit 64 is more than it can use here); each photo read once, no time limit.", line);
        Assert.DoesNotContain(run.Verbose, v => v.Message.Contains("retrying", StringComparison.Ordinal));
    }

    [Fact]
    public void TimeoutSecBoundsEachPhotoOnlyWhenGiven()
    {
        var run = HostedPowerShell.Run($"Invoke-BankcardRecognition -LiteralPath '{Card()}' -TimeoutSec 45 -Verbose");

        Assert.Empty(run.Errors);
        Assert.Contains(run.Verbose, v => v.Message.EndsWith("; each photo read once, at most 45 s per photo.", StringComparison.Ordinal));
    }

    [Fact]
    public void TiffIsRefusedBeforeDecodingWithTheFormatsLocalReads()
    {
        var path = Path.Combine(_folder, "scan.tif");
        File.WriteAllBytes(path, TestImages.Tiff());

        var run = HostedPowerShell.Run($"Invoke-BankcardRecognition -LiteralPath '{path}'");

        var error = Assert.Single(run.Errors);
        Assert.StartsWith("UnsupportedImageFormat,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("JPEG, PNG, BMP, GIF", error.Exception.Message, StringComparison.Ordinal);
    }

    private string Card(string name = "card.jpg", int index = 51)
    {
        var path = Path.Combine(_folder, name);
        if (!File.Exists(path))
        {
            File.WriteAllBytes(path, TestCards.Card("4111111111111111", null, "10/30", index));
        }

        return path;
    }
}
