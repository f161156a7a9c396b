namespace Corps.Host.Demo;

/// <summary>Open API calls the emulator received.</summary>
/// <param name="Total">All calls, retries and throttled ones included.</param>
/// <param name="Throttled">Calls answered 429 (rate limited).</param>
/// <param name="ByEndpoint">Calls per endpoint (<c>METHOD /open-apis/…</c> route pattern).</param>
public sealed record ApiCallCount(long Total, long Throttled, IReadOnlyDictionary<string, long> ByEndpoint);
