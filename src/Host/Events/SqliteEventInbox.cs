using System.Globalization;
using Corps.Abstractions;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Corps.Host.Events;

/// <summary>The event inbox on the store's SQLite file (table <c>event_inbox</c>, created by the store's migrations).</summary>
public sealed class SqliteEventInbox : IEventInbox
{
    private readonly string _connectionString;
    private readonly TimeProvider _time;

    /// <summary>Creates the inbox over the database file at <paramref name="databasePath"/>.</summary>
    public SqliteEventInbox(string databasePath, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = true,
            // Microsoft.Data.Sqlite retries SQLITE_BUSY until this many seconds have passed; a sync's long write
            // transaction must not make an acknowledgement fail.
            DefaultTimeout = 30,
        }.ToString();
        _time = time;
    }

    /// <inheritdoc/>
    public async Task<bool> AddAsync(string corp, CorpEvent corpEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corpEvent);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // INSERT OR IGNORE on the (corp, event_id) unique key: a re-delivery is a no-op, and the check and the write
        // are one statement, so two concurrent deliveries of one event cannot both insert.
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT OR IGNORE INTO event_inbox (corp, event_id, event_type, received_at, payload, status, attempts)
            VALUES (@corp, @eventId, @eventType, @receivedAt, @payload, 'pending', 0)
            """,
            new
            {
                corp,
                eventId = corpEvent.EventId,
                eventType = corpEvent.EventType,
                receivedAt = Format(_time.GetUtcNow()),
                payload = CorpEventJson.Serialize(corpEvent),
            },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return inserted == 1;
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
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE event_inbox SET status = 'applied', applied_at = @appliedAt, last_error = NULL WHERE id = @id",
            new { id, appliedAt = Format(_time.GetUtcNow()) },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task RecordFailureAsync(long id, string error, bool park, CancellationToken cancellationToken)
    {
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
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE event_inbox SET status = 'pending', attempts = 0 WHERE corp = @corp AND status = 'parked'",
            new { corp },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<InboxEntry>> QueryAsync(string corp, string status, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<InboxRow>(new CommandDefinition(
            """
            SELECT id AS Id, corp AS Corp, event_id AS EventId, event_type AS EventType, received_at AS ReceivedAt,
                   payload AS Payload, status AS Status, attempts AS Attempts, last_error AS LastError, applied_at AS AppliedAt
            FROM event_inbox WHERE corp = @corp AND status = @status ORDER BY id LIMIT @limit
            """,
            new { corp, status, limit },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToEntry()).ToList();
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static InboxStatus ParseStatus(string value) => value switch
    {
        "applied" => InboxStatus.Applied,
        "parked" => InboxStatus.Parked,
        _ => InboxStatus.Pending,
    };

    private sealed record InboxRow(long Id, string Corp, string EventId, string EventType, string ReceivedAt, string Payload,
        string Status, long Attempts, string? LastError, string? AppliedAt)
    {
        public InboxEntry ToEntry() => new()
        {
            Id = Id,
            Corp = Corp,
            EventId = EventId,
            EventType = EventType,
            ReceivedAt = Parse(ReceivedAt),
            Payload = Payload,
            Status = ParseStatus(Status),
            Attempts = (int)Attempts,
            LastError = LastError,
            AppliedAt = AppliedAt is null ? null : Parse(AppliedAt),
        };
    }
}
