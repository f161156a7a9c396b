using Corps.Abstractions;
using Corps.Host.Store;

namespace Corps.Host.Events;

/// <summary>Applies one decoded member or department event to the local pool (the processor's seam to the store).</summary>
/// <remarks>
/// One transaction per event; an event older than the state already stored for its object (by
/// <see cref="CorpEvent.OccurredAt"/>) writes nothing and is <see cref="EventApplyStatus.Stale"/>. Throws when the
/// write fails; the pool is then unchanged.
/// </remarks>
public interface ICorpEventApplier
{
    /// <summary>Applies <paramref name="corpEvent"/> to <paramref name="corp"/>'s part of the pool.</summary>
    Task<EventApplyResult> ApplyAsync(CorpElement corp, CorpEvent corpEvent, CancellationToken cancellationToken);
}
