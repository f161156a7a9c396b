using System.Collections.Concurrent;
using Corps.Abstractions;
using Corps.Host.Events;
using Corps.Host.Store;

namespace Corps.Host.Tests.Fakes;

/// <summary>
/// Records applied events in order (the processor then marks their inbox rows); can fail a given event a number of
/// times, or answer a fixed outcome.
/// </summary>
internal sealed class FakeEventApplier : ICorpEventApplier
{
    private readonly ConcurrentQueue<(string Corp, string EventId)> _applied = new();
    private readonly ConcurrentDictionary<string, int> _failuresLeft = new();
    private readonly ConcurrentQueue<int> _batchSizes = new();

    public IReadOnlyList<(string Corp, string EventId)> Applied => _applied.ToList();

    /// <summary>How many events each call was handed.</summary>
    public IReadOnlyList<int> BatchSizes => _batchSizes.ToList();

    public Func<CorpEvent, EventApplyStatus> Outcome { get; set; } = _ => EventApplyStatus.Applied;

    public void FailTimes(string eventId, int times) => _failuresLeft[eventId] = times;

    public Task<EventBatchResult> ApplyAsync(CorpElement corp, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        _batchSizes.Enqueue(events.Count);
        var results = new List<EventApplyResult>();
        foreach (var stored in events)
        {
            if (_failuresLeft.TryGetValue(stored.Event.EventId, out var left) && left > 0)
            {
                _failuresLeft[stored.Event.EventId] = left - 1;
                return Task.FromResult(new EventBatchResult { Applied = results, Failure = new InvalidOperationException($"apply of {stored.Event.EventId} failed on purpose") });
            }

            var status = Outcome(stored.Event);
            if (status == EventApplyStatus.NeedsFullSync)
                return Task.FromResult(new EventBatchResult { Applied = results, NeedsFullSync = new EventApplyResult { Status = status } });

            _applied.Enqueue((corp.FullName, stored.Event.EventId));
            results.Add(new EventApplyResult { Status = status });
        }

        return Task.FromResult(new EventBatchResult { Applied = results });
    }
}
