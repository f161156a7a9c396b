using Corps.Abstractions;
using Corps.Host.Store;
using Corps.Host.Store.Migrations;
using Corps.Host.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using static Corps.Host.Tests.Fakes.Snapshots;

namespace Corps.Host.Tests.Store;

public sealed class CorpDatabaseTests
{
    [Fact]
    public async Task OpenAsync_MissingFolder_CreatesTheFileInWalModeAtTheLatestSchema()
    {
        await using var store = await TestStore.CreateAsync();

        Assert.True(File.Exists(store.Path));
        await using var connection = await store.ConnectAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        Assert.Equal(MigrationRunner.LatestVersion, await store.ScalarAsync("SELECT MAX(version) FROM schema_version"));
    }

    [Fact]
    public async Task OpenAsync_ExistingFile_KeepsDataAndDoesNotMigrateAgain()
    {
        await using var store = await TestStore.CreateAsync();
        var corp = store.Corp();
        corp.Snapshot = Small();
        await corp.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);

        await using var reopened = await CorpDatabase.OpenAsync(store.Path, TimeProvider.System, NullLoggerFactory.Instance, CancellationToken.None);

        Assert.Equal(MigrationRunner.LatestVersion, await store.ScalarAsync("SELECT COUNT(*) FROM schema_version"));
        Assert.Single(await reopened.GetRunsAsync("corps.Acme", 5, CancellationToken.None));
    }

    [Fact]
    public async Task OpenAsync_SchemaOneFileWithGroups_MigratedGroupsKeptAsNormalAndUnchanged()
    {
        await using var store = await TestStore.CreateAsync();
        var corp = store.Corp();
        corp.Snapshot = Small();
        await corp.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);
        // The file as the first schema left it: no is_dynamic column, the inbox inside the store, version 1.
        await store.ExecuteAsync("""
            ALTER TABLE groups DROP COLUMN is_dynamic;
            DROP TABLE applied_events;
            CREATE TABLE event_inbox (id INTEGER PRIMARY KEY, corp_id INTEGER NOT NULL REFERENCES corps(id), event_id TEXT NOT NULL,
                event_type TEXT, received_at TEXT NOT NULL, payload TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'pending',
                attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, applied_at TEXT, UNIQUE (corp_id, event_id));
            DELETE FROM schema_version WHERE version >= 2;
            """);

        await using var reopened = await CorpDatabase.OpenAsync(store.Path, TimeProvider.System, NullLoggerFactory.Instance, CancellationToken.None);
        var migrated = store.Corp(database: reopened);
        migrated.Snapshot = Small();
        var again = await migrated.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);

        Assert.Equal(MigrationRunner.LatestVersion, await store.ScalarAsync("SELECT MAX(version) FROM schema_version"));
        Assert.Equal(1, await store.ScalarAsync("SELECT COUNT(*) FROM groups WHERE is_dynamic = 0"));
        Assert.Equal(0, again.RowsWritten);
    }

    [Fact]
    public async Task OpenAsync_NewerSchema_IsRefusedWithAClearMessage()
    {
        await using var store = await TestStore.CreateAsync();
        await store.ExecuteAsync("INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'future', '2030-01-01')");

        var error = await Assert.ThrowsAsync<CorpException>(() =>
            CorpDatabase.OpenAsync(store.Path, TimeProvider.System, NullLoggerFactory.Instance, CancellationToken.None));

        Assert.Equal(CorpErrorKind.Configuration, error.Kind);
        Assert.Contains($"schema version 99, newer than the {MigrationRunner.LatestVersion} this corps host knows", error.Message, StringComparison.Ordinal);
        Assert.Contains(store.Path, error.Message);
    }

    [Fact]
    public async Task OpenAsync_NotADatabase_SaysWhichFileAndWhatToDo()
    {
        var directory = Path.Combine(Path.GetTempPath(), "corps-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "corps.db");
        await File.WriteAllTextAsync(path, new string('x', 4096));
        try
        {
            var error = await Assert.ThrowsAsync<CorpException>(() =>
                CorpDatabase.OpenAsync(path, TimeProvider.System, NullLoggerFactory.Instance, CancellationToken.None));

            Assert.Equal(CorpErrorKind.Configuration, error.Kind);
            Assert.Contains(path, error.Message);
            Assert.Contains("--store", error.Message);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task GetCorpSummariesAsync_AfterSyncs_CountsPerCorp()
    {
        await using var store = await TestStore.CreateAsync();
        var acme = store.Corp("Acme");
        acme.Snapshot = Small();
        await acme.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);
        var other = store.Corp("Other");
        other.Snapshot = Of([Dept("X")], [Member("x1", "X")]);
        await other.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);
        await acme.OfflineMemberAsync([(await acme.GetLocalCorpDataAsync(CancellationToken.None)).Members[0].Id], CancellationToken.None);

        var summaries = await store.Database.GetCorpSummariesAsync(CancellationToken.None);

        Assert.Equal(["corps.Acme", "corps.Other"], summaries.Select(s => s.FullName));
        Assert.Equal((3, 1, 3, SyncOutcome.Applied), (summaries[0].ActiveMembers, summaries[0].ResignedMembers, summaries[0].Departments, summaries[0].LastRunOutcome!.Value));
        Assert.Equal(1, summaries[1].ActiveMembers);
        Assert.Equal("Acme Inc.", summaries[0].Title);
    }
}
