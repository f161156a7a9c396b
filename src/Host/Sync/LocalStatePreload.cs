using Corps.Host.Store;
using Corps.Host.Sync.Local;
using Microsoft.Data.Sqlite;

namespace Corps.Host.Sync;

/// <summary>
/// A corp's local state, read while its snapshot is being fetched, on the connection the run then writes with.
/// </summary>
/// <remarks>
/// <para>The fetch waits on the network (and, under rate limits, on the limiter) while the store sits idle; reading the
/// local state then takes it off the run's critical path — at 100,000 people it is seconds. The read is a short read
/// transaction: it holds no lock while the fetch goes on.</para>
/// <para>It is only used when it is still exactly what the store holds. SQLite's <c>data_version</c> changes when any
/// other connection commits, so when it reads the same inside the run's write transaction as before the read, nothing
/// was written since and the preload is current; otherwise the run loads the state again under its write lock, as it
/// would without a preload. The corp's own writers (its syncs and events) are held off by the sync lock anyway.</para>
/// </remarks>
internal sealed class LocalStatePreload : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Task _read;
    private Preloaded? _preloaded;

    private LocalStatePreload(SqliteConnection connection, string corpFullName)
    {
        _connection = connection;
        _read = Task.Run(() => _preloaded = Read(connection, corpFullName));
    }

    /// <summary>Opens the run's connection and starts reading <paramref name="corpFullName"/>'s state in the background.</summary>
    public static async Task<LocalStatePreload> StartAsync(SqliteConnectionFactory connections, string corpFullName, CancellationToken cancellationToken) =>
        new(await connections.OpenAsync(cancellationToken).ConfigureAwait(false), corpFullName);

    /// <summary>The run's connection: the write transaction must be on it for <see cref="TakeIfCurrent"/> to tell.</summary>
    public async Task<SqliteConnection> ConnectionAsync()
    {
        // The read must be over before the connection is used for anything else.
        await _read.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return _connection;
    }

    /// <summary>Why the background read failed, if it did (the run then reads the state itself).</summary>
    public Exception? ReadError => _read.Exception?.InnerException;

    /// <summary>
    /// The preloaded state, when nothing was committed by any other connection since it was read; null otherwise (or
    /// when the read failed), and the caller loads it again. Call inside the write transaction, on <see cref="ConnectionAsync"/>.
    /// </summary>
    public LocalState? TakeIfCurrent(SqliteTransaction transaction, long corpId)
    {
        // Taken once, and let go of either way: a stale state must not stay in memory beside the one loaded again.
        if (!_read.IsCompletedSuccessfully || Interlocked.Exchange(ref _preloaded, null) is not { } preloaded)
            return null;
        // A corp the read did not find has no rows: its empty state is current as long as nobody else wrote.
        return DataVersion(_connection, transaction) == preloaded.Version && (preloaded.CorpId is null || preloaded.CorpId == corpId)
            ? preloaded.State
            : null;
    }

    private static Preloaded Read(SqliteConnection connection, string corpFullName)
    {
        // Taken before the read starts: a commit in between counts as a change (the safe side).
        var version = DataVersion(connection, null);
        using var transaction = connection.BeginTransaction(deferred: true);
        var corpId = CorpRows.Find(connection, transaction, corpFullName);
        var state = LocalStateLoader.LoadFull(connection, transaction, corpId);
        transaction.Commit();
        return new Preloaded(version, corpId, state);
    }

    private static long DataVersion(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA data_version";
        return (long)command.ExecuteScalar()!;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _read.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _preloaded = null;
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private sealed record Preloaded(long Version, long? CorpId, LocalState State);
}
