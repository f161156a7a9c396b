using Corps.Abstractions;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Corps.Host.Store;

/// <summary>
/// The event inbox's own SQLite file beside the store: <c>corps.db</c> keeps its events in <c>corps.inbox.db</c>.
/// </summary>
/// <remarks>
/// <para>Why a file of its own: SQLite has one writer per file, and a full sync of a large org holds the store's write
/// lock for seconds. An acknowledgement only has to get its event into the inbox, so with the inbox in another file it
/// never waits behind a sync. The price is that the two files cannot commit together: the store records which events it
/// applied (<c>applied_events</c>, in the same transaction as their effects) and the inbox row is marked afterwards.</para>
/// <para>The file keys events by the corp's full name (there is no <c>corps</c> table here) and carries its own schema
/// version in <c>PRAGMA user_version</c>.</para>
/// </remarks>
internal static class InboxFile
{
    /// <summary>The inbox schema this host writes.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The inbox file of the store at <paramref name="storePath"/>: the same folder and name, <c>.inbox.db</c>.</summary>
    public static string PathFor(string storePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storePath);
        var full = System.IO.Path.GetFullPath(storePath);
        var name = System.IO.Path.GetFileNameWithoutExtension(full);
        return System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full)!, name + ".inbox.db");
    }

    /// <summary>Creates the inbox table in the file <paramref name="connection"/> is open on, if it is not there yet.</summary>
    /// <exception cref="CorpException">The file was written by a newer host.</exception>
    public static async Task EnsureSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var version = await connection.ExecuteScalarAsync<long>(new CommandDefinition("PRAGMA user_version", cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        if (version == SchemaVersion)
            return;
        if (version > SchemaVersion)
        {
            throw new CorpException(CorpErrorKind.Configuration,
                $"The event inbox '{connection.DataSource}' has schema version {version}, newer than the {SchemaVersion} this corps host knows.",
                "Use the corps version that wrote it, or point --store at another file.");
        }

        // WAL as the store: the processor reads pending rows while acknowledgements append, and neither waits for the other.
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode = WAL", cancellationToken: cancellationToken)).ConfigureAwait(false);
        // One transaction, IF NOT EXISTS and the version last: two processes creating the file at once both succeed.
        using var transaction = connection.BeginTransaction(deferred: false);
        await connection.ExecuteAsync(new CommandDefinition($"""
            -- Webhook deliveries, stored before they are acknowledged (at-least-once delivery, deduplicated per corp).
            CREATE TABLE IF NOT EXISTS event_inbox (
                id           INTEGER PRIMARY KEY,
                corp         TEXT NOT NULL,
                event_id     TEXT NOT NULL,
                event_type   TEXT,
                received_at  TEXT NOT NULL,
                payload      TEXT NOT NULL,
                status       TEXT NOT NULL DEFAULT 'pending',
                attempts     INTEGER NOT NULL DEFAULT 0,
                last_error   TEXT,
                applied_at   TEXT,
                UNIQUE (corp, event_id)
            );
            CREATE INDEX IF NOT EXISTS ix_event_inbox_status ON event_inbox(corp, status, id);
            PRAGMA user_version = {SchemaVersion};
            """, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        transaction.Commit();
    }
}
