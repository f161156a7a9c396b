using Corps.Abstractions;
using Corps.Host.Store;
using Corps.Host.Sync;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corps.Host.Tests.Fakes;

/// <summary>A real store file in its own temp folder, removed on dispose.</summary>
public sealed class TestStore : IAsyncDisposable
{
    private TestStore(string directory, CorpDatabase database)
    {
        Directory = directory;
        Database = database;
    }

    public string Directory { get; }

    public string Path => Database.Path;

    public CorpDatabase Database { get; }

    public static async Task<TestStore> CreateAsync(TimeSpan? lockWait = null)
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "corps-tests", Guid.NewGuid().ToString("N"));
        var database = await OpenAsync(System.IO.Path.Combine(directory, "data", "corps.db"), lockWait);
        return new TestStore(directory, database);
    }

    /// <summary>Another store object on the same file: behaves like a second process.</summary>
    internal static Task<CorpDatabase> OpenAsync(string path, TimeSpan? lockWait = null) =>
        CorpDatabase.OpenAsync(path, TimeProvider.System, NullLoggerFactory.Instance,
            SyncLockOptions.Default with { Wait = lockWait ?? TimeSpan.FromSeconds(30), PollInterval = TimeSpan.FromMilliseconds(20) },
            CancellationToken.None);

    public FakeCorp Corp(string name = "Acme", DeletionGuardOptions? guard = null, CorpDatabase? database = null)
    {
        var element = TestElements.Create(name, guard);
        var db = database ?? Database;
        return new FakeCorp(new CorpContext
        {
            Element = element,
            Store = db.ForCorp(element),
            Sync = db.Sync,
            LoggerFactory = NullLoggerFactory.Instance,
        });
    }

    /// <summary>Runs SQL against the file (setup and inspection).</summary>
    public async Task<SqliteConnection> ConnectAsync() => await Database.OpenConnectionAsync(CancellationToken.None);

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await ConnectAsync();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Puts a lock row in the store as another holder left it (a sync's lock is keyed by the corp's full name, the
    /// service's by <c>corps serve</c>): a live one to wait for, or a dead or hung one to take over.
    /// </summary>
    public Task InsertLockAsync(string key, string holder, long pid, string host, DateTimeOffset acquiredAt, DateTimeOffset heartbeatAt) =>
        ExecuteAsync($"""
            INSERT INTO sync_locks (corp_full_name, holder, holder_pid, holder_host, acquired_at, heartbeat_at)
            VALUES ('{key}', '{holder}', {pid}, '{host}', '{StoreTime.Format(acquiredAt)}', '{StoreTime.Format(heartbeatAt)}')
            """);

    /// <summary>Runs a scalar query against the event inbox's own file.</summary>
    public async Task<long> InboxScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Database.InboxPath, Pooling = false }.ToString());
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await ConnectAsync();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every row of every table but the given ones, as text: equal dumps mean equal content.</summary>
    public async Task<string> DumpAsync(params string[] except)
    {
        await using var connection = await ConnectAsync();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }

        var dump = new System.Text.StringBuilder();
        foreach (var table in tables.Where(t => !except.Contains(t)))
        {
            dump.Append("## ").AppendLine(table);
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1, 2";
            using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                    dump.Append(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                dump.AppendLine();
            }
        }

        return dump.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a pooled connection of another store object; the temp folder is cleaned eventually.
        }
    }
}
