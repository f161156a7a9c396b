namespace Corps.Host.Events;

/// <summary>Where an inbox row stands. Stored as the lower-case name in <c>event_inbox.status</c>.</summary>
public enum InboxStatus
{
    /// <summary>Stored and acknowledged upstream, not applied yet.</summary>
    Pending = 0,

    /// <summary>Applied to the local pool (or superseded by newer state of the same object).</summary>
    Applied = 1,

    /// <summary>Failed too often; kept for an operator, never dropped.</summary>
    Parked = 2,
}
