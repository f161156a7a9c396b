using System.Collections.Concurrent;

namespace Corps.Emulator.Control;

/// <summary>Per-endpoint call counts, read and reset through the control API.</summary>
public sealed class CallStatistics
{
    private readonly ConcurrentDictionary<string, EndpointCounters> _counters = new(StringComparer.Ordinal);

    /// <summary>Counters per endpoint name (<c>METHOD /open-apis/…</c> route pattern).</summary>
    public IReadOnlyDictionary<string, EndpointCounters> Endpoints => _counters;

    /// <summary>Counters of one endpoint (created on first use).</summary>
    public EndpointCounters For(string endpoint) => _counters.GetOrAdd(endpoint, static _ => new EndpointCounters());

    /// <summary>Calls to one endpoint so far.</summary>
    public long Calls(string endpoint) => _counters.TryGetValue(endpoint, out var c) ? c.Calls : 0;

    /// <summary>Sum of calls over all endpoints.</summary>
    public long TotalCalls => _counters.Values.Sum(c => c.Calls);

    /// <summary>Forgets every count.</summary>
    public void Reset() => _counters.Clear();
}
