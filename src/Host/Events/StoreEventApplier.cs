using Corps.Abstractions;
using Corps.Host.Store;

namespace Corps.Host.Events;

/// <summary>Applies events through <see cref="CorpDatabase.ApplyEventsAsync"/>.</summary>
public sealed class StoreEventApplier(CorpDatabase database) : ICorpEventApplier
{
    /// <inheritdoc/>
    public Task<EventBatchResult> ApplyAsync(CorpElement corp, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken) =>
        database.ApplyEventsAsync(corp, events, cancellationToken);
}
