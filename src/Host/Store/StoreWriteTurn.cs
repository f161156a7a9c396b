using System.Collections.Concurrent;

namespace Corps.Host.Store;

/// <summary>
/// This process's turn at writing one SQLite file. SQLite has a single writer per file; when two writers of this process
/// meet (in <c>corps serve</c>: event acknowledgements and the processor's marks on the inbox file), the one that loses
/// waits in SQLite's busy handler, which sleeps up to 100 ms between tries. Queuing here instead hands the file over the
/// moment the holder commits, in arrival order, so an acknowledgement waits at most for one short write ahead of it.
/// Event batches take the store's turn; the inbox is another file with its own, so an acknowledgement never waits for a
/// store write.
/// </summary>
/// <remarks>Per file and process, like SQLite's own connection pool; other processes still meet in the busy handler.</remarks>
internal static class StoreWriteTurn
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Turns = new(StringComparer.Ordinal);

    /// <summary>Waits for the turn at <paramref name="path"/>; dispose the result to pass it on.</summary>
    public static async Task<IDisposable> TakeAsync(string path, CancellationToken cancellationToken)
    {
        var turn = Turns.GetOrAdd(System.IO.Path.GetFullPath(path), static _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(turn);
    }

    private sealed class Releaser(SemaphoreSlim turn) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                turn.Release();
        }
    }
}
