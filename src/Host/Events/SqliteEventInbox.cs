using Corps.Abstractions;
using Corps.Host.Store;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Corps.Host.Events;

/// <summary>
/// The event inbox in its own SQLite file beside the store (<c>corps.db</c> → <c>corps.inbox.db</c>, table
/// <c>event_inbox</c>), so storing an event never waits for the store's writer (a full sync holds it for seconds).
/// </summary>
/// <remarks>
/// The store records the events it applied in its own file; the processor marks their rows here after that commit (see
/// <see cref="CorpDatabase.ApplyEventsAsync"/>). The file and its table are created on first use if missing.
/// </remarks>
public sealed class SqliteEventInbox : IEventInbox
{
    private readonly SqliteConnectionFactory _connections;
    private readonly TimeProvider _time;
    private volatile bool _schemaReady;

    // Deliveries are written in groups: the ones that arrive while a group commits go together in the next transaction,
    // so under a burst an acknowledgement waits for about one commit, not for a queue of them. One writer at a time
    // drains the queue and stops when it is empty.
    private readonly Lock _queueLock = new();
    private List<PendingAdd> _queue = [];
    private bool _writing;

    /// <summary>Creates the inbox of the store file at <paramref name="storePath"/> (kept in <see cref="Path"/>).</summary>
    /// <remarks>The store's folder must exist; the inbox file is created in it if missing.</remarks>
    public SqliteEventInbox(string storePath, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storePath);
        // The store's connection settings (pooled, WAL, busy timeout) on the inbox's own file: only the inbox's writers
        // (acknowledgements, marks, the processor's failures) meet here, and each holds it for one short transaction.
        _connections = new SqliteConnectionFactory(InboxFile.PathFor(storePath));
        _time = time;
    }

    /// <summary>The inbox file.</summary>
    public string Path => _connections.Path;

    /// <inheritdoc/>
    public async Task<bool> AddAsync(string corp, CorpEvent corpEvent, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(corp);
        ArgumentNullException.ThrowIfNull(corpEvent);
        var pending = new PendingAdd(corp, corpEvent.EventId, corpEvent.EventType, CorpEventJson.Serialize(corpEvent));
        bool startWriter;
        lock (_queueLock)
        {
            _queue.Add(pending);
            startWriter = !_writing;
            _writing = true;
        }

        if (startWriter)
            _ = Task.Run(WriteQueuedAsync, CancellationToken.None);
        // A caller that gives up (the delivery's connection closed) does not take its row back: upstream re-delivers,
        // and the re-delivery is then a no-op.
        return await pending.Stored.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteQueuedAsync()
    {
        while (true)
        {
            List<PendingAdd> group;
            lock (_queueLock)
            {
                if (_queue.Count == 0)
                {
                    _writing = false;
                    return;
                }

                group = _queue;
                _queue = [];
            }

            try
            {
                var inserted = await WriteGroupAsync(group).ConfigureAwait(false);
                for (var i = 0; i < group.Count; i++)
                    group[i].Stored.TrySetResult(inserted[i]);
            }
#pragma warning disable CA1031 // Every delivery of the group gets the failure (and a 500): nothing of the group was committed.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                foreach (var pending in group)
                    pending.Stored.TrySetException(exception);
            }
        }
    }

    private async Task<bool[]> WriteGroupAsync(List<PendingAdd> group)
    {
        using var turn = await StoreWriteTurn.TakeAsync(_connections.Path, CancellationToken.None).ConfigureAwait(false);
        await using var connection = await OpenAsync(CancellationToken.None).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: false);
        var now = StoreTime.Format(_time.GetUtcNow());
        // INSERT OR IGNORE on the (corp, event_id) unique key: a re-delivery is a no-op, and the check and the write are
        // one statement, so two deliveries of one event (even from two processes) cannot both insert.
        using var insert = new PreparedCommand(connection, transaction, """
            INSERT OR IGNORE INTO event_inbox (corp, event_id, event_type, received_at, payload, status, attempts)
            VALUES ($p0, $p1, $p2, $p3, $p4, 'pending', 0)
            """, 5);
        var inserted = new bool[group.Count];
        for (var i = 0; i < group.Count; i++)
            inserted[i] = insert.Execute(group[i].Corp, group[i].EventId, group[i].EventType, now, group[i].Payload) > 0;
        transaction.Commit();
        return inserted;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<InboxEntry>> GetPendingAsync(string corp, int limit, CancellationToken cancellationToken) =>
        QueryAsync(corp, "pending", limit, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<InboxEntry>> GetParkedAsync(string corp, int limit, CancellationToken cancellationToken) =>
        QueryAsync(corp, "parked", limit, cancellationToken);

    /// <inheritdoc/>
    public async Task MarkAppliedAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
            return;
        using var turn = await StoreWriteTurn.TakeAsync(_connections.Path, cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: false);
        using var mark = new PreparedCommand(connection, transaction,
            "UPDATE event_inbox SET status = 'applied', applied_at = $p0, last_error = NULL WHERE id = $p1", 2);
        var now = StoreTime.Format(_time.GetUtcNow());
        foreach (var id in ids)
            mark.Execute(now, id);
        transaction.Commit();
    }

    /// <inheritdoc/>
    public async Task RecordFailureAsync(long id, string error, bool park, CancellationToken cancellationToken)
    {
        using var turn = await StoreWriteTurn.TakeAsync(_connections.Path, cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE event_inbox SET attempts = attempts + 1, last_error = @error, status = @status WHERE id = @id",
            new { id, error, status = park ? "parked" : "pending" },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<InboxCounts> GetCountsAsync(string corp, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Status, long Count)>(new CommandDefinition(
            "SELECT status, COUNT(*) FROM event_inbox WHERE corp = @corp GROUP BY status",
            new { corp },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        var counts = rows.ToDictionary(r => r.Status, r => (int)r.Count, StringComparer.Ordinal);
        return new InboxCounts(
            counts.GetValueOrDefault("pending"),
            counts.GetValueOrDefault("parked"),
            counts.GetValueOrDefault("applied"));
    }

    /// <inheritdoc/>
    public async Task<int> RequeueParkedAsync(string corp, CancellationToken cancellationToken)
    {
        using var turn = await StoreWriteTurn.TakeAsync(_connections.Path, cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE event_inbox SET status = 'pending', attempts = 0 WHERE corp = @corp AND status = 'parked'",
            new { corp },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<InboxEntry>> QueryAsync(string corp, string status, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // Only declared columns: an expression column of an empty result has no type, and Dapper would then refuse to
        // map it.
        var rows = await connection.QueryAsync<InboxRow>(new CommandDefinition(
            """
            SELECT id AS Id, corp AS Corp, event_id AS EventId, event_type AS EventType, received_at AS ReceivedAt,
                   payload AS Payload, status AS Status, attempts AS Attempts, last_error AS LastError, applied_at AS AppliedAt
            FROM event_inbox
            WHERE corp = @corp AND status = @status ORDER BY id LIMIT @limit
            """,
            new { corp, status, limit },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToEntry()).ToList();
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (_schemaReady)
            return connection;
        try
        {
            // Normally done by the store's migration; here too so a removed inbox file comes back empty instead of failing
            // every delivery. Two first calls at once both run it: it is idempotent.
            await InboxFile.EnsureSchemaAsync(connection, cancellationToken).ConfigureAwait(false);
            _schemaReady = true;
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static InboxStatus ParseStatus(string value) => value switch
    {
        "applied" => InboxStatus.Applied,
        "parked" => InboxStatus.Parked,
        _ => InboxStatus.Pending,
    };

    private sealed record PendingAdd(string Corp, string EventId, string EventType, string Payload)
    {
        public TaskCompletionSource<bool> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class InboxRow
    {
        public long Id { get; init; }

        public string Corp { get; init; } = "";

        public string EventId { get; init; } = "";

        public string? EventType { get; init; }

        public string ReceivedAt { get; init; } = "";

        public string Payload { get; init; } = "";

        public string Status { get; init; } = "";

        public long Attempts { get; init; }

        public string? LastError { get; init; }

        public string? AppliedAt { get; init; }

        public InboxEntry ToEntry() => new()
        {
            Id = Id,
            Corp = Corp,
            EventId = EventId,
            EventType = EventType ?? string.Empty,
            ReceivedAt = StoreTime.Parse(ReceivedAt),
            Payload = Payload,
            Status = ParseStatus(Status),
            Attempts = (int)Attempts,
            LastError = LastError,
            AppliedAt = StoreTime.ParseOrNull(AppliedAt),
        };
    }
}
