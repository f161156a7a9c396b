using Corps.Host.Events;

namespace Corps.Host.Serve;

/// <summary>How one corp stands: schedule, last sync, events.</summary>
public sealed record CorpStatus
{
    /// <summary>The element name.</summary>
    public required string Name { get; init; }

    /// <summary><c>corps.&lt;Name&gt;</c>.</summary>
    public required string FullName { get; init; }

    /// <summary>The element title.</summary>
    public required string Title { get; init; }

    /// <summary>The corp type.</summary>
    public required string Type { get; init; }

    /// <summary>The Quartz cron the corp is synced on.</summary>
    public required string Schedule { get; init; }

    /// <summary>The next scheduled sync; null when not scheduled.</summary>
    public DateTimeOffset? NextFireTime { get; init; }

    /// <summary>Why the corp is not scheduled, if it is not.</summary>
    public string? ScheduleProblem { get; init; }

    /// <summary>The request path upstream should post this corp's events to; null when the type has no events.</summary>
    public string? EventsPath { get; init; }

    /// <summary>The trigger of the sync running now, if any (a running service only).</summary>
    public string? RunningTrigger { get; init; }

    /// <summary>The last sync run recorded in the store.</summary>
    public LastSyncStatus? LastSync { get; init; }

    /// <summary>The last sync failure seen by a running service, if the last run did not succeed.</summary>
    public string? LastError { get; init; }

    /// <summary>The event inbox's counts (pending is the inbox depth).</summary>
    public InboxCounts Inbox { get; init; } = new(0, 0, 0);

    /// <summary>Events given up on, waiting for an operator.</summary>
    public IReadOnlyList<ParkedEvent> Parked { get; init; } = [];
}
