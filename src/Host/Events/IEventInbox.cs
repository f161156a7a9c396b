using Corps.Abstractions;

namespace Corps.Host.Events;

/// <summary>The durable event inbox: what the webhook endpoint stores before it acknowledges a delivery.</summary>
/// <remarks>
/// Every write is committed before the method returns, so a crash after it loses nothing. Thread-safe.
/// </remarks>
public interface IEventInbox
{
    /// <summary>Stores <paramref name="corpEvent"/> for <paramref name="corp"/> as pending.</summary>
    /// <returns>False when the corp already has an event with the same id (a re-delivery): nothing is written.</returns>
    Task<bool> AddAsync(string corp, CorpEvent corpEvent, CancellationToken cancellationToken);

    /// <summary>The corp's pending events, oldest first.</summary>
    Task<IReadOnlyList<InboxEntry>> GetPendingAsync(string corp, int limit, CancellationToken cancellationToken);

    /// <summary>Marks events applied, in one transaction.</summary>
    Task MarkAppliedAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt; with <paramref name="park"/> the event stops being retried.</summary>
    Task RecordFailureAsync(long id, string error, bool park, CancellationToken cancellationToken);

    /// <summary>Counts the corp's events per state.</summary>
    Task<InboxCounts> GetCountsAsync(string corp, CancellationToken cancellationToken);

    /// <summary>The corp's parked events, oldest first.</summary>
    Task<IReadOnlyList<InboxEntry>> GetParkedAsync(string corp, int limit, CancellationToken cancellationToken);

    /// <summary>Puts the corp's parked events back to pending with their attempts reset; returns how many.</summary>
    Task<int> RequeueParkedAsync(string corp, CancellationToken cancellationToken);
}
