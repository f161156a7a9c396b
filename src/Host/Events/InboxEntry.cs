namespace Corps.Host.Events;

/// <summary>One stored event delivery.</summary>
public sealed record InboxEntry
{
    /// <summary>The row id; increases in arrival order.</summary>
    public required long Id { get; init; }

    /// <summary>The corp's full name.</summary>
    public required string Corp { get; init; }

    /// <summary>The upstream event id (unique per corp).</summary>
    public required string EventId { get; init; }

    /// <summary>The upstream event type.</summary>
    public required string EventType { get; init; }

    /// <summary>When the host received (and acknowledged) the delivery.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The decoded event as JSON (see <see cref="CorpEventJson"/>).</summary>
    public required string Payload { get; init; }

    /// <summary>Where the row stands.</summary>
    public required InboxStatus Status { get; init; }

    /// <summary>How many times applying it failed.</summary>
    public int Attempts { get; init; }

    /// <summary>The last failure, for operators (never a secret).</summary>
    public string? LastError { get; init; }

    /// <summary>When it was applied, if it was.</summary>
    public DateTimeOffset? AppliedAt { get; init; }
}
