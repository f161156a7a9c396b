using Corps.Abstractions;

namespace Corps.Host.Serve;

/// <summary>The last sync run of a corp, as the store recorded it.</summary>
public sealed record LastSyncStatus
{
    /// <summary>The store's run id.</summary>
    public required long RunId { get; init; }

    /// <summary>What started it.</summary>
    public required string Trigger { get; init; }

    /// <summary>How it ended.</summary>
    public required SyncOutcome Outcome { get; init; }

    /// <summary>When it started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When it ended.</summary>
    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>What it changed (or would have, when held).</summary>
    public required SyncCounts Counts { get; init; }

    /// <summary>What went wrong, when it failed or was held.</summary>
    public string? Error { get; init; }

    /// <summary>Takes the parts of a report an operator needs.</summary>
    public static LastSyncStatus From(SyncReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new LastSyncStatus
        {
            RunId = report.RunId,
            Trigger = report.Trigger,
            Outcome = report.Outcome,
            StartedAt = report.StartedAt,
            FinishedAt = report.FinishedAt,
            Counts = report.Counts,
            Error = report.Error ?? report.Guard?.Reason,
        };
    }
}
