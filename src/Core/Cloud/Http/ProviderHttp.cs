using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;

namespace BankcardOcr.Cloud.Http
{
    /// <summary>An answer read whole: status, the headers providers need, and the body bytes.</summary>
    public sealed class ProviderResponse
    {
        internal ProviderResponse(int statusCode, HttpResponseMessage message, byte[] body)
        {
            StatusCode = statusCode;
            Headers = message.Headers;
            ContentHeaders = message.Content?.Headers;
            Body = body;
        }

        /// <summary>The HTTP status code.</summary>
        public int StatusCode { get; }

        /// <summary>Response headers (request ids, Retry-After, X-Subject-Token).</summary>
        public System.Net.Http.Headers.HttpResponseHeaders Headers { get; }

        /// <summary>Content headers, when there was content.</summary>
        public System.Net.Http.Headers.HttpContentHeaders? ContentHeaders { get; }

        /// <summary>The body bytes.</summary>
        public byte[] Body { get; }

        /// <summary>The first value of a header, or null.</summary>
        /// <param name="name">The header name.</param>
        public string? Header(string name)
        {
            if (Headers.TryGetValues(name, out var values))
            {
                foreach (var value in values)
                {
                    return value;
                }
            }

            return null;
        }

        /// <summary>
        /// The error for an answer that is not the provider's documented envelope, such as a gateway's HTML page
        /// or an empty body: a 429 is a rate limit; a 5xx is the server's failure (ProviderError, retried), even
        /// with no body at all; a 404 almost always means the address is wrong, so it says to check -Endpoint;
        /// anything else is an invalid response.
        /// </summary>
        /// <param name="provider">The provider's name, for the message and the error.</param>
        /// <param name="what">What is wrong with the body, e.g. <c>is not JSON</c>.</param>
        /// <param name="requestId">The request id, when the headers carry one.</param>
        public BankcardOcrException NotTheEnvelope(string provider, string what, string? requestId = null)
        {
            var body = Body.Length == 0 ? "an empty body" : "a body that " + what;
            var (kind, message) = StatusCode switch
            {
                429 => (BankcardOcrErrorKind.RateLimited, $"{provider} refused the request as over its rate limit (HTTP 429)."),
                404 => (BankcardOcrErrorKind.InvalidResponse, $"{provider} answered HTTP 404 with {body}: no such API at this address. If you passed -Endpoint, check it: it takes the service's base address, without a path."),
                var s when s >= 500 => (BankcardOcrErrorKind.ProviderError, $"{provider} failed on the server side (HTTP {s}, {body})."),
                _ => (BankcardOcrErrorKind.InvalidResponse, $"{provider} answered HTTP {StatusCode} with {body}."),
            };
            return new BankcardOcrException(
                kind,
                message,
                provider,
                httpStatusCode: StatusCode,
                requestId: requestId,
                isRetryable: StatusCode == 429 || StatusCode >= 500)
            {
                RetryAfterSeconds = RetryAfterSeconds(),
            };
        }

        /// <summary>
        /// The error for a body that is not JSON (or not UTF-8) at all. Outside 2xx the status decides, as for
        /// <see cref="NotTheEnvelope"/>. At 2xx the services always answer JSON, so such a body was broken off or
        /// damaged on the way and is worth another try (issue 12's soak); a JSON body of the wrong shape is not.
        /// </summary>
        /// <param name="provider">The provider's name, for the message and the error.</param>
        /// <param name="requestId">The request id, when the headers carry one.</param>
        public BankcardOcrException NotJson(string provider, string? requestId = null)
        {
            if (StatusCode < 200 || StatusCode >= 300)
            {
                return NotTheEnvelope(provider, "is not JSON", requestId);
            }

            return new BankcardOcrException(
                BankcardOcrErrorKind.InvalidResponse,
                $"{provider} answered HTTP {StatusCode} with {(Body.Length == 0 ? "an empty body" : "a body that is not JSON (cut off or damaged on the way)")}.",
                provider,
                httpStatusCode: StatusCode,
                requestId: requestId,
                isRetryable: true);
        }

        /// <summary>Seconds to wait from a Retry-After header (delta-seconds or HTTP date), or null.</summary>
        public double? RetryAfterSeconds()
        {
            var retryAfter = Headers.RetryAfter;
            if (retryAfter?.Delta is TimeSpan delta)
            {
                return delta.TotalSeconds;
            }

            if (retryAfter?.Date is DateTimeOffset date)
            {
                return Math.Max(0, (date - DateTimeOffset.UtcNow).TotalSeconds);
            }

            return null;
        }
    }

    /// <summary>
    /// Sends provider requests over one <see cref="HttpClient"/> per endpoint, kept for the life of the module
    /// so connections are pooled and reused across cmdlet calls. Transport failures become
    /// <see cref="BankcardOcrException"/>s the retry stage understands.
    /// </summary>
    public static class ProviderHttp
    {
        /// <summary>
        /// The most body bytes read from any answer (1 MiB). A BankCardOCR answer with both card crops is a few
        /// hundred KB; anything longer, or an answer that never ends, is refused as InvalidResponse after reading
        /// this much, instead of being buffered whole.
        /// </summary>
        public const int MaxBodyBytes = 1024 * 1024;

