using Corps.Abstractions;
using Corps.Host.Store;

namespace Corps.Host.Events;

/// <summary>Applies events through <see cref="CorpDatabase.ApplyEventAsync"/>.</summary>
public sealed class StoreEventApplier(CorpDatabase database) : ICorpEventApplier
{
    /// <inheritdoc/>
    public Task<EventApplyResult> ApplyAsync(CorpElement corp, CorpEvent corpEvent, CancellationToken cancellationToken) =>
        database.ApplyEventAsync(corp, corpEvent, cancellationToken);
}
