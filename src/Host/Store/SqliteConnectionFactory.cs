using Microsoft.Data.Sqlite;

namespace Corps.Host.Store;

/// <summary>Opens pooled connections to one store file, each set up the same way.</summary>
internal sealed class SqliteConnectionFactory
{
    /// <summary>How long a statement waits for another writer before it fails.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    public SqliteConnectionFactory(string path)
    {
        Path = path;
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();
    }

    /// <summary>The store file.</summary>
    public string Path { get; }

    /// <summary>The connection string (no secrets: SQLite files are not encrypted here).</summary>
    public string ConnectionString { get; }

    /// <summary>Opens a connection with the per-connection settings applied.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var command = connection.CreateCommand();
            // WAL is a property of the file and sticks; synchronous=NORMAL is safe under WAL and much faster. A 64 MiB page
            // cache keeps a large sync's transaction from spilling dirty index pages to disk halfway (the default is 2 MiB).
            command.CommandText = $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Closes the pooled connections so the file can be moved or deleted.</summary>
    public void ClearPool()
    {
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }
}
