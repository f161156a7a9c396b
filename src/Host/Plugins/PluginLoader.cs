using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corps.Host.Plugins;

/// <summary>
/// Loads every plugin folder of a plugins directory, each into its own collectible load context.
/// </summary>
/// <remarks>
/// <para>Lifecycle per folder: read <c>plugin.json</c> (optional) and check its host ABI before loading anything; load
/// only the main assembly the folder declares (<c>plugin.json</c>'s <c>assembly</c>, else <c>&lt;folder&gt;.dll</c>);
/// scan that assembly eagerly for corp types. Each folder ends <see cref="PluginStatus.Loaded"/> or
/// <see cref="PluginStatus.Failed"/> with a message; no plugin failure escapes <see cref="LoadAll"/>.</para>
/// <para>A corp type served by two plugins is refused in the second folder (ordinal folder order) with a message naming
/// both, so which implementation runs never depends on chance.</para>
/// </remarks>
public sealed class PluginLoader
{
    private readonly ILogger<PluginLoader> _logger;

    /// <summary>Creates a loader that logs each plugin's outcome.</summary>
    public PluginLoader(ILogger<PluginLoader>? logger = null) => _logger = logger ?? NullLogger<PluginLoader>.Instance;

    /// <summary>The default plugins directory: <c>plugins/</c> beside the <c>corps</c> executable.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>Loads every subfolder of <paramref name="directory"/>; a missing directory yields no plugins.</summary>
    public IReadOnlyList<LoadedPlugin> LoadAll(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            PluginLog.NoPluginsDirectory(_logger, directory);
            return [];
        }

        var plugins = Directory.EnumerateDirectories(directory)
            .Where(folder => !Path.GetFileName(folder).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .Select(folder => Load(folder, Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)))))
            .ToList();
        RefuseDuplicateTypes(plugins);
        return plugins;
    }

    private LoadedPlugin Load(string folder, string directoryName)
    {
        var folderName = Path.GetFileName(folder);
        var display = $"{directoryName}/{folderName}";
        PluginLoadContext? context = null;
        try
        {
            var manifest = PluginManifest.Read(folder, display);
            var assemblyFile = manifest.Assembly ?? folderName + ".dll";
            var assemblyPath = Path.Combine(folder, assemblyFile);
            if (!File.Exists(assemblyPath))
            {
                throw new PluginLoadException($"{display}: main assembly {assemblyFile} is missing.",
                    $"Copy the plugin's build output into the folder, or name the main assembly in {PluginManifest.FileName} (\"assembly\": \"….dll\").");
            }

            var name = manifest.Name ?? folderName;
            context = new PluginLoadContext(name, assemblyPath, SharedAssemblies.Host);
            var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(assemblyPath));
            var types = CorpTypeScanner.Scan(assembly, SharedAssemblies.Host, display);
            var message = $"serves {string.Join(", ", types.Keys.Order(StringComparer.Ordinal))} from {assemblyFile}";
            PluginLog.Loaded(_logger, name, folder, types.Count);
            return new LoadedPlugin(name, folder, PluginStatus.Loaded, message, types, context, assembly);
        }
        catch (Exception ex)
        {
            // The plugin boundary: whatever a plugin does wrong while loading becomes its status, never the host's crash.
            context?.Unload();
            var message = ex is PluginLoadException
                ? ex.Message
                : $"{display}: could not be loaded ({ex.GetType().Name}: {ex.Message}). Rebuild the plugin against this host's Corps.Abstractions.";
            PluginLog.Failed(_logger, ex, folderName, folder);
            return new LoadedPlugin(folderName, folder, PluginStatus.Failed, message, new Dictionary<string, Type>(), null, null);
        }
    }

    private void RefuseDuplicateTypes(IReadOnlyList<LoadedPlugin> plugins)
    {
        var owners = new Dictionary<string, LoadedPlugin>(StringComparer.Ordinal);
        foreach (var plugin in plugins.Where(plugin => plugin.Status == PluginStatus.Loaded))
        {
            var clash = plugin.CorpTypes.Keys.FirstOrDefault(owners.ContainsKey);
            if (clash is not null)
            {
                var first = owners[clash];
                PluginLog.DuplicateType(_logger, clash, first.Directory, plugin.Directory);
                plugin.Refuse($"{Path.GetFileName(plugin.Directory)}: corp type '{clash}' is already served by plugin folder '{Path.GetFileName(first.Directory)}'. " +
                    $"Remove one of '{Path.GetFileName(first.Directory)}' and '{Path.GetFileName(plugin.Directory)}' from the plugins directory.");
                continue;
            }

            foreach (var type in plugin.CorpTypes.Keys)
                owners[type] = plugin;
        }
    }
}
