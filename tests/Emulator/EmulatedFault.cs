namespace BankcardOcr.Emulator;

/// <summary>The kinds of failure the emulator can inject.</summary>
public enum EmulatedFaultKind
{
    /// <summary>The vendor's own error envelope with <see cref="EmulatedFault.Code"/>, at the vendor's HTTP status.</summary>
    VendorError,

    /// <summary>HTTP 429 with a <c>Retry-After</c> header and the vendor's rate-limit envelope.</summary>
    TooManyRequests,

    /// <summary>A bare gateway 5xx with a non-JSON body, as a load balancer in front of the service would send.</summary>
    ServerError,

    /// <summary>Extra delay, after which the request is served normally.</summary>
    ExtraLatency,

    /// <summary>The connection is dropped without a response (<c>HttpContext.Abort()</c>).</summary>
    ConnectionAbort,

    /// <summary>HTTP 200, <c>application/json</c>, and a body cut off half way.</summary>
    MalformedJson,

    /// <summary>
    /// The normal answer, its headers at once and its body a few bytes at a time spread over
    /// <see cref="EmulatedFault.Delay"/>: a client whose timeout covers only the headers waits the whole time.
    /// </summary>
    SlowBody,

    /// <summary>HTTP 200 declaring a body longer than what follows: half a JSON answer, then the connection closes.</summary>
    CutBody,

    /// <summary>HTTP 200 headers declaring a body, then the connection is reset before any of it.</summary>
    ResetAfterHeaders,
}

/// <summary>One injected failure; build it with the static factories.</summary>
public sealed record EmulatedFault
{
    /// <summary>What happens.</summary>
    public required EmulatedFaultKind Kind { get; init; }

    /// <summary>Vendor code for <see cref="EmulatedFaultKind.VendorError"/>: <c>15</c>, <c>RequestLimitExceeded</c>, <c>AIS.0105</c>, <c>IAM.0062</c>…</summary>
    public string? Code { get; init; }

    /// <summary>Message for the envelope; a stock message is used when null.</summary>
    public string? Message { get; init; }

    /// <summary>HTTP status; when null the vendor's usual status for the code (or 429 / 503) is used.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Delay for <see cref="EmulatedFaultKind.ExtraLatency"/>; the time the body takes for <see cref="EmulatedFaultKind.SlowBody"/>.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Value of <c>Retry-After</c> for <see cref="EmulatedFaultKind.TooManyRequests"/>; null sends none.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The vendor error <paramref name="code"/>, at the vendor's status unless <paramref name="statusCode"/> is given.</summary>
    public static EmulatedFault VendorError(string code, int? statusCode = null, string? message = null) =>
        new() { Kind = EmulatedFaultKind.VendorError, Code = code, StatusCode = statusCode, Message = message };

    /// <summary>HTTP 429 with <c>Retry-After</c> (whole seconds, rounded up).</summary>
    public static EmulatedFault TooManyRequests(TimeSpan? retryAfter = null) =>
        new() { Kind = EmulatedFaultKind.TooManyRequests, RetryAfter = retryAfter ?? TimeSpan.FromSeconds(1) };

    /// <summary>True for a 5xx with no body at all (as some load balancers send when no backend is up).</summary>
    public bool EmptyBody { get; init; }

    /// <summary>A gateway 5xx (default 503), with an HTML body or, when <paramref name="emptyBody"/>, none.</summary>
    public static EmulatedFault ServerError(int statusCode = 503, bool emptyBody = false) =>
        new() { Kind = EmulatedFaultKind.ServerError, StatusCode = statusCode, EmptyBody = emptyBody };

    /// <summary>Delay the answer by <paramref name="delay"/>, then serve the request.</summary>
    public static EmulatedFault ExtraLatency(TimeSpan delay) =>
        new() { Kind = EmulatedFaultKind.ExtraLatency, Delay = delay };

    /// <summary>Drop the connection.</summary>
    public static EmulatedFault ConnectionAbort() => new() { Kind = EmulatedFaultKind.ConnectionAbort };

