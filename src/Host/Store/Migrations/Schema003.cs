using Microsoft.Data.Sqlite;

namespace Corps.Host.Store.Migrations;

/// <summary>The event inbox moves to its own file (<see cref="InboxFile"/>); the store records the events it applied.</summary>
/// <remarks>
/// <para>The step copies every row of the store's <c>event_inbox</c> (pending, parked and applied, with their attempts,
/// errors and times, in arrival order) into the inbox file and commits there, then the SQL drops the table in the same
/// store transaction that records version 3. The copy is <c>INSERT OR IGNORE</c> on the inbox's (corp, event id) key,
/// so a crash between the two commits only means the next open copies again and inserts nothing. The store's write
/// transaction is held throughout, so no host of the old version can add a row between the copy and the drop.</para>
/// <para>Before this version an inbox row was marked applied in the same transaction as its effects, so no moved row
/// is pending with its effects already in the store: <c>applied_events</c> starts empty.</para>
/// </remarks>
internal static class Schema003
{
    public static Migration Migration { get; } = new(3, "event inbox in its own file; applied event ids", """
        -- The events this store applied from the inbox, written with their effects: the inbox file is marked after that
        -- commit, so a pending inbox row whose id is here was applied already (a crash came between the two commits).
        -- Rows older than the retention are pruned as events are applied (see AppliedEvents).
        CREATE TABLE applied_events (
            corp_id     INTEGER NOT NULL REFERENCES corps(id),
            event_id    TEXT NOT NULL,
            applied_at  TEXT NOT NULL,
            PRIMARY KEY (corp_id, event_id)
        ) WITHOUT ROWID;
        CREATE INDEX ix_applied_events_at ON applied_events(applied_at);

        DROP TABLE event_inbox;
        """)
    {
        Before = MoveInboxAsync,
    };

    private static async Task MoveInboxAsync(MigrationStep step)
    {
        var connections = new SqliteConnectionFactory(InboxFile.PathFor(step.StorePath));
        await using var inbox = await connections.OpenAsync(step.CancellationToken).ConfigureAwait(false);
        await InboxFile.EnsureSchemaAsync(inbox, step.CancellationToken).ConfigureAwait(false);
        using var transaction = inbox.BeginTransaction(deferred: false);
        using var insert = new PreparedCommand(inbox, transaction, """
            INSERT OR IGNORE INTO event_inbox (corp, event_id, event_type, received_at, payload, status, attempts, last_error, applied_at)
            VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8)
            """, 9);

        // Streamed row by row: an old inbox keeps every applied event, and payloads add up.
        await using var select = step.Connection.CreateCommand();
        select.Transaction = step.Transaction;
        select.CommandText = """
            SELECT c.full_name, i.event_id, i.event_type, i.received_at, i.payload, i.status, i.attempts, i.last_error, i.applied_at
            FROM event_inbox i JOIN corps c ON c.id = i.corp_id ORDER BY i.id
            """;
        await using var reader = await select.ExecuteReaderAsync(step.CancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(step.CancellationToken).ConfigureAwait(false))
        {
            insert.Execute(reader.GetString(0), reader.GetString(1), TextOrNull(reader, 2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetInt64(6), TextOrNull(reader, 7), TextOrNull(reader, 8));
        }

        transaction.Commit();
    }

    private static string? TextOrNull(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
