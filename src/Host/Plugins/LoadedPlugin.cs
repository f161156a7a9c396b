using System.Reflection;

namespace Corps.Host.Plugins;

/// <summary>One plugin folder and what came of loading it.</summary>
/// <remarks>
/// A loaded plugin lives in its own collectible load context. <see cref="Unload"/> lets the runtime collect it once no
/// instance of its types is referenced any more; the host unloads plugins only when it is done with every corp.
/// </remarks>
public sealed class LoadedPlugin
{
    private PluginLoadContext? _context;

    internal LoadedPlugin(string name, string directory, PluginStatus status, string message,
        IReadOnlyDictionary<string, Type> corpTypes, PluginLoadContext? context, Assembly? mainAssembly)
    {
        Name = name;
        Directory = directory;
        Status = status;
        Message = message;
        CorpTypes = corpTypes;
        _context = context;
        MainAssembly = mainAssembly;
    }

    /// <summary>The plugin's name: <c>plugin.json</c>'s <c>name</c>, else the folder name.</summary>
    public string Name { get; }

    /// <summary>The plugin folder.</summary>
    public string Directory { get; }

    /// <summary>Whether the plugin could be used.</summary>
    public PluginStatus Status { get; private set; }

    /// <summary>What was loaded, or why not and what to do.</summary>
    public string Message { get; private set; }

    /// <summary>The corp types the plugin serves, by type name (empty unless <see cref="PluginStatus.Loaded"/>).</summary>
    public IReadOnlyDictionary<string, Type> CorpTypes { get; private set; }

    /// <summary>The plugin's main assembly; null when it failed before loading it.</summary>
    public Assembly? MainAssembly { get; private set; }

    /// <summary>The plugin's load context, for tests that prove it can be collected.</summary>
    internal PluginLoadContext? LoadContext => _context;

    /// <summary>Drops the plugin's types and starts unloading its load context.</summary>
    public void Unload()
    {
        CorpTypes = new Dictionary<string, Type>();
        MainAssembly = null;
        var context = Interlocked.Exchange(ref _context, null);
        context?.Unload();
    }

    /// <summary>Marks a loaded plugin as refused after the fact (a corp type another plugin already serves).</summary>
    internal void Refuse(string message)
    {
        Unload();
        Status = PluginStatus.Failed;
        Message = message;
    }
}
