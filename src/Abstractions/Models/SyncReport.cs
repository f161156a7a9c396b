namespace Corps.Abstractions;

/// <summary>The record of one sync run.</summary>
public sealed record SyncReport
{
    /// <summary>The run id in the store; 0 for a dry run (nothing is written).</summary>
    public required long RunId { get; init; }

    /// <summary>The corp's full name.</summary>
    public required string CorpFullName { get; init; }

    /// <summary>What started the run.</summary>
    public required string Trigger { get; init; }

    /// <summary>How the run ended.</summary>
    public required SyncOutcome Outcome { get; init; }

    /// <summary>When the run started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the run ended.</summary>
    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>The plan's counts (what was applied, or what would have been).</summary>
    public SyncCounts Counts { get; init; } = new();

    /// <summary>Departments upstream (the root excluded).</summary>
    public int UpstreamDepartments { get; init; }

    /// <summary>Members upstream.</summary>
    public int UpstreamMembers { get; init; }

    /// <summary>Upstream API calls made by the fetch.</summary>
    public int ApiCalls { get; init; }

    /// <summary>Rows the apply wrote (0 when nothing changed).</summary>
    public int RowsWritten { get; init; }

    /// <summary>The deletion guard's decision.</summary>
    public GuardDecision? Guard { get; init; }

    /// <summary>The plan itself, when asked for (and on dry runs).</summary>
    public IReadOnlyList<PlannedChange>? Plan { get; init; }

    /// <summary>Warnings that did not stop the run (e.g. a membership in a department outside the snapshot).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>What went wrong and what to do, when the run failed.</summary>
    public string? Error { get; init; }
}
