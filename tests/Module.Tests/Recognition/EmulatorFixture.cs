using System.Management.Automation;
using System.Net;
using BankcardOcr.Emulator;

namespace BankcardOcr.Module.Tests.Recognition;

/// <summary>One emulator process per test class (see <see cref="EmulatorHost"/>), with a scratch folder of images; hosted scripts get the keys and address as variables.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public EmulatorHost Emulator { get; private set; } = null!;

    public string Folder { get; } = Directory.CreateTempSubdirectory("bankcardocr-tests-").FullName;

    public async Task InitializeAsync() => Emulator = await EmulatorHost.StartAsync();

    public async Task DisposeAsync()
    {
        await Emulator.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>Writes an image into the scratch folder and returns its full path.</summary>
    public string WriteImage(string name, byte[] bytes)
    {
        var path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Clears faults and statistics between tests that share the emulator.</summary>
    public void Reset()
    {
        Emulator.Stats.Reset();
        Emulator.Latency = TimeSpan.Zero;
        Emulator.RateLimitPerSecond = null;
        Emulator.RandomFaults = null;
    }

    /// <summary>
    /// Variables for hosted scripts: $Cred (Tencent keys), $Endpoint, $AppId, $Folder, and for Huawei $HwKeys
    /// (AK/SK), $HwUser (IAM user and password), $HwDomain (account name), $HwProjectId.
    /// </summary>
    public Dictionary<string, object?> Variables(string? secretKey = null) => VariablesFor(Emulator, Folder, secretKey);

    /// <summary>The same variables for any emulator, e.g. a fresh one whose IAM counters start at zero.</summary>
    public static Dictionary<string, object?> VariablesFor(EmulatorHost emulator, string folder, string? secretKey = null)
    {
        var options = emulator.Options;
        return new Dictionary<string, object?>
        {
            ["Cred"] = new PSCredential(options.TencentSecretId, new NetworkCredential(string.Empty, secretKey ?? options.TencentSecretKey).SecurePassword),
            ["Endpoint"] = emulator.BaseAddress.AbsoluteUri,
            ["AppId"] = options.TencentAppId,
            ["Folder"] = folder,
            ["HwKeys"] = new PSCredential(options.HuaweiAccessKey, new NetworkCredential(string.Empty, options.HuaweiSecretKey).SecurePassword),
            ["HwUser"] = new PSCredential(options.HuaweiUserName, new NetworkCredential(string.Empty, options.HuaweiPassword).SecurePassword),
            ["HwDomain"] = options.HuaweiDomainName,
            ["HwProjectId"] = options.HuaweiProjectId,
        };
    }

    /// <summary>Every secret the emulator knows, for leak checks.</summary>
    public IEnumerable<string> Secrets()
    {
        yield return Emulator.Options.TencentSecretKey;
        yield return Emulator.Options.HuaweiSecretKey;
        yield return Emulator.Options.HuaweiPassword;
    }
}
