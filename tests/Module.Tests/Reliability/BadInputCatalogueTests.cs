using System.Buffers.Binary;
using System.Management.Automation;
using System.Text;
using BankcardOcr.Emulator;
using BankcardOcr.Module.Tests.Recognition;

namespace BankcardOcr.Module.Tests.Reliability;

/// <summary>
/// The catalogue of bad inputs (issue 12), each through Invoke-BankcardRecognition against the emulator beside a
/// good image: the bad one yields its documented error id and category, the good one its result, and a bad image
/// never costs a request. docs/reliability.md lists the same cases.
/// </summary>
public class BadInputCatalogueTests : IClassFixture<EmulatorFixture>
{
    private const string Tencent = "-Provider Tencent -Credential $Cred -Endpoint $Endpoint -MaxRequestsPerSecond 0";
    private const string Huawei = "-Provider Huawei -Credential $HwKeys -Endpoint $Endpoint -IamEndpoint $Endpoint -ProjectId $HwProjectId -MaxRequestsPerSecond 0";
    private readonly EmulatorFixture _fixture;

    public BadInputCatalogueTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
        fixture.Reset();
    }

    public static TheoryData<string, string, string, ErrorCategory> BadFiles() => new()
    {
        { "missing", Tencent, "ImageNotFound", ErrorCategory.ObjectNotFound },
        { "folder", Tencent, "ImageNotFound", ErrorCategory.ObjectNotFound },
        { "empty", Tencent, "UnsupportedImageFormat", ErrorCategory.InvalidData },
        { "one-byte", Tencent, "UnsupportedImageFormat", ErrorCategory.InvalidData },
        { "gif", Tencent, "UnsupportedImageFormat", ErrorCategory.InvalidData },
        { "text-as-jpg", Tencent, "UnsupportedImageFormat", ErrorCategory.InvalidData },
        { "zero-png", Tencent, "UnsupportedImageFormat", ErrorCategory.InvalidData },
        { "zero-png", Huawei, "UnsupportedImageFormat", ErrorCategory.InvalidData },
        { "jpeg-without-frame", Tencent, "UnsupportedImageFormat", ErrorCategory.InvalidData },
        { "jpeg-without-frame", Huawei, "UnsupportedImageFormat", ErrorCategory.InvalidData },
        { "bomb-png", Tencent, "ImageTooLarge", ErrorCategory.LimitsExceeded },
        { "bomb-png", Huawei, "ImageTooLarge", ErrorCategory.LimitsExceeded },
        { "ten-px", Huawei, "ImageTooSmall", ErrorCategory.InvalidData },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void ABadFileYieldsItsErrorAndTheBatchGoesOn(string kind, string provider, string errorId, ErrorCategory category)
    {
        var folder = Path.Combine(_fixture.Folder, $"{kind}-{provider.Length}");
        Directory.CreateDirectory(folder);
        var bad = Path.Combine(folder, kind == "text-as-jpg" ? "card.jpg" : kind + ".img");
        WriteBad(kind, bad);
        var good = _fixture.WriteImage(Path.Combine(folder, "good.png"), TestImages.Png(tag: "good-" + kind + provider.Length));

        var run = Run($"Invoke-BankcardRecognition -LiteralPath '{bad}', '{good}' {provider}");

        var error = Assert.Single(run.Errors);
        Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(category, error.CategoryInfo.Category);
        Assert.Contains(bad, error.TargetObject?.ToString() ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(good, Assert.Single(run.Output).Properties["Source"].Value);
        Assert.Equal(1, _fixture.Emulator.Stats.TotalRequests - IamRequests());
    }

    [Fact]
    public void ATruncatedImageFoundWhenShrinkingItIsUnsupportedAndNotSent()
    {
        // Over TencentLegacy's 1 MB even cut in half, so it is decoded to be shrunk; its pixel rows stop half way.
        var bmp = TestImages.ScanBmp(1000, 800, seed: 9000);
        var bad = _fixture.WriteImage("truncated.bmp", bmp.AsSpan(0, bmp.Length / 2).ToArray());
        var good = _fixture.WriteImage("truncated-good.png", TestImages.Png(tag: "truncated-good"));

        var run = Run($"Invoke-BankcardRecognition -LiteralPath '{bad}', '{good}' -Provider TencentLegacy -Credential $Cred -AppId $AppId -Endpoint $Endpoint -MaxRequestsPerSecond 0");

        var error = Assert.Single(run.Errors);
        Assert.StartsWith("UnsupportedImageFormat,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Single(run.Output);
        Assert.Equal(1, _fixture.Emulator.Stats.Requests(EmulatedApi.TencentLegacy));
    }

    [Fact]
    public void ANineThousandPixelImageIsShrunkForHuaweiAndRecognised()
    {
        var path = _fixture.WriteImage("wide.bmp", TestImages.ScanBmp(9000, 400, seed: 9000));

        var run = Run($"Invoke-BankcardRecognition -LiteralPath '{path}' {Huawei} -Verbose");

        Assert.Empty(run.Errors);
        Assert.Single(run.Output);
        Assert.Contains(run.Verbose, v => v.Message.Contains("re-encoded", StringComparison.Ordinal) && v.Message.Contains("9000x400", StringComparison.Ordinal));
    }

    [Fact]
    public void ATwelveMegabyteImageIsShrunkForTencentAndRecognised()
    {
        var bmp = TestImages.ScanBmp(2000, 2000, seed: 9000);
        Assert.True(bmp.Length > 12_000_000);
        var path = _fixture.WriteImage("twelve.bmp", bmp);

        var run = Run($"Invoke-BankcardRecognition -LiteralPath '{path}' {Tencent} -Verbose");

        Assert.Empty(run.Errors);
        Assert.Single(run.Output);
        Assert.Contains(run.Verbose, v => v.Message.Contains("re-encoded", StringComparison.Ordinal));
    }

    [Fact]
    public void AFileThatCannotBeReadIsImageNotFoundAndTheBatchGoesOn()
    {
        // chmod 000 does not stop root, and these tests run as root in CI: there, a sysctl file that is
        // write-only even for root (mode 0200, checked by procfs itself) is the unreadable file.
        string unreadable;
        if (IsRoot())
        {
            unreadable = "/proc/sys/vm/compact_memory";
            Assert.True(File.Exists(unreadable), "this Linux has no /proc/sys/vm/compact_memory to stand for an unreadable file");
        }
        else
        {
            unreadable = _fixture.WriteImage("no-read.png", TestImages.Png(tag: "no-read"));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(unreadable, UnixFileMode.None);
            }
        }

        var good = _fixture.WriteImage("no-read-good.png", TestImages.Png(tag: "no-read-good"));

        var run = Run($"Invoke-BankcardRecognition -LiteralPath '{unreadable}', '{good}' {Tencent}");

        var error = Assert.Single(run.Errors);
        Assert.StartsWith("ImageNotFound,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("cannot be read", error.Exception.Message, StringComparison.Ordinal);
        Assert.Single(run.Output);
    }

    [Fact]
    public void AFileDeletedBetweenListingAndReadingIsImageNotFoundAndTheBatchGoesOn()
    {
        var folder = Path.Combine(_fixture.Folder, "vanishing");
        Directory.CreateDirectory(folder);
        foreach (var name in new[] { "a.png", "b.png", "c.png" })
        {
            File.WriteAllBytes(Path.Combine(folder, name), TestImages.Png(tag: "vanishing-" + name));
        }

        // All three paths are listed first; b.png is deleted when a.png passes down the pipeline, before it is read.
        var run = Run($"$files = [IO.Directory]::GetFiles('{folder}'); [Array]::Sort($files); " +
            $"& {{ foreach ($f in $files) {{ if ($f.EndsWith('a.png')) {{ [IO.File]::Delete('{Path.Combine(folder, "b.png")}') }}; $f }} }} | Invoke-BankcardRecognition {Tencent} -Ordered");

        var error = Assert.Single(run.Errors);
        Assert.StartsWith("ImageNotFound,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("b.png", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(2, run.Output.Count);
    }

    [Fact]
    public void OddUriSchemesAreInvalidUriEachAndTheHttpOneIsRecognised()
    {
        var url = _fixture.Emulator.RegisterImageUrl("catalogue.png", TestImages.Png(tag: "catalogue-url")).AbsoluteUri;

        var run = Run($"Invoke-BankcardRecognition -Uri 'file:///etc/passwd', 'ftp://example.com/card.jpg', 'data:image/png;base64,iVBORw0KGgo=', 'not a url', '{url}' {Tencent}");

        Assert.Equal(4, run.Errors.Count);
        Assert.All(run.Errors, e =>
        {
            Assert.StartsWith("InvalidUri,", e.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
            Assert.Contains("http and https", e.Exception.Message, StringComparison.Ordinal);
        });
        Assert.Single(run.Output);
        Assert.Equal(1, _fixture.Emulator.Stats.TotalRequests);
    }

    [Fact]
    public void PlainHttpToANonLoopbackEndpointIsRefusedBeforeAnyRequest()
    {
        var path = _fixture.WriteImage("insecure.png", TestImages.Png(tag: "insecure"));

        var run = Run($"Invoke-BankcardRecognition -LiteralPath '{path}' -Provider Tencent -Credential $Cred -Endpoint 'http://example.com/'");

        Assert.StartsWith("InsecureEndpoint,", Assert.Single(run.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Empty(run.Output);
        Assert.Equal(0, _fixture.Emulator.Stats.TotalRequests);
    }

    [Fact]
    public void WrongKeysAreAuthenticationFailed()
    {
        var path = _fixture.WriteImage("wrong-keys.png", TestImages.Png(tag: "wrong-keys"));

        var run = HostedPowerShell.Run($"Invoke-BankcardRecognition -LiteralPath '{path}' {Tencent}", _fixture.Variables(secretKey: "not-the-key"));

        Assert.NotEmpty(run.Errors);
        Assert.All(run.Errors, e => Assert.StartsWith("AuthenticationFailed,", e.FullyQualifiedErrorId, StringComparison.Ordinal));
        Assert.Empty(run.Output);
    }

    [Fact]
    public void AnEmptySecretEndsTheCallBeforeAnyRequest()
    {
        var path = _fixture.WriteImage("empty-secret.png", TestImages.Png(tag: "empty-secret"));

        var run = Run($"$c = [pscredential]::new('AKIDx', [securestring]::new()); Invoke-BankcardRecognition -LiteralPath '{path}' -Provider Tencent -Credential $c -Endpoint $Endpoint");

        var error = Assert.Single(run.Errors);
        Assert.StartsWith("InvalidSecret,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Equal(0, _fixture.Emulator.Stats.TotalRequests);
    }

    [Fact]
    public void AnExpiredTokenIsRenewedAndTheImageRecognised()
    {
        _fixture.Emulator.EnqueueFault(EmulatedApi.HuaweiOcr, EmulatedFault.VendorError("APIG.0307"));
        var path = _fixture.WriteImage("expired-token.png", TestImages.Png(tag: "expired-token"));

        // An IAM user's password comes from a secret (a hashtable), so the module gets and renews the token itself.
        var run = Run(BankcardOcr.Module.Tests.Credentials.SecretManagementStandIn.Import +
            "Set-Secret -Name hw -Secret @{ Provider = 'Huawei'; UserName = $HwUser.UserName; Password = $HwUser.Password; DomainName = $HwDomain }\n" +
            $"Invoke-BankcardRecognition -LiteralPath '{path}' -SecretName hw -Endpoint $Endpoint -IamEndpoint $Endpoint -MaxRetries 0");

        Assert.Empty(run.Errors);
        Assert.Equal(2, (int)Assert.Single(run.Output).Properties["Attempts"].Value);
    }

    [Fact]
    public async Task AClockTenMinutesOffIsAuthenticationFailedNamingTheClockForTencent()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { ClockOffset = TimeSpan.FromMinutes(10) });
        var path = _fixture.WriteImage("clock-tencent.png", TestImages.Png(tag: "clock-tencent"));

        var run = HostedPowerShell.Run($"Invoke-BankcardRecognition -LiteralPath '{path}' {Tencent}", EmulatorFixture.VariablesFor(emulator, _fixture.Folder));

        var error = Assert.Single(run.Errors);
        Assert.StartsWith("AuthenticationFailed,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("clock", error.Exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AClockTenMinutesOffIsWithinHuaweisFifteenMinutes()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { ClockOffset = TimeSpan.FromMinutes(10) });
        var path = _fixture.WriteImage("clock-huawei.png", TestImages.Png(tag: "clock-huawei"));

        var run = HostedPowerShell.Run($"Invoke-BankcardRecognition -LiteralPath '{path}' {Huawei}", EmulatorFixture.VariablesFor(emulator, _fixture.Folder));

        Assert.Empty(run.Errors);
        Assert.Single(run.Output);
    }

    private HostedRun Run(string script) => HostedPowerShell.Run(script, _fixture.Variables());

    private long IamRequests() => _fixture.Emulator.Stats.Requests(EmulatedApi.HuaweiIam);

    private static bool IsRoot() => !OperatingSystem.IsWindows() && File.Exists("/proc/self/status")
        && File.ReadLines("/proc/self/status").Any(l => l.StartsWith("Uid:", StringComparison.Ordinal) && l.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1] == "0");

    private static void WriteBad(string kind, string path)
    {
        switch (kind)
        {
            case "missing": return;
            case "folder": Directory.CreateDirectory(path); return;
            case "empty": File.WriteAllBytes(path, []); return;
            case "one-byte": File.WriteAllBytes(path, [0xFF]); return;
            case "gif": File.WriteAllBytes(path, TestImages.Gif()); return;
            case "text-as-jpg": File.WriteAllText(path, "Meeting notes, not a photo of a card.", Encoding.UTF8); return;
            case "zero-png": File.WriteAllBytes(path, TestImages.Png(0, 0)); return;
            case "jpeg-without-frame": File.WriteAllBytes(path, [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]); return;
            case "bomb-png": File.WriteAllBytes(path, TestImages.Png(60000, 60000)); return;
            case "ten-px": File.WriteAllBytes(path, TestImages.Png(10, 10)); return;
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }
}
