namespace Corps.Host.Sync;

/// <summary>How long a sync waits for another process's run of the same corp, and when a lock counts as abandoned.</summary>
internal sealed record SyncLockOptions
{
    public static SyncLockOptions Default { get; } = new();

    /// <summary>How long to wait for another process's run before failing.</summary>
    public TimeSpan Wait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A lock whose heartbeat is older than this is taken over (its holder crashed or hangs).</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a holder refreshes its heartbeat.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How often a waiter looks again.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);
}
