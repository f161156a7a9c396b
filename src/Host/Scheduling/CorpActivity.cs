namespace Corps.Host.Scheduling;

/// <summary>What a running service is doing, or last did, for one corp (in memory; the store keeps the history).</summary>
public sealed record CorpActivity
{
    /// <summary>The trigger of the sync running now (<c>schedule</c>, <c>start</c>, <c>event</c>); null when idle.</summary>
    public string? RunningTrigger { get; init; }

    /// <summary>When the running sync started.</summary>
    public DateTimeOffset? RunningSince { get; init; }

    /// <summary>When the last sync that brought the pool up to date (applied or unchanged) started.</summary>
    public DateTimeOffset? LastCompleteSyncStartedAt { get; init; }

    /// <summary>The last sync failure in this process (cleared by the next successful run).</summary>
    public string? LastError { get; init; }
}
