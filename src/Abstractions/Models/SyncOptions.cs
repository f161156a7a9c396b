namespace Corps.Abstractions;

/// <summary>How a sync runs.</summary>
public sealed record SyncOptions
{
    /// <summary>The defaults: a real, guarded sync started by hand.</summary>
    public static SyncOptions Default { get; } = new();

    /// <summary>Compute and report the plan, write nothing (not even a run record).</summary>
    public bool DryRun { get; init; }

    /// <summary>Apply the plan even if the deletion guard would hold it.</summary>
    public bool Force { get; init; }

    /// <summary>What started the run: <c>cli</c>, <c>schedule</c>, <c>event</c>, <c>init</c>, <c>api</c>.</summary>
    public string Trigger { get; init; } = "api";

    /// <summary>Return the full plan in <see cref="SyncReport.Plan"/> (always on for dry runs).</summary>
    public bool IncludePlan { get; init; }
}