    /// <summary>Answer 200 with truncated JSON.</summary>
    public static EmulatedFault MalformedJson() => new() { Kind = EmulatedFaultKind.MalformedJson };

    /// <summary>HTTP 429 with the vendor's rate-limit envelope and no <c>Retry-After</c>.</summary>
    public static EmulatedFault TooManyRequestsWithoutRetryAfter() => new() { Kind = EmulatedFaultKind.TooManyRequests };

    /// <summary>The normal answer with its body trickled out over <paramref name="duration"/>.</summary>
    public static EmulatedFault SlowBody(TimeSpan duration) => new() { Kind = EmulatedFaultKind.SlowBody, Delay = duration };

    /// <summary>A 200 whose body stops half way through the JSON, short of its Content-Length, and a closed connection.</summary>
    public static EmulatedFault CutBody() => new() { Kind = EmulatedFaultKind.CutBody };

    /// <summary>A 200's headers, then a reset connection.</summary>
    public static EmulatedFault ResetAfterHeaders() => new() { Kind = EmulatedFaultKind.ResetAfterHeaders };
}

/// <summary>
/// Seeded random faults for batch tests. Each OCR request draws once; the probabilities are checked in
/// the order of the properties and should add up to at most 1.
/// </summary>
public sealed record FaultPlan
{
    /// <summary>Seed of the generator, so that one plan over one request order always fails the same requests.</summary>
    public int Seed { get; init; }

    /// <summary>Probability of the vendor's own rate-limit answer (legacy 15, RequestLimitExceeded, APIG.0308).</summary>
    public double VendorRateLimit { get; init; }

    /// <summary>Probability of the vendor's transient server error (legacy -5208, InternalError, ModelArts.4402).</summary>
    public double VendorInternalError { get; init; }

    /// <summary>Probability of HTTP 429 with Retry-After.</summary>
    public double TooManyRequests { get; init; }

    /// <summary>Probability of a gateway 5xx, its status drawn from <see cref="ServerErrorStatuses"/>.</summary>
    public double ServerError { get; init; }

    /// <summary>The statuses <see cref="ServerError"/> draws from; 503 alone by default.</summary>
    public IReadOnlyList<int> ServerErrorStatuses { get; init; } = [503];

    /// <summary>
    /// Probability of the vendor's expired-credential answer (Tencent AuthFailure.SignatureExpire, TencentLegacy 9,
    /// Huawei APIG.0307), as when a signature or token outlives its window; APIs without one are not affected.
    /// </summary>
    public double ExpiredCredential { get; init; }

    /// <summary>Probability of a dropped connection.</summary>
    public double ConnectionAbort { get; init; }

    /// <summary>Probability of a truncated JSON body.</summary>
    public double MalformedJson { get; init; }

    /// <summary>Probability of <see cref="ExtraLatencyAmount"/> added before a normal answer.</summary>
    public double ExtraLatency { get; init; }

    /// <summary>Delay used by <see cref="ExtraLatency"/>.</summary>
    public TimeSpan ExtraLatencyAmount { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Retry-After sent with <see cref="TooManyRequests"/>.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    // Drawn after the ones above, so that a plan without them replays a seed as before they existed.

    /// <summary>Probability of the normal answer with its body trickled over <see cref="SlowBodyDuration"/>.</summary>
    public double SlowBody { get; init; }

    /// <summary>How long a <see cref="SlowBody"/> takes from the headers to its last byte.</summary>
    public TimeSpan SlowBodyDuration { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Probability of a 200 whose body stops half way through the JSON, short of its Content-Length.</summary>
    public double CutBody { get; init; }

    /// <summary>Probability of a 200's headers followed by a reset connection.</summary>
    public double ResetAfterHeaders { get; init; }

    /// <summary>Probability of HTTP 429 without Retry-After (the client's own backoff decides).</summary>
    public double TooManyRequestsWithoutRetryAfter { get; init; }
}
