using System.Collections.Concurrent;
using Corps.Abstractions;
using Corps.Host.Events;
using Corps.Host.Store;

namespace Corps.Host.Tests.Fakes;

/// <summary>Records applied events in order; can fail a given event a number of times, or answer a fixed outcome.</summary>
internal sealed class FakeEventApplier : ICorpEventApplier
{
    private readonly ConcurrentQueue<(string Corp, string EventId)> _applied = new();
    private readonly ConcurrentDictionary<string, int> _failuresLeft = new();

    public IReadOnlyList<(string Corp, string EventId)> Applied => _applied.ToList();

    public Func<CorpEvent, EventApplyStatus> Outcome { get; set; } = _ => EventApplyStatus.Applied;

    public void FailTimes(string eventId, int times) => _failuresLeft[eventId] = times;

    public Task<EventApplyResult> ApplyAsync(CorpElement corp, CorpEvent corpEvent, CancellationToken cancellationToken)
    {
        if (_failuresLeft.TryGetValue(corpEvent.EventId, out var left) && left > 0)
        {
            _failuresLeft[corpEvent.EventId] = left - 1;
            throw new InvalidOperationException($"apply of {corpEvent.EventId} failed on purpose");
        }

        _applied.Enqueue((corp.FullName, corpEvent.EventId));
        return Task.FromResult(new EventApplyResult { Status = Outcome(corpEvent) });
    }
}
