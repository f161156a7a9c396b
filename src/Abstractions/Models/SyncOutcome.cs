namespace Corps.Abstractions;

/// <summary>How a sync run ended.</summary>
public enum SyncOutcome
{
    /// <summary>The plan was applied in one transaction.</summary>
    Applied = 0,

    /// <summary>The local pool already matched upstream; nothing was written.</summary>
    Unchanged = 1,

    /// <summary>A dry run: the plan was computed, nothing was written.</summary>
    DryRun = 2,

    /// <summary>The deletion guard held the plan; nothing was applied.</summary>
    Held = 3,

    /// <summary>The fetch or the apply failed; the local pool is as it was before.</summary>
    Failed = 4,
}
