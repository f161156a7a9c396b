using System.Reflection;
using Corps.Abstractions;
using Corps.Host.Elements;
using Corps.Host.Plugins;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corps.Host.Catalog;

/// <summary>
/// Elements plus plugins: one entry per element, with its corp created when everything lines up.
/// </summary>
/// <remarks>
/// The catalog does not know the store: the caller hands it a factory that builds each corp's
/// <see cref="CorpContext"/>. Constructors are plugin code, so each runs inside its own try/catch: a throwing
/// constructor marks only its own entry.
/// </remarks>
public sealed class CorpCatalog
{
    private readonly Dictionary<string, CorpEntry> _byName;

    private CorpCatalog(ElementDiscovery discovery, IReadOnlyList<LoadedPlugin> plugins, IReadOnlyList<CorpEntry> entries)
    {
        Discovery = discovery;
        Plugins = plugins;
        Entries = entries;
        // Element folders differing only by case are both refused by the loader, yet both are entries: keep the first
        // for lookups rather than fail on the duplicate key.
        _byName = new Dictionary<string, CorpEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
            _byName.TryAdd(entry.Name, entry);
    }

    /// <summary>What the elements directory held.</summary>
    public ElementDiscovery Discovery { get; }

    /// <summary>Every plugin folder and its status.</summary>
    public IReadOnlyList<LoadedPlugin> Plugins { get; }

    /// <summary>One entry per element folder, ordered by name.</summary>
    public IReadOnlyList<CorpEntry> Entries { get; }

    /// <summary>Every corp type served by a loaded plugin, with the plugin serving it.</summary>
    public IReadOnlyDictionary<string, LoadedPlugin> Types =>
        Plugins.Where(plugin => plugin.Status == PluginStatus.Loaded)
            .SelectMany(plugin => plugin.CorpTypes.Keys.Select(type => (type, plugin)))
            .ToDictionary(pair => pair.type, pair => pair.plugin, StringComparer.Ordinal);

    /// <summary>How long a corp type's constructor may run before its entry is marked <see cref="CorpEntryStatus.CreateFailed"/>.</summary>
    public static TimeSpan DefaultCreateTimeout { get; } = TimeSpan.FromSeconds(10);

    /// <summary>Builds the catalog and creates every corp whose element is valid and whose type is served.</summary>
    /// <param name="discovery">The elements found.</param>
    /// <param name="plugins">The plugins loaded (failed ones included).</param>
    /// <param name="contextFactory">Builds the context a corp is created with.</param>
    /// <param name="logger">Logs constructor failures.</param>
    /// <param name="createTimeout">How long one constructor may run; <see cref="DefaultCreateTimeout"/> when null.</param>
    public static CorpCatalog Create(ElementDiscovery discovery, IReadOnlyList<LoadedPlugin> plugins,
        Func<CorpElement, CorpContext> contextFactory, ILogger<CorpCatalog>? logger = null, TimeSpan? createTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(discovery);
        ArgumentNullException.ThrowIfNull(plugins);
        ArgumentNullException.ThrowIfNull(contextFactory);
        logger ??= NullLogger<CorpCatalog>.Instance;

        var types = plugins.Where(plugin => plugin.Status == PluginStatus.Loaded)
            .SelectMany(plugin => plugin.CorpTypes.Select(pair => (pair.Key, Plugin: plugin, Class: pair.Value)))
            .ToDictionary(entry => entry.Key, entry => (entry.Plugin, entry.Class), StringComparer.Ordinal);
        var failed = plugins.Where(plugin => plugin.Status == PluginStatus.Failed).ToList();
        var timeout = createTimeout ?? DefaultCreateTimeout;
        var entries = discovery.Elements.Select(result => CreateEntry(result, types, failed, contextFactory, logger, timeout)).ToList();
        return new CorpCatalog(discovery, plugins, entries);
    }

    /// <summary>The entry named <paramref name="name"/> (the element name or <c>corps.&lt;Name&gt;</c>, any case).</summary>
    public CorpEntry? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = name.StartsWith("corps.", StringComparison.OrdinalIgnoreCase) ? name["corps.".Length..] : name;
        return _byName.GetValueOrDefault(key);
    }

    private static CorpEntry CreateEntry(ElementResult result, Dictionary<string, (LoadedPlugin Plugin, Type Class)> types,
        List<LoadedPlugin> failed, Func<CorpElement, CorpContext> contextFactory, ILogger logger, TimeSpan timeout)
    {
        var problems = result.Errors.Concat(result.Warnings).ToList();
        var entry = new CorpEntry
        {
            Name = result.Name,
            Title = result.Title,
            Type = result.Type,
            Status = CorpEntryStatus.ElementInvalid,
            Message = result.Errors.Count > 0 ? result.Errors[0].ToString() : "The element is invalid.",
            Problems = problems,
            Element = result.Element,
        };
        if (!result.IsValid || result.Element is not { } element)
            return entry;

        if (!types.TryGetValue(element.Type, out var served))
        {
            return failed.Count > 0
                ? entry with
                {
                    Status = CorpEntryStatus.PluginFailed,
                    Message = $"Corp type '{element.Type}' is not served: {failed.Count} plugin(s) failed to load ({string.Join("; ", failed.Select(plugin => plugin.Message))}).",
                }
                : entry with
                {
                    Status = CorpEntryStatus.TypeUnknown,
                    Message = types.Count == 0
                        ? $"Corp type '{element.Type}' is not served: no plugin is loaded. Copy the plugin for '{element.Type}' into the plugins directory (see --plugins)."
                        : $"Corp type '{element.Type}' is not served by any plugin (known: {string.Join(", ", types.Keys.Order(StringComparer.Ordinal))}). Fix 'type' in e.json or install the plugin.",
                };
        }

        entry = entry with { Plugin = served.Plugin.Name };
        try
        {
            var constructor = served.Class.GetConstructor([typeof(CorpContext)])!;
            var context = contextFactory(element);
            // Plugin code that blocks (I/O against a dead host, a deadlock) must not hang every command and the service:
            // the constructor runs on a pool thread and, past the timeout, its entry is marked and the thread abandoned
            // (threads cannot be aborted). A corp that still arrives later is disposed, never used.
            var creation = Task.Run(() => (ICorp)constructor.Invoke([context]));
            if (!creation.Wait(timeout))
            {
                CatalogLog.CreateTimedOut(logger, element.FullName, element.Type, (long)timeout.TotalMilliseconds);
                _ = creation.ContinueWith(static late => (late.Result as IDisposable)?.Dispose(), CancellationToken.None,
                    TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
                return entry with
                {
                    Status = CorpEntryStatus.CreateFailed,
                    Message = $"Creating {element.FullName} ({element.Type}) did not finish within {timeout.TotalSeconds:0} s: the corp type's constructor hangs. Constructors must not do I/O; report it to the plugin's author.",
                };
            }

            return entry with { Status = CorpEntryStatus.Ready, Corp = creation.Result, Message = $"Served by plugin '{served.Plugin.Name}'." };
        }
        catch (Exception ex)
        {
            var cause = ex is AggregateException { InnerException: { } aggregated } ? aggregated : ex;
            cause = cause is TargetInvocationException { InnerException: { } inner } ? inner : cause;
            CatalogLog.CreateFailed(logger, cause, element.FullName, element.Type);
            var what = cause is CorpException corpException ? corpException.Message : $"{cause.GetType().Name}: {cause.Message}";
            return entry with
            {
                Status = CorpEntryStatus.CreateFailed,
                Message = $"Creating {element.FullName} ({element.Type}) failed: {what} Check the element's settings or report it to the plugin's author.",
            };
        }
    }
}
