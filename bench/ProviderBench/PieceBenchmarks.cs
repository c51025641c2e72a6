using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BankcardOcr.Cloud.Http;
using BankcardOcr.Providers.Tencent;
using BenchmarkDotNet.Attributes;

namespace ProviderBench;

/// <summary>
/// The pieces of one API 3.0 call, measured alone on the same CPU clock, to see where
/// <see cref="RequestBenchmarks"/> spends what it spends beyond the Base64 encode.
/// </summary>
[MemoryDiagnoser]
public class PieceBenchmarks
{
    private static readonly byte[] Answer = Encoding.UTF8.GetBytes(
        "{\"Response\":{\"CardNo\":\"6225768888888888\",\"BankInfo\":\"招商银行(03080000)\",\"ValidDate\":\"07/2030\","
        + "\"CardType\":\"借记卡\",\"CardName\":\"一卡通\",\"WarningCode\":[],\"QualityValue\":100,"
        + "\"RequestId\":\"0f0e0d0c-0b0a-0908-0706-050403020100\"}}");

    private EmulatorHost? _emulator;
    private byte[] _image = [];
    private byte[] _payload = [];
    private byte[] _encoded = [];
    private string _secretId = string.Empty;
    private byte[] _secretKey = [];
    private Uri _address = new("http://127.0.0.1/");

    [Params(1024 * 1024)]
    public int ImageBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _image = TestImages.PngOfSize(ImageBytes);
        _payload = JsonBodyViaMemoryStream();
        _encoded = new byte[Base64.GetMaxEncodedToUtf8Length(_image.Length)];
        _emulator = EmulatorHost.StartAsync().GetAwaiter().GetResult();
        _secretId = _emulator.Options.TencentSecretId;
        _secretKey = Encoding.UTF8.GetBytes(_emulator.Options.TencentSecretKey);
        _address = _emulator.BaseAddress;
    }

    [GlobalCleanup]
    public void Cleanup() => _emulator?.Dispose();

    /// <summary>The yardstick of issue 4.</summary>
    [Benchmark(Baseline = true)]
    public string Base64String() => Convert.ToBase64String(_image);

    /// <summary>The least a JSON body needs: Base64 straight into UTF-8 bytes, no allocation.</summary>
    [Benchmark]
    public int Base64Utf8()
    {
        Base64.EncodeToUtf8(_image, _encoded, out _, out var written);
        return written;
    }

    /// <summary>TencentProvider.BuildPayload as first written: Utf8JsonWriter over a MemoryStream, then ToArray.</summary>
    [Benchmark]
    public byte[] JsonBodyViaMemoryStream()
    {
        using var buffer = new MemoryStream(((_image.Length + 2) / 3 * 4) + 512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteBase64String("ImageBase64", _image);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>SHA-256 of the body: TC3 signs the payload's hash, so this is owed by every client.</summary>
    [Benchmark]
    public byte[] PayloadSha256() => SHA256.HashData(_payload);

    /// <summary>The whole TC3 signature over a ready body.</summary>
    [Benchmark]
    public Tc3Signature Sign() =>
        Tc3Signer.Sign(new Tc3SigningRequest("BankCardOCR", _payload, DateTimeOffset.UtcNow) { HostName = EndpointAddress.HostHeader(_address) }, _secretId, _secretKey);

    /// <summary>Sending a ready, signed body and reading the answer through the shared HttpClient.</summary>
    [Benchmark]
    public async Task<int> Send()
    {
        var signature = Sign();
        using var message = new HttpRequestMessage(HttpMethod.Post, _address) { Content = new ByteArrayContent(_payload) };
        foreach (var header in signature.Headers)
        {
            if (header.Key == "Content-Type")
            {
                message.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            else if (header.Key != "Host")
            {
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        var response = await ProviderHttp.SendAsync(message, "Tencent", CancellationToken.None);
        return response.Body.Length;
    }

    /// <summary>Reading a typical success answer.</summary>
    [Benchmark]
    public string ParseAnswer()
    {
        using var document = JsonDocument.Parse(Answer);
        return document.RootElement.GetProperty("Response").GetProperty("CardNo").GetString()!;
    }
}
