using Corps.Abstractions;
using Corps.Host.Store;

namespace Corps.Host.Events;

/// <summary>Applies decoded member and department events to the local pool (the processor's seam to the store).</summary>
/// <remarks>
/// A batch is applied oldest first in one transaction that also records, in the store, each applied inbox event's id
/// (an event already recorded writes nothing and is <see cref="EventApplyStatus.AlreadyApplied"/>); the caller marks the
/// inbox rows of the applied events afterwards. It stops
/// before an event that throws or needs a full sync, and may stop early to let other writers in (see
/// <see cref="EventBatchResult"/>). An event older than the state already stored for its object (by
/// <see cref="CorpEvent.OccurredAt"/>) writes nothing and is <see cref="EventApplyStatus.Stale"/>. Throws when the
/// batch's transaction fails; the pool is then unchanged.
/// </remarks>
public interface ICorpEventApplier
{
    /// <summary>Applies <paramref name="events"/> to <paramref name="corp"/>'s part of the pool, in order.</summary>
    Task<EventBatchResult> ApplyAsync(CorpElement corp, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken);
}
