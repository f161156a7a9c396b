using Corps.Host.Store;
using Corps.Host.Store.Migrations;

namespace Corps.Host.Tests.Fakes;

/// <summary>A real, migrated store file in a unique temp folder, deleted on dispose.</summary>
internal sealed class TestStore : IAsyncDisposable
{
    private TestStore(string directory)
    {
        Directory = directory;
        Path = System.IO.Path.Combine(directory, "corps.db");
    }

    public string Directory { get; }

    public string Path { get; }

    public static async Task<TestStore> CreateAsync()
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "corps-serve-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var store = new TestStore(directory);
        var factory = new SqliteConnectionFactory(store.Path);
        await using (var connection = await factory.OpenAsync(CancellationToken.None))
            await MigrationRunner.MigrateAsync(connection, store.Path, TimeProvider.System, CancellationToken.None);
        return store;
    }

    public ValueTask DisposeAsync()
    {
        new SqliteConnectionFactory(Path).ClearPool();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A connection still closing; the temp folder is cleaned by the OS eventually.
        }

        return ValueTask.CompletedTask;
    }
}
