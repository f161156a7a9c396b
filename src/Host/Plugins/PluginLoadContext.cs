using System.Reflection;
using System.Runtime.Loader;

namespace Corps.Host.Plugins;

/// <summary>The collectible load context of one plugin folder.</summary>
/// <remarks>
/// Shared assemblies (the contract and what it exposes) are taken from the host <em>before</em> the plugin's own
/// resolver is asked: if a plugin's folder carries its own copy of <c>Corps.Abstractions.dll</c>, loading that copy
/// would create a second <c>ICorp</c> type that the host's <c>ICorp</c> is not assignable from, and the plugin's corp
/// types would silently disappear (or fail with invalid casts). Everything else the plugin brings resolves from its
/// folder through its <c>.deps.json</c>, so two plugins can use different versions of the same library.
/// </remarks>
internal sealed class PluginLoadContext : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver _resolver;
    private readonly SharedAssemblies _shared;

    public PluginLoadContext(string name, string mainAssemblyPath, SharedAssemblies shared)
        : base("corps-plugin:" + name, isCollectible: true)
    {
        _resolver = new AssemblyDependencyResolver(mainAssemblyPath);
        _shared = shared;
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (_shared.TryGetHostAssembly(assemblyName, out var hostAssembly))
            return hostAssembly;

        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        // Null falls back to the default context: framework assemblies and anything else the host already has.
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
