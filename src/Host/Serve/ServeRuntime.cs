using Corps.Abstractions;
using Corps.Host.Catalog;
using Corps.Host.Elements;
using Corps.Host.Events;
using Corps.Host.Plugins;
using Corps.Host.Store;
using Microsoft.Extensions.Logging;

namespace Corps.Host.Serve;

/// <summary>
/// What a running service is made of: the elements and plugins (the catalog), the store, and the corps created over
/// them. Disposing it releases the corps, the store and the plugins.
/// </summary>
public sealed class ServeRuntime : IAsyncDisposable
{
    private readonly ServeRuntimeOptions _options;

    private ServeRuntime(ServeRuntimeOptions options, CorpCatalog catalog, CorpDatabase database)
    {
        _options = options;
        Catalog = catalog;
        Database = database;
        Corps = new ServedCorps(catalog.Entries.Where(e => e is { Status: CorpEntryStatus.Ready, Corp: not null }).Select(e => e.Corp!));
    }

    /// <summary>Every element and plugin, ready or not.</summary>
    public CorpCatalog Catalog { get; }

    /// <summary>The store.</summary>
    public CorpDatabase Database { get; }

    /// <summary>The ready corps, the ones the service keeps in step.</summary>
    public ServedCorps Corps { get; }

    /// <summary>Loads elements and plugins, opens (and migrates) the store and creates the corps.</summary>
    /// <exception cref="CorpException">The store cannot be opened.</exception>
    public static async Task<ServeRuntime> OpenAsync(ServeRuntimeOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var discovery = new ElementLoader(options.Environment).Discover(options.ElementsDirectory);
        var plugins = new PluginLoader(options.LoggerFactory.CreateLogger<PluginLoader>()).LoadAll(options.PluginsDirectory);
        CorpDatabase database;
        try
        {
            database = await CorpDatabase.OpenAsync(options.StorePath, options.Time, options.LoggerFactory, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            foreach (var plugin in plugins)
                plugin.Unload();
            throw;
        }

        var catalog = CorpCatalog.Create(discovery, plugins, element => new CorpContext
        {
            Element = element,
            Store = database.ForCorp(element),
            Sync = database.Sync,
            LoggerFactory = options.LoggerFactory,
            Time = options.Time,
        }, options.LoggerFactory.CreateLogger<CorpCatalog>());
        return new ServeRuntime(options, catalog, database);
    }

    /// <summary>The settings for <see cref="ServeHost.Build"/> over this runtime.</summary>
    public ServeSettings CreateSettings(string urls) => new()
    {
        Urls = urls,
        Corps = Corps,
        Unavailable = Unavailable(Catalog),
        Inbox = new SqliteEventInbox(Database.Path, _options.Time),
        Applier = new StoreEventApplier(Database),
        Time = _options.Time,
        LoggerFactory = _options.LoggerFactory,
    };

    /// <summary>The catalog's entries that are not ready, as status shows them.</summary>
    public static IReadOnlyList<UnavailableCorp> Unavailable(CorpCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return [.. catalog.Entries.Where(e => e.Corp is null).Select(e => new UnavailableCorp(e.Name, e.FullName, e.Status.ToString(), e.Message))];
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

        await Database.DisposeAsync().ConfigureAwait(false);
        foreach (var plugin in Catalog.Plugins)
            plugin.Unload();
    }
}
