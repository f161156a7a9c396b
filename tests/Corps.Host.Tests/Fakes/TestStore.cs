using Corps.Host.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corps.Host.Tests.Fakes;

/// <summary>A real, migrated store file in a unique temp folder, deleted on dispose.</summary>
internal sealed class TestStore : IAsyncDisposable
{
    private TestStore(string directory, CorpDatabase database)
    {
        Directory = directory;
        Database = database;
    }

    public string Directory { get; }

    public CorpDatabase Database { get; }

    public string Path => Database.Path;

    public static async Task<TestStore> CreateAsync()
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "corps-serve-tests", Guid.NewGuid().ToString("N"));
        var database = await CorpDatabase.OpenAsync(System.IO.Path.Combine(directory, "corps.db"), TimeProvider.System,
            NullLoggerFactory.Instance, CancellationToken.None);
        return new TestStore(directory, database);
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
            // A pooled connection still closing; the OS cleans the temp folder eventually.
        }
    }
}
