namespace Corps.Host.Sync.Plan;

/// <summary>How much of the corp a snapshot speaks for.</summary>
internal enum PlanScope
{
    /// <summary>A complete snapshot: whatever it lacks is gone upstream; the root and the groups are planned too.</summary>
    Full = 0,

    /// <summary>An event's few objects: nothing is offlined or deleted for being absent; the root is left alone.</summary>
    Partial = 1,
}