        private static readonly ConcurrentDictionary<string, HttpClient> Clients = new ConcurrentDictionary<string, HttpClient>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The shared client for the scheme, host and port of <paramref name="endpoint"/>.</summary>
        /// <param name="endpoint">Any URL on the endpoint.</param>
        public static HttpClient ClientFor(Uri endpoint)
        {
            var key = endpoint.GetLeftPart(UriPartial.Authority);
            return Clients.GetOrAdd(key, _ => CreateClient());
        }

        /// <summary>Sends a request and reads the whole answer, whatever its status.</summary>
        /// <param name="request">The request; the caller owns and disposes it.</param>
        /// <param name="provider">The provider's name, for errors.</param>
        /// <param name="cancellationToken">The attempt's token (timeout or Ctrl+C).</param>
        public static async Task<ProviderResponse> SendAsync(HttpRequestMessage request, string provider, CancellationToken cancellationToken)
        {
            try
            {
                // Headers first, so the body can be read with a cap instead of buffered whole by HttpClient.
                using var response = await ClientFor(request.RequestUri!).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                var body = response.Content is null ? Array.Empty<byte>() : await ReadCappedAsync(response, provider, cancellationToken).ConfigureAwait(false);
                return new ProviderResponse((int)response.StatusCode, response, body);
            }
            catch (HttpRequestException e)
            {
                throw new BankcardOcrException(
                    BankcardOcrErrorKind.NetworkError,
                    $"{provider} at {request.RequestUri!.GetLeftPart(UriPartial.Authority)} could not be reached: {Innermost(e).Message}",
                    provider,
                    isRetryable: true,
                    innerException: e);
            }
            catch (System.IO.IOException e)
            {
                // Reading the body as a stream: a reset or a cut-off answer arrives here, not as HttpRequestException.
                throw new BankcardOcrException(
                    BankcardOcrErrorKind.NetworkError,
                    $"{provider} at {request.RequestUri!.GetLeftPart(UriPartial.Authority)} broke off its answer: {Innermost(e).Message}",
                    provider,
                    isRetryable: true,
                    innerException: e);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                // HttpClient's own timeout, not ours (ours is infinite) nor the caller's: treat as a timeout.
                throw new BankcardOcrException(BankcardOcrErrorKind.Timeout, $"{provider} did not answer in time.", provider, isRetryable: true, innerException: e);
            }
        }

        private static async Task<byte[]> ReadCappedAsync(HttpResponseMessage response, string provider, CancellationToken cancellationToken)
        {
            var declared = response.Content.Headers.ContentLength;
            if (declared > MaxBodyBytes)
            {
                throw TooLong(response, provider, $"declares a body of {declared:N0} bytes");
            }

            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            var buffer = new byte[declared is long known ? Math.Max(known, 1) : 16 * 1024];
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length > MaxBodyBytes)
                    {
                        throw TooLong(response, provider, $"sent more than {MaxBodyBytes:N0} bytes");
                    }

                    // One byte past the cap is enough to know the answer is too long.
                    Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, MaxBodyBytes + 1L));
                }

                var read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            if (length > MaxBodyBytes)
            {
                throw TooLong(response, provider, $"sent more than {MaxBodyBytes:N0} bytes");
            }

            if (length != buffer.Length)
            {
                Array.Resize(ref buffer, length);
            }

            return buffer;
        }

        private static BankcardOcrException TooLong(HttpResponseMessage response, string provider, string what) =>
            new BankcardOcrException(
                BankcardOcrErrorKind.InvalidResponse,
                $"{provider} answered HTTP {(int)response.StatusCode} with a body that {what}; answers are read up to {MaxBodyBytes:N0} bytes.",
                provider,
                httpStatusCode: (int)response.StatusCode);

        private static HttpClient CreateClient()
        {
            var handler = new HttpClientHandler
            {
                // .NET Framework allows 2 connections per server unless told otherwise; the throttle decides.
                MaxConnectionsPerServer = 256,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                UseCookies = false,
                AllowAutoRedirect = false,
            };
            if (ProtocolsFor(RuntimeInformation.FrameworkDescription) is SslProtocols protocols)
            {
                try
                {
                    handler.SslProtocols = protocols;
                }
                catch (PlatformNotSupportedException)
                {
                    // .NET Framework before 4.7.1; the manifest asks for 4.7.2, so this is a last resort only.
                }
            }

            return new HttpClient(handler, disposeHandler: true)
            {
                // Each attempt carries its own timeout through its cancellation token.
                Timeout = Timeout.InfiniteTimeSpan,
            };
        }

        /// <summary>
        /// The TLS versions to insist on, or null to leave the choice to the operating system. Windows PowerShell 5.1
        /// runs on .NET Framework, where HttpClient follows ServicePointManager.SecurityProtocol, and powershell.exe
        /// leaves that at SSL 3 / TLS 1.0, which the Tencent and Huawei endpoints refuse. On .NET (PowerShell 7) the
        /// system default already includes TLS 1.2 and 1.3, and pinning a version would only shut 1.3 out.
        /// </summary>
        /// <param name="frameworkDescription">RuntimeInformation.FrameworkDescription.</param>
        internal static SslProtocols? ProtocolsFor(string frameworkDescription) =>
            frameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase) ? SslProtocols.Tls12 : (SslProtocols?)null;

        private static Exception Innermost(Exception e)
        {
            while (e.InnerException != null)
            {
                e = e.InnerException;
            }

            return e;
        }
    }
}
