namespace Corps.Emulator.Control;

/// <summary>Counts for one endpoint.</summary>
public sealed class EndpointCounters
{
    internal long CallsField;
    internal long ThrottledField;
    internal long FaultedField;
    internal long ErrorsField;

    /// <summary>Requests received.</summary>
    public long Calls => Interlocked.Read(ref CallsField);

    /// <summary>Requests answered 429 (rate limiter or storm fault).</summary>
    public long Throttled => Interlocked.Read(ref ThrottledField);

    /// <summary>Requests that got an injected fault (5xx, drop, slow, malformed, rejected page token).</summary>
    public long Faulted => Interlocked.Read(ref FaultedField);

    /// <summary>Requests answered with any non-zero code.</summary>
    public long Errors => Interlocked.Read(ref ErrorsField);
}
