using System.Text;
using BankcardOcr;
using BankcardOcr.Providers;
using BankcardOcr.Providers.Tencent;
using BankcardOcr.Providers.TencentLegacy;
using BankcardOcr.Calls;
using BenchmarkDotNet.Attributes;

namespace ProviderBench;

/// <summary>
/// One <c>RecognizeAsync</c> call (sign + encode + send + read + parse) against the emulator in a child process
/// with no latency, next to a bare <see cref="Convert.ToBase64String(byte[])"/> of the same bytes, which is
/// the least any client must spend to put the image into a Base64 JSON body. Measured on
/// <see cref="ProcessCpuClock"/>, so times are this process's CPU per call.
/// </summary>
[MemoryDiagnoser]
public class RequestBenchmarks
{
    private EmulatorHost? _emulator;
    private TencentProvider? _tencent;
    private TencentLegacyProvider? _legacy;
    private byte[] _image = [];
    private RecognitionInput? _input;

    /// <summary>100 KB (the SDK comparison) and 1 MB (the ratio to Base64; TencentLegacy's limit).</summary>
    [Params(100 * 1024, 1024 * 1024)]
    public int ImageBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _emulator = EmulatorHost.StartAsync().GetAwaiter().GetResult();
        var credentials = _emulator.Options;
        _image = TestImages.PngOfSize(ImageBytes);
        _input = RecognitionInput.FromBytes(_image, "card.png");
        _tencent = new TencentProvider(new TencentOptions
        {
            SecretId = credentials.TencentSecretId,
            SecretKey = Encoding.UTF8.GetBytes(credentials.TencentSecretKey),
            Endpoint = _emulator.BaseAddress,
        });
        _legacy = new TencentLegacyProvider(new TencentLegacyOptions
        {
            AppId = credentials.TencentAppId,
            SecretId = credentials.TencentSecretId,
            SecretKey = Encoding.UTF8.GetBytes(credentials.TencentSecretKey),
            Endpoint = _emulator.BaseAddress,
        });

        // A wrong key or a refused image would make every call a cheap error answer: check one of each first.
        Check(Tencent().GetAwaiter().GetResult());
        Check(TencentLegacy().GetAwaiter().GetResult());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _tencent?.Dispose();
        _legacy?.Dispose();
        _emulator?.Dispose();
    }

    [Benchmark(Baseline = true)]
    public string Base64() => Convert.ToBase64String(_image);

    [Benchmark]
    public Task<BankcardRecognitionResult> Tencent() =>
        _tencent!.RecognizeAsync(new ProviderRequest(_input!, _image, 0, new RecognitionLog()), CancellationToken.None);

    [Benchmark]
    public Task<BankcardRecognitionResult> TencentLegacy() =>
        _legacy!.RecognizeAsync(new ProviderRequest(_input!, _image, 0, new RecognitionLog()), CancellationToken.None);

    private static void Check(BankcardRecognitionResult result)
    {
        if (string.IsNullOrEmpty(result.CardNumber))
        {
            throw new InvalidOperationException("the emulator answered without a card number");
        }
    }
}
