using System.Collections.Concurrent;

namespace Corps.Host.Scheduling;

/// <summary>
/// One lock per corp that every piece of work on the corp's pool takes in this process: scheduled syncs, start-up
/// syncs, event-triggered syncs and single event applications. So events and full syncs of one corp never interleave,
/// while different corps run in parallel.
/// </summary>
/// <remarks>
/// Not re-entrant. The sync engine serializes runs across processes on its own; this gate adds the event path, which
/// the engine does not see.
/// </remarks>
public sealed class CorpWorkGate
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <summary>Waits for the corp's lock; dispose the result to release it.</summary>
    public async Task<IDisposable> EnterAsync(string corpFullName, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(corpFullName, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(gate);
    }

    /// <summary>True while some work holds the corp's lock.</summary>
    public bool IsBusy(string corpFullName) => _locks.TryGetValue(corpFullName, out var gate) && gate.CurrentCount == 0;

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                gate.Release();
        }
    }
}
