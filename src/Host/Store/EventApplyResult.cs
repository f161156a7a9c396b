using Corps.Abstractions;

namespace Corps.Host.Store;

/// <summary>The outcome of <see cref="CorpDatabase.ApplyEventAsync"/>.</summary>
public sealed record EventApplyResult
{
    /// <summary>What happened.</summary>
    public required EventApplyStatus Status { get; init; }

    /// <summary>The changes applied (also in the change log, tagged with the event id).</summary>
    public IReadOnlyList<PlannedChange> Changes { get; init; } = [];

    /// <summary>Rows written, change log included.</summary>
    public int RowsWritten { get; init; }

    /// <summary>Things that were skipped (e.g. a membership naming a department the pool does not have).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
