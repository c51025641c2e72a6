using System.Diagnostics;
using System.Text.Json;
using BankcardOcr.Emulator;

namespace BankcardOcr.Module.Tests.Emulator;

public class EmulatorPipelineTests
{
    private static HttpRequestMessage HuaweiRequest(CloudEmulator emulator) =>
        TestSigners.HuaweiAkSk(emulator, HttpMethod.Post, TestSigners.HuaweiOcrPath(emulator),
            JsonSerializer.Serialize(new { image = Convert.ToBase64String(TestImages.Png()) }));

    private static HttpRequestMessage TencentRequest(CloudEmulator emulator) =>
        TestSigners.Tc3(emulator, JsonSerializer.Serialize(new { ImageBase64 = Convert.ToBase64String(TestImages.Png()) }));

    private static HttpRequestMessage LegacyRequest(CloudEmulator emulator)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return TestSigners.LegacyJson(emulator,
            JsonSerializer.Serialize(new { appid = emulator.Options.TencentAppId, image = Convert.ToBase64String(TestImages.Png()) }),
            TestSigners.LegacySignature(emulator.Options, now, now + 600));
    }

    [Fact]
    public async Task HealthAnswersOk()
    {
        await using var emulator = await CloudEmulator.StartAsync();
        var (status, body, _) = await EmulatorHttp.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.BaseAddress, "_emulator/health")));
        Assert.Equal((200, "ok"), (status, body.Str("status")));
        Assert.Equal("127.0.0.1", emulator.BaseAddress.Host);
    }

    [Fact]
    public async Task RateWindowAnswersEachVendorsRateLimit()
    {
        await using var emulator = await CloudEmulator.StartAsync();
        emulator.RateLimitPerSecond = 2;

        var (_, first, _) = await EmulatorHttp.SendAsync(LegacyRequest(emulator));
        var (_, second, _) = await EmulatorHttp.SendAsync(TencentRequest(emulator));
        var (_, legacy, _) = await EmulatorHttp.SendAsync(LegacyRequest(emulator));
        var (_, tencent, _) = await EmulatorHttp.SendAsync(TencentRequest(emulator));
        var (huaweiStatus, huawei, _) = await EmulatorHttp.SendAsync(HuaweiRequest(emulator));

        Assert.Equal("0", first.Str("code"));
        Assert.False(second.GetProperty("Response").TryGetProperty("Error", out _));
        Assert.Equal("15", legacy.Str("code"));
        Assert.Equal("RequestLimitExceeded", tencent.Str("Response", "Error", "Code"));
        Assert.Equal((429, "APIG.0308"), (huaweiStatus, huawei.Str("error_code")));
        Assert.Equal(3, emulator.Stats.RateLimited);
    }

    [Fact]
    public async Task EnqueuedFaultsAreServedInOrderThenRequestsSucceed()
    {
        await using var emulator = await CloudEmulator.StartAsync();
        emulator.EnqueueFault(EmulatedApi.HuaweiOcr, EmulatedFault.VendorError("AIS.0103"));
        emulator.EnqueueFault(EmulatedApi.HuaweiOcr, EmulatedFault.TooManyRequests(TimeSpan.FromSeconds(2)));
        emulator.EnqueueFault(EmulatedApi.HuaweiOcr, EmulatedFault.ServerError(502));
        emulator.EnqueueFault(EmulatedApi.HuaweiOcr, EmulatedFault.VendorError("APIG.0308"));

        var (s1, b1, _) = await EmulatorHttp.SendAsync(HuaweiRequest(emulator));
        var (s2, _, r2) = await EmulatorHttp.SendAsync(HuaweiRequest(emulator));
        var r3 = await EmulatorHttp.Client.SendAsync(HuaweiRequest(emulator));
        var (s4, _, _) = await EmulatorHttp.SendAsync(HuaweiRequest(emulator));
        var (s5, _, _) = await EmulatorHttp.SendAsync(HuaweiRequest(emulator));

        Assert.Equal((400, "AIS.0103"), (s1, b1.Str("error_code")));
        Assert.Equal(429, s2);
        Assert.Equal(TimeSpan.FromSeconds(2), r2.Headers.RetryAfter!.Delta);
        Assert.Equal(502, (int)r3.StatusCode);
        Assert.Equal("text/html", r3.Content.Headers.ContentType!.MediaType);
        Assert.Equal(429, s4);
        Assert.Equal(200, s5);
        Assert.Equal(4, emulator.Stats.FaultsInjected);
        Assert.Equal(1, emulator.Stats.ErrorCount("HTTP502"));
    }

    [Fact]
    public async Task FaultsOnlyHitTheApiTheyWereQueuedFor()
    {
        await using var emulator = await CloudEmulator.StartAsync();
        emulator.EnqueueFault(EmulatedApi.Tencent, EmulatedFault.VendorError("InternalError"));
        var (_, legacy, _) = await EmulatorHttp.SendAsync(LegacyRequest(emulator));
        var (_, tencent, _) = await EmulatorHttp.SendAsync(TencentRequest(emulator));
        Assert.Equal("0", legacy.Str("code"));
        Assert.Equal("InternalError", tencent.Str("Response", "Error", "Code"));
    }

    [Fact]
    public async Task ConnectionAbortDropsTheConnection()
    {
        await using var emulator = await CloudEmulator.StartAsync();
        emulator.EnqueueFault(EmulatedApi.TencentLegacy, EmulatedFault.ConnectionAbort());
        await Assert.ThrowsAsync<HttpRequestException>(() => EmulatorHttp.Client.SendAsync(LegacyRequest(emulator)));
        Assert.Equal(1, emulator.Stats.ErrorCount("Abort"));
    }

    [Fact]
    public async Task MalformedJsonFaultIsA200WithTruncatedJson()
    {
        await using var emulator = await CloudEmulator.StartAsync();
        emulator.EnqueueFault(EmulatedApi.Tencent, EmulatedFault.MalformedJson());
        var response = await EmulatorHttp.Client.SendAsync(TencentRequest(emulator));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(200, (int)response.StatusCode);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task SlowBodySendsTheHeadersAtOnceAndTheWholeAnswerOverTheDuration()
    {
        await using var emulator = await CloudEmulator.StartAsync();
        emulator.EnqueueFault(EmulatedApi.Tencent, EmulatedFault.SlowBody(TimeSpan.FromMilliseconds(600)));

        var watch = Stopwatch.StartNew();
        using var response = await EmulatorHttp.Client.SendAsync(TencentRequest(emulator), HttpCompletionOption.ResponseHeadersRead);
        var headers = watch.Elapsed;
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(headers < TimeSpan.FromMilliseconds(300), $"headers after {headers}");
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(550), $"body after {watch.Elapsed}");
        Assert.Equal(emulator.Options.DefaultCard!.CardNumber, JsonDocument.Parse(text).RootElement.Str("Response", "CardNo"));
    }

    [Fact]
    public async Task SlowBodyOutlastsAClientTimeout()
    {
        await using var emulator = await CloudEmulator.StartAsync();
        emulator.EnqueueFault(EmulatedApi.Tencent, EmulatedFault.SlowBody(TimeSpan.FromSeconds(5)));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        using var response = await EmulatorHttp.Client.SendAsync(TencentRequest(emulator), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => response.Content.ReadAsStringAsync(timeout.Token));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CutBodyAndResetAfterHeadersBreakOffAfterA200(bool cut)
    {
        await using var emulator = await CloudEmulator.StartAsync();
        emulator.EnqueueFault(EmulatedApi.HuaweiOcr, cut ? EmulatedFault.CutBody() : EmulatedFault.ResetAfterHeaders());

        using var response = await EmulatorHttp.Client.SendAsync(HuaweiRequest(emulator), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(200, (int)response.StatusCode);
        var declared = response.Content.Headers.ContentLength;
        Assert.True(declared > 0);
        // Read as a stream, as the client does: the break shows as an IOException, not a complete short body.
        await using var body = await response.Content.ReadAsStreamAsync();
        await Assert.ThrowsAnyAsync<IOException>(() => body.CopyToAsync(Stream.Null));
        Assert.Equal(1, emulator.Stats.ErrorCount(cut ? "CutBody" : "ResetAfterHeaders"));
    }

    [Fact]
    public async Task TooManyRequestsWithoutRetryAfterSendsNoHeader()
    {
        await using var emulator = await CloudEmulator.StartAsync();
        emulator.EnqueueFault(EmulatedApi.HuaweiOcr, EmulatedFault.TooManyRequestsWithoutRetryAfter());

        var (status, _, response) = await EmulatorHttp.SendAsync(HuaweiRequest(emulator));

        Assert.Equal(429, status);
        Assert.Null(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task ImageFaultsHitOnlyTheirImageWhateverTheApi()
    {
        await using var emulator = await CloudEmulator.StartAsync();
        emulator.EnqueueImageFault(TestImages.Png(), EmulatedFault.VendorError("AuthFailure.SignatureExpire"), times: 2);

        var (_, first, _) = await EmulatorHttp.SendAsync(TencentRequest(emulator));
        var other = TestSigners.Tc3(emulator, JsonSerializer.Serialize(new { ImageBase64 = Convert.ToBase64String(TestImages.Png(width: 900)) }));
        var (_, unaffected, _) = await EmulatorHttp.SendAsync(other);
        var (_, second, _) = await EmulatorHttp.SendAsync(TencentRequest(emulator));
        var (_, third, _) = await EmulatorHttp.SendAsync(TencentRequest(emulator));

        Assert.Equal("AuthFailure.SignatureExpire", first.Str("Response", "Error", "Code"));
        Assert.False(unaffected.GetProperty("Response").TryGetProperty("Error", out _));
        Assert.Equal("AuthFailure.SignatureExpire", second.Str("Response", "Error", "Code"));
        Assert.False(third.GetProperty("Response").TryGetProperty("Error", out _));
    }

    [Fact]
    public async Task IamFaultsUseTheIamEnvelope()
    {
        await using var emulator = await CloudEmulator.StartAsync();
        emulator.EnqueueFault(EmulatedApi.HuaweiIam, EmulatedFault.VendorError("IAM.0012"));
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseAddress, "v3/auth/tokens"))
        {
            Content = new StringContent(TestSigners.IamPasswordBody(emulator.Options), System.Text.Encoding.UTF8, "application/json"),
        };
        var (status, body, _) = await EmulatorHttp.SendAsync(request);
        Assert.Equal((429, "IAM.0012"), (status, body.Str("error_code")));
    }

    [Fact]
    public async Task LatencyAndExtraLatencyDelayTheAnswer()
    {
        await using var emulator = await CloudEmulator.StartAsync();
        emulator.Latency = TimeSpan.FromMilliseconds(150);
        emulator.EnqueueFault(EmulatedApi.Tencent, EmulatedFault.ExtraLatency(TimeSpan.FromMilliseconds(150)));

        var watch = Stopwatch.StartNew();
        var (_, body, _) = await EmulatorHttp.SendAsync(TencentRequest(emulator));

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(290), $"answered after {watch.Elapsed}");
        Assert.Equal(emulator.Options.DefaultCard!.CardNumber, body.Str("Response", "CardNo"));
    }

    [Fact]
    public async Task ConcurrentRequestsRaiseTheHighWaterMark()
    {
        await using var emulator = await CloudEmulator.StartAsync();
        emulator.Latency = TimeSpan.FromMilliseconds(300);

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => EmulatorHttp.SendAsync(HuaweiRequest(emulator))));

        Assert.Equal(5, emulator.Stats.MaxConcurrent);
        Assert.Equal(0, emulator.Stats.InFlight);
        Assert.Equal(5, emulator.Stats.Successes(EmulatedApi.HuaweiOcr));
    }

    [Fact]
    public async Task SeededRandomFaultsRepeatForTheSameSeed()
    {
        async Task<int[]> RunAsync()
        {
            await using var emulator = await CloudEmulator.StartAsync();
            emulator.RandomFaults = new FaultPlan { Seed = 42, VendorRateLimit = 0.3, ServerError = 0.2 };
            var statuses = new List<int>();
            for (var i = 0; i < 20; i++)
            {
                statuses.Add((int)(await EmulatorHttp.Client.SendAsync(HuaweiRequest(emulator))).StatusCode);
            }
            return [.. statuses];
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(first, second);
        Assert.Contains(429, first);
        Assert.Contains(503, first);
        Assert.Contains(200, first);
    }
}
