using Corps.Abstractions;
using Corps.Host.Catalog;
using Corps.Host.Elements;
using Corps.Host.Plugins;
using Corps.Host.Store;
using Microsoft.Extensions.Logging;

namespace Corps.Host.Cli;

/// <summary>Everything one command works with: the catalog of corps, and the store they share.</summary>
public sealed class CorpsSession : IAsyncDisposable
{
    private readonly CorpDatabase? _database;

    private CorpsSession(CorpCatalog catalog, CorpDatabase? database)
    {
        Catalog = catalog;
        _database = database;
    }

    /// <summary>The elements, plugins and corps.</summary>
    public CorpCatalog Catalog { get; }

    /// <summary>The store, or null when the command did not need one and none existed.</summary>
    public CorpDatabase? Database => _database;

    internal static Task<CorpsSession> OpenAsync(CliContext context, bool openStore, CancellationToken cancellationToken) =>
        OpenAsync(context, context.ElementsDirectory, context.StorePath, context.Environment, openStore, cancellationToken);

    /// <summary>Opens a session over other elements, store and environment than the global options name (<c>corps demo</c>).</summary>
    internal static async Task<CorpsSession> OpenAsync(CliContext context, string elementsDirectory, string storePath,
        Func<string, string?> environment, bool openStore, CancellationToken cancellationToken)
    {
        var discovery = new ElementLoader(environment).Discover(elementsDirectory);
        var plugins = new PluginLoader(context.LoggerFactory.CreateLogger<PluginLoader>()).LoadAll(context.PluginsDirectory);
        CorpDatabase? database = null;
        if (openStore || File.Exists(storePath))
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(storePath)!);
                database = await CorpDatabase.OpenAsync(storePath, context.Time, context.LoggerFactory, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CorpException(CorpErrorKind.Configuration, $"The store {storePath} cannot be opened ({ex.Message}).",
                    "Check the path and its permissions, or pass another file with --store.", ex);
            }
        }

        var closed = new ClosedStore(storePath);
        var catalog = CorpCatalog.Create(discovery, plugins, element => new CorpContext
        {
            Element = element,
            Store = database is null ? closed : database.ForCorp(element),
            Sync = database is null ? closed : database.Sync,
            LoggerFactory = context.LoggerFactory,
            Time = context.Time,
        }, context.LoggerFactory.CreateLogger<CorpCatalog>());
        return new CorpsSession(catalog, database);
    }

    /// <summary>The ready corp named <paramref name="name"/>; otherwise a configuration error saying what to do.</summary>
    public ICorp RequireCorp(string name)
    {
        if (Catalog.Discovery.Problems.Count > 0)
            throw new CorpException(CorpErrorKind.Configuration, Catalog.Discovery.Problems[0].ToString());
        var entry = Catalog.Find(name) ?? throw new CorpException(CorpErrorKind.Configuration,
            $"There is no element named '{name}' in {Catalog.Discovery.Directory}.", "Run 'corps list' to see the elements.");
        return entry is { Status: CorpEntryStatus.Ready, Corp: { } corp }
            ? corp
            : throw new CorpException(CorpErrorKind.Configuration, $"{entry.FullName} cannot be used ({entry.Status}): {entry.Message}");
    }

    /// <summary>The last sync run of a corp, or null (also when there is no store yet).</summary>
    public async Task<SyncReport?> LastRunAsync(string corpFullName, CancellationToken cancellationToken)
    {
        if (_database is null)
            return null;
        var runs = await _database.GetRunsAsync(corpFullName, 1, cancellationToken).ConfigureAwait(false);
        return runs.Count > 0 ? runs[0] : null;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (var corp in Catalog.Entries.Select(entry => entry.Corp))
        {
            if (corp is IAsyncDisposable asyncDisposable)
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            else if (corp is IDisposable disposable)
                disposable.Dispose();
        }

        if (_database is not null)
            await _database.DisposeAsync().ConfigureAwait(false);
        foreach (var plugin in Catalog.Plugins)
            plugin.Unload();
    }
}
