using Corps.Host.Events;
using Corps.Host.Store;
using Corps.Host.Store.Migrations;
using Corps.Host.Tests.Fakes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corps.Host.Tests.Store;

/// <summary>A store written before the inbox had its own file (schema 1, <c>event_inbox</c> inside) opened by this host.</summary>
public sealed class InboxMigrationTests : IDisposable
{
    private const string Acme = "corps.Acme";
    private const string Other = "corps.Other";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "corps-tests", Guid.NewGuid().ToString("N"));

    private string StorePath => Path.Combine(_directory, "corps.db");

    [Fact]
    public async Task OpenAsync_StoreWithTheInboxInside_MovesEveryRowToTheInboxFile()
    {
        await CreateVersion1StoreAsync();

        await using (var database = await OpenAsync())
        {
            Assert.Equal(Path.Combine(_directory, "corps.inbox.db"), database.InboxPath);
            Assert.Equal(3L, await ScalarAsync(StorePath, "SELECT MAX(version) FROM schema_version"));
            Assert.Equal(0L, await ScalarAsync(StorePath, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'event_inbox'"));
            Assert.Equal(0L, await ScalarAsync(StorePath, "SELECT COUNT(*) FROM applied_events"));
        }

        var inbox = new SqliteEventInbox(StorePath, TimeProvider.System);
        Assert.Equal(new InboxCounts(Pending: 2, Parked: 1, Applied: 1), await inbox.GetCountsAsync(Acme, CancellationToken.None));
        var pending = await inbox.GetPendingAsync(Acme, 10, CancellationToken.None);
        Assert.Equal(["p1", "p2"], pending.Select(e => e.EventId));
        Assert.Equal("Ann", CorpEventJson.Deserialize(pending[0].Payload).Member?.Name);
        Assert.Equal(Received(2), pending[0].ReceivedAt);
        var parked = Assert.Single(await inbox.GetParkedAsync(Acme, 10, CancellationToken.None));
        Assert.Equal(("k1", 5, "boom"), (parked.EventId, parked.Attempts, parked.LastError));
        Assert.Equal(["o1"], (await inbox.GetPendingAsync(Other, 10, CancellationToken.None)).Select(e => e.EventId));
        // The moved rows still deduplicate deliveries, applied ones included.
        Assert.False(await inbox.AddAsync(Acme, TestEvents.MemberUpserted("a1", "ou_a1", "again"), CancellationToken.None));
        Assert.False(await inbox.AddAsync(Acme, TestEvents.MemberUpserted("p1", "ou_p1", "again"), CancellationToken.None));
    }

    [Fact]
    public async Task OpenAsync_MigratedStoreOpenedAgain_MovesNothingTwice()
    {
        await CreateVersion1StoreAsync();
        await using (await OpenAsync())
        {
        }

        await using (await OpenAsync())
        {
        }

        Assert.Equal(5L, await ScalarAsync(InboxFile.PathFor(StorePath), "SELECT COUNT(*) FROM event_inbox"));
        Assert.Equal(3L, await ScalarAsync(StorePath, "SELECT COUNT(*) FROM schema_version"));
    }

    [Fact]
    public async Task OpenAsync_CopyCommittedButTheStoreStepNot_CopiesEachRowOnce()
    {
        await CreateVersion1StoreAsync();
        // A crash between the two commits: the inbox file has the rows, the store still has its table at version 1.
        await using (var connection = await ConnectAsync(StorePath))
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            await Schema003.Migration.Before!(new MigrationStep(connection, transaction, StorePath, TimeProvider.System, CancellationToken.None));
            transaction.Rollback();
        }

        Assert.Equal(5L, await ScalarAsync(InboxFile.PathFor(StorePath), "SELECT COUNT(*) FROM event_inbox"));
        Assert.Equal(1L, await ScalarAsync(StorePath, "SELECT MAX(version) FROM schema_version"));

        await using (await OpenAsync())
        {
        }

        Assert.Equal(5L, await ScalarAsync(InboxFile.PathFor(StorePath), "SELECT COUNT(*) FROM event_inbox"));
        Assert.Equal(5L, await ScalarAsync(InboxFile.PathFor(StorePath), "SELECT COUNT(DISTINCT corp || '/' || event_id) FROM event_inbox"));
        Assert.Equal(0L, await ScalarAsync(StorePath, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'event_inbox'"));
    }

    [Fact]
    public async Task OpenAsync_NewerInboxFile_IsRefusedWithAClearMessage()
    {
        await using (await OpenAsync())
        {
        }

        await using (var inboxFile = await ConnectAsync(InboxFile.PathFor(StorePath)))
        {
            using var command = inboxFile.CreateCommand();
            command.CommandText = "PRAGMA user_version = 7";
            await command.ExecuteNonQueryAsync();
        }

        var inbox = new SqliteEventInbox(StorePath, TimeProvider.System);
        var error = await Assert.ThrowsAsync<Abstractions.CorpException>(() => inbox.GetCountsAsync(Acme, CancellationToken.None));

        Assert.Contains("schema version 7, newer than the 1 this corps host knows", error.Message, StringComparison.Ordinal);
        Assert.Contains("corps.inbox.db", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        new SqliteConnectionFactory(StorePath).ClearPool();
        new SqliteConnectionFactory(InboxFile.PathFor(StorePath)).ClearPool();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held elsewhere; the temp folder is cleaned eventually.
        }
    }

    private static DateTimeOffset Received(int minute) => new(2026, 1, 1, 0, minute, 0, TimeSpan.Zero);

    private Task<CorpDatabase> OpenAsync() => CorpDatabase.OpenAsync(StorePath, TimeProvider.System, NullLoggerFactory.Instance, CancellationToken.None);

    /// <summary>What the previous host left: schema 1 with two corps' events in the store file, one of each state.</summary>
    private async Task CreateVersion1StoreAsync()
    {
        Directory.CreateDirectory(_directory);
        await using var connection = await ConnectAsync(StorePath);
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL");
        await ExecuteAsync(connection, """
            CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL);
            INSERT INTO schema_version VALUES (1, 'initial schema', '2026-01-01T00:00:00.0000000+00:00');
            """);
        await ExecuteAsync(connection, Schema001.Migration.Sql);
        await ExecuteAsync(connection, $"INSERT INTO corps (id, full_name, created_at) VALUES (1, '{Acme}', '2026-01-01'), (2, '{Other}', '2026-01-01')");
        var rows = new (int Corp, string EventId, string Status, int Attempts, string? Error, string? AppliedAt)[]
        {
            (1, "a1", "applied", 0, null, StoreTime.Format(Received(1))),
            (1, "p1", "pending", 0, null, null),
            (1, "k1", "parked", 5, "boom", null),
            (2, "o1", "pending", 1, "retrying", null),
            (1, "p2", "pending", 0, null, null),
        };
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO event_inbox (corp_id, event_id, event_type, received_at, payload, status, attempts, last_error, applied_at)
                VALUES ($corp, $id, 'contact.user.updated_v3', $received, $payload, $status, $attempts, $error, $applied)
                """;
            insert.Parameters.AddWithValue("$corp", row.Corp);
            insert.Parameters.AddWithValue("$id", row.EventId);
            insert.Parameters.AddWithValue("$received", StoreTime.Format(Received(i + 1)));
            insert.Parameters.AddWithValue("$payload", CorpEventJson.Serialize(TestEvents.MemberUpserted(row.EventId, "ou_" + row.EventId, i == 1 ? "Ann" : row.EventId)));
            insert.Parameters.AddWithValue("$status", row.Status);
            insert.Parameters.AddWithValue("$attempts", row.Attempts);
            insert.Parameters.AddWithValue("$error", (object?)row.Error ?? DBNull.Value);
            insert.Parameters.AddWithValue("$applied", (object?)row.AppliedAt ?? DBNull.Value);
            await insert.ExecuteNonQueryAsync();
        }
    }

    private static async Task<SqliteConnection> ConnectAsync(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(string path, string sql)
    {
        await using var connection = await ConnectAsync(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
