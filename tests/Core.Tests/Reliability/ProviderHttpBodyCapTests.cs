using System.Net;
using System.Net.Sockets;
using System.Text;
using BankcardOcr.Cloud.Http;

namespace BankcardOcr.Core.Tests.Reliability;

/// <summary>The 1 MiB cap on answer bodies, against a raw socket server on 127.0.0.1 that misbehaves on purpose.</summary>
public class ProviderHttpBodyCapTests
{
    [Fact]
    public async Task AnEndlessAnswerIsInvalidResponseAfterTheCap()
    {
        await using var server = await RawServer.StartAsync(async stream =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"));
            var chunk = Encoding.ASCII.GetBytes(new string('9', 64 * 1024));
            while (true)
            {
                await stream.WriteAsync(chunk); // until the client hangs up
            }
        });

        var error = await Assert.ThrowsAsync<BankcardOcrException>(() => Send(server.Address));

        Assert.Equal(BankcardOcrErrorKind.InvalidResponse, error.Kind);
        Assert.False(error.IsRetryable);
        Assert.Contains("1,048,576", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeclaredLengthOverTheCapIsRefusedBeforeReading()
    {
        await using var server = await RawServer.StartAsync(async stream =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2097152\r\n\r\n{"));
            await stream.FlushAsync();
        });

        var error = await Assert.ThrowsAsync<BankcardOcrException>(() => Send(server.Address));

        Assert.Equal(BankcardOcrErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("2,097,152", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnswerOfExactlyTheCapIsRead()
    {
        await using var server = await RawServer.StartAsync(async stream =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {ProviderHttp.MaxBodyBytes}\r\nConnection: close\r\n\r\n"));
            await stream.WriteAsync(new byte[ProviderHttp.MaxBodyBytes]);
        });

        var response = await Send(server.Address);

        Assert.Equal(ProviderHttp.MaxBodyBytes, response.Body.Length);
    }

    [Fact]
    public async Task AnAnswerCutOffMidBodyIsARetryableNetworkError()
    {
        await using var server = await RawServer.StartAsync(async stream =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n{\"Response\":"));
        });

        var error = await Assert.ThrowsAsync<BankcardOcrException>(() => Send(server.Address));

        Assert.Equal(BankcardOcrErrorKind.NetworkError, error.Kind);
        Assert.True(error.IsRetryable);
    }

    private static async Task<ProviderResponse> Send(Uri address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, address) { Content = new StringContent("{}") };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await ProviderHttp.SendAsync(request, "Tencent", timeout.Token);
    }

    /// <summary>Accepts one connection, reads the request head, then lets the test write whatever it likes.</summary>
    private sealed class RawServer : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly Task _serving;

        private RawServer(TcpListener listener, Func<NetworkStream, Task> answer)
        {
            _listener = listener;
            _serving = ServeAsync(answer);
        }

        public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

        public static Task<RawServer> StartAsync(Func<NetworkStream, Task> answer)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return Task.FromResult(new RawServer(listener, answer));
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            try
            {
                await _serving;
            }
            catch (Exception e) when (e is IOException || e is SocketException || e is ObjectDisposedException)
            {
                // The client hung up on a server still writing: that is the point of some tests.
            }
        }

        private async Task ServeAsync(Func<NetworkStream, Task> answer)
        {
            using var client = await _listener.AcceptTcpClientAsync();
            using var stream = client.GetStream();
            var head = new List<byte>();
            var buffer = new byte[1];
            while (!EndsWithBlankLine(head) && await stream.ReadAsync(buffer) == 1)
            {
                head.Add(buffer[0]);
            }

            // Read the request body ("{}") too: closing a socket with unread input resets the connection.
            await stream.ReadExactlyAsync(new byte[2]);
            await answer(stream);
        }

        private static bool EndsWithBlankLine(List<byte> head) =>
            head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n';
    }
}
