using System.Collections.Concurrent;
using Corps.Abstractions;
using Corps.Host.Store;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Corps.Host.Events;

/// <summary>The event inbox on the store's SQLite file (table <c>event_inbox</c>, created by the store's migrations).</summary>
public sealed class SqliteEventInbox : IEventInbox
{
    private const string CorpIdOf = "(SELECT id FROM corps WHERE full_name = @corp)";

    private readonly SqliteConnectionFactory _connections;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, bool> _knownCorps = new(StringComparer.Ordinal);

    // Deliveries are written in groups: the ones that arrive while a group commits go together in the next transaction,
    // so under a burst an acknowledgement waits for about one commit, not for a queue of them. One writer at a time
    // drains the queue and stops when it is empty.
    private readonly Lock _queueLock = new();
    private List<PendingAdd> _queue = [];
    private bool _writing;

    /// <summary>Creates the inbox over the (migrated) store file at <paramref name="databasePath"/>.</summary>
    public SqliteEventInbox(string databasePath, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        // The store's factory: pooled connections with its busy timeout, so a sync's long write transaction delays an
        // acknowledgement instead of failing it.
        _connections = new SqliteConnectionFactory(databasePath);
        _time = time;
    }

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
        foreach (var corp in group.Select(p => p.Corp).Distinct(StringComparer.Ordinal).Where(c => !_knownCorps.ContainsKey(c)))
        {
            // The corp's row may not exist yet when an event arrives before the first sync; the sync fills in the rest.
            connection.Execute("INSERT OR IGNORE INTO corps (full_name, created_at) VALUES (@corp, @now)", new { corp, now }, transaction);
        }

        // INSERT OR IGNORE on the (corp_id, event_id) unique key: a re-delivery is a no-op, and the check and the write are
        // one statement, so two deliveries of one event (even from two processes) cannot both insert.
        using var insert = new PreparedCommand(connection, transaction, $"""
            INSERT OR IGNORE INTO event_inbox (corp_id, event_id, event_type, received_at, payload, status, attempts)
            VALUES ((SELECT id FROM corps WHERE full_name = $p0), $p1, $p2, $p3, $p4, 'pending', 0)
            """, 5);
        var inserted = new bool[group.Count];
        for (var i = 0; i < group.Count; i++)
            inserted[i] = insert.Execute(group[i].Corp, group[i].EventId, group[i].EventType, now, group[i].Payload) > 0;
        transaction.Commit();
        foreach (var pending in group)
            _knownCorps[pending.Corp] = true;
        return inserted;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<InboxEntry>> GetPendingAsync(string corp, int limit, CancellationToken cancellationToken) =>
        QueryAsync(corp, "pending", limit, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<InboxEntry>> GetParkedAsync(string corp, int limit, CancellationToken cancellationToken) =>
        QueryAsync(corp, "parked", limit, cancellationToken);

    /// <inheritdoc/>
    public async Task MarkAppliedAsync(long id, CancellationToken cancellationToken)
    {
        using var turn = await StoreWriteTurn.TakeAsync(_connections.Path, cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE event_inbox SET status = 'applied', applied_at = @appliedAt, last_error = NULL WHERE id = @id",
            new { id, appliedAt = StoreTime.Format(_time.GetUtcNow()) },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
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
            $"SELECT status, COUNT(*) FROM event_inbox WHERE corp_id = {CorpIdOf} GROUP BY status",
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
            $"UPDATE event_inbox SET status = 'pending', attempts = 0 WHERE corp_id = {CorpIdOf} AND status = 'parked'",
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
            SELECT i.id AS Id, c.full_name AS Corp, i.event_id AS EventId, i.event_type AS EventType, i.received_at AS ReceivedAt,
                   i.payload AS Payload, i.status AS Status, i.attempts AS Attempts, i.last_error AS LastError, i.applied_at AS AppliedAt
            FROM event_inbox i JOIN corps c ON c.id = i.corp_id
            WHERE c.full_name = @corp AND i.status = @status ORDER BY i.id LIMIT @limit
            """,
            new { corp, status, limit },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToEntry()).ToList();
    }

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => _connections.OpenAsync(cancellationToken);

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
