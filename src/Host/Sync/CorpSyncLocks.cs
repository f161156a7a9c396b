using System.Collections.Concurrent;
using System.Diagnostics;
using Corps.Abstractions;
using Corps.Host.Store;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Corps.Host.Sync;

/// <summary>Keeps runs of one corp from overlapping: in this process (a semaphore) and across processes (a lock row).</summary>
/// <remarks>
/// In-process callers queue on the semaphore without limit (the contract: a second call waits for the first). Another
/// process's run is waited for at most <see cref="SyncLockOptions.Wait"/>. A lock row whose holder stopped
/// heartbeating, or whose holder process on this machine no longer exists, is taken over.
/// </remarks>
internal sealed class CorpSyncLocks(SqliteConnectionFactory connections, TimeProvider time, SyncLockOptions options, ILogger logger)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _local = new(StringComparer.Ordinal);

    // Unique per CorpSyncLocks: two stores opened on one file in one process exclude each other like two processes.
    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>How old a holder's heartbeat may get before its lock is taken over.</summary>
    public TimeSpan StaleAfter => options.StaleAfter;

    /// <summary>Waits for the corp's lock; dispose the lease to release it.</summary>
    public async Task<IAsyncDisposable> AcquireAsync(string corpFullName, CancellationToken cancellationToken)
    {
        var semaphore = _local.GetOrAdd(corpFullName, _ => new SemaphoreSlim(1, 1));
        await semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await AcquireRowAsync(corpFullName, cancellationToken).ConfigureAwait(false);
            return new Lease(this, corpFullName, semaphore);
        }
        catch
        {
            semaphore.Release();
            throw;
        }
    }

    /// <summary>
    /// Takes only this process's side of the corp's lock, for a write that fits in one transaction: the caller then checks
    /// <see cref="IsHeldElsewhere"/> inside its write transaction, where no other process can take the row meanwhile.
    /// That costs no lock-row writes; when another process does hold the corp, use <see cref="AcquireAsync"/> instead.
    /// </summary>
    public async Task<IDisposable> AcquireLocalAsync(string corpFullName, CancellationToken cancellationToken)
    {
        var semaphore = _local.GetOrAdd(corpFullName, _ => new SemaphoreSlim(1, 1));
        await semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new LocalLease(semaphore);
    }

    /// <summary>
    /// Takes <paramref name="key"/>'s row for as long as the returned lease lives (its heartbeat keeps it fresh), without
    /// waiting: for what must run once per store, such as the service. A holder that died is taken over, as for syncs.
    /// </summary>
    /// <returns>The lease; or none, and the live holder, when another process (or another store object in this one) has it.</returns>
    public async Task<(IAsyncDisposable? Lease, LockHolder? Holder)> TryHoldAsync(string key, CancellationToken cancellationToken)
    {
        var semaphore = _local.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        if (!semaphore.Wait(0, CancellationToken.None))
            return (null, new LockHolder(Environment.ProcessId, Environment.MachineName, "earlier in this process"));
        try
        {
            if (await TryTakeAsync(key, cancellationToken).ConfigureAwait(false) is { } row)
            {
                semaphore.Release();
                return (null, new LockHolder(row.HolderPid, row.HolderHost, row.AcquiredAt));
            }

            return (new Lease(this, key, semaphore), null);
        }
        catch
        {
            semaphore.Release();
            throw;
        }
    }

    /// <summary>Whether a live run of another process holds the corp's lock row (read in the caller's transaction).</summary>
    public bool IsHeldElsewhere(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction, string corpFullName)
    {
        var row = ReadRow(connection, transaction, corpFullName);
        return row is not null && row.Holder != _holder && !IsStale(row, time.GetUtcNow());
    }

    private async Task AcquireRowAsync(string corpFullName, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + options.Wait;
        var logged = false;
        while (true)
        {
            var holder = await TryTakeAsync(corpFullName, cancellationToken).ConfigureAwait(false);
            if (holder is null)
                return;
            if (!logged)
            {
                SyncLog.LockWaiting(logger, corpFullName, holder.HolderPid, holder.HolderHost, holder.AcquiredAt);
                logged = true;
            }

            if (time.GetUtcNow() >= deadline)
            {
                throw new CorpException(CorpErrorKind.Configuration,
                    $"A sync of {corpFullName} is already running (pid {holder.HolderPid} on {holder.HolderHost} since {holder.AcquiredAt}).",
                    $"Wait for it to finish and try again; a lock whose process died is released after {options.StaleAfter.TotalSeconds:0} s.");
            }

            await Task.Delay(options.PollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Takes the row when free or stale; returns the live holder otherwise.</summary>
    private async Task<LockRow?> TryTakeAsync(string corpFullName, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: false);
        var row = ReadRow(connection, transaction, corpFullName);
        var now = time.GetUtcNow();
        if (row is not null && row.Holder != _holder)
        {
            if (!IsStale(row, now))
                return row;
            SyncLog.LockTakenOver(logger, corpFullName, row.HolderPid, row.HolderHost, row.HeartbeatAt);
        }

        connection.Execute("""
            INSERT INTO sync_locks (corp_full_name, holder, holder_pid, holder_host, acquired_at, heartbeat_at)
            VALUES (@corpFullName, @holder, @pid, @host, @now, @now)
            ON CONFLICT (corp_full_name) DO UPDATE SET holder = excluded.holder, holder_pid = excluded.holder_pid,
                holder_host = excluded.holder_host, acquired_at = excluded.acquired_at, heartbeat_at = excluded.heartbeat_at
            """, new { corpFullName, holder = _holder, pid = Environment.ProcessId, host = Environment.MachineName, now = StoreTime.Format(now) }, transaction);
        transaction.Commit();
        return null;
    }

    private static LockRow? ReadRow(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction,
        string corpFullName) =>
        connection.QuerySingleOrDefault<LockRow>("""
            SELECT holder AS Holder, holder_pid AS HolderPid, holder_host AS HolderHost, acquired_at AS AcquiredAt, heartbeat_at AS HeartbeatAt
            FROM sync_locks WHERE corp_full_name = @corpFullName
            """, new { corpFullName }, transaction);

    private bool IsStale(LockRow row, DateTimeOffset now)
    {
        if (now - StoreTime.Parse(row.HeartbeatAt) > options.StaleAfter)
            return true;
        return row.HolderHost == Environment.MachineName && row.HolderPid != Environment.ProcessId && !ProcessExists(row.HolderPid);
    }

    private static bool ProcessExists(long pid)
    {
        try
        {
            using var process = Process.GetProcessById((int)pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private ITimer StartHeartbeat(TimerCallback callback) =>
        time.CreateTimer(callback, null, options.HeartbeatInterval, options.HeartbeatInterval);

    private void Heartbeat(string corpFullName)
    {
        try
        {
            using var connection = connections.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
            connection.Execute("UPDATE sync_locks SET heartbeat_at = @now WHERE corp_full_name = @corpFullName AND holder = @holder",
                new { now = StoreTime.Format(time.GetUtcNow()), corpFullName, holder = _holder });
        }
        catch (Exception exception) when (exception is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            SyncLog.HeartbeatFailed(logger, corpFullName, exception);
        }
    }

    private async Task ReleaseRowAsync(string corpFullName)
    {
        await using var connection = await connections.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await connection.ExecuteAsync("DELETE FROM sync_locks WHERE corp_full_name = @corpFullName AND holder = @holder",
            new { corpFullName, holder = _holder }).ConfigureAwait(false);
    }

    private sealed record LockRow
    {
        public string Holder { get; init; } = "";

        public long HolderPid { get; init; }

        public string HolderHost { get; init; } = "";

        public string AcquiredAt { get; init; } = "";

        public string HeartbeatAt { get; init; } = "";
    }

    private sealed class LocalLease(SemaphoreSlim semaphore) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                semaphore.Release();
        }
    }

    private sealed class Lease : IAsyncDisposable
    {
        private readonly CorpSyncLocks _owner;
        private readonly string _corpFullName;
        private readonly SemaphoreSlim _semaphore;
        private readonly ITimer _heartbeat;
        private int _busy;
        private int _disposed;

        public Lease(CorpSyncLocks owner, string corpFullName, SemaphoreSlim semaphore)
        {
            _owner = owner;
            _corpFullName = corpFullName;
            _semaphore = semaphore;
            _heartbeat = owner.StartHeartbeat(_ => Beat());
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
                return;
            await _heartbeat.DisposeAsync().ConfigureAwait(false);
            try
            {
                await _owner.ReleaseRowAsync(_corpFullName).ConfigureAwait(false);
            }
            finally
            {
                _semaphore.Release();
            }
        }

        private void Beat()
        {
            // A slow beat (the store is busy with this very sync) must not pile up behind itself.
            if (Interlocked.Exchange(ref _busy, 1) != 0)
                return;
            try
            {
                _owner.Heartbeat(_corpFullName);
            }
            finally
            {
                Volatile.Write(ref _busy, 0);
            }
        }
    }
}
