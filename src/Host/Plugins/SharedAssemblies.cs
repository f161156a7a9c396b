using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.Loader;
using Corps.Abstractions;

namespace Corps.Host.Plugins;

/// <summary>The assemblies every plugin must see as the host's own copies.</summary>
/// <remarks>
/// <para>The set is <c>Corps.Abstractions</c>, every <c>Microsoft.Extensions.*.Abstractions</c> the host has, and
/// everything those reference, transitively (for example <c>System.Text.Json</c>, whose <c>JsonElement</c> appears in
/// <see cref="CorpElement.Data"/>). A type that crosses the host/plugin boundary must have one identity, so the
/// assembly defining it, and every assembly defining a type in its public surface, must come from one context.</para>
/// <para>The host copy wins even when a plugin was built against a newer version; <see cref="CorpTypeScanner"/>
/// refuses such plugins with a message instead of letting them fail later with a missing method.</para>
/// </remarks>
internal sealed class SharedAssemblies
{
    private readonly Dictionary<string, Assembly> _byName;

    private SharedAssemblies(Dictionary<string, Assembly> byName) => _byName = byName;

    /// <summary>The set computed from the host's copy of the contract.</summary>
    public static SharedAssemblies Host { get; } = FromRoot(typeof(ICorp).Assembly);

    public static SharedAssemblies FromRoot(Assembly root)
    {
        var byName = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<Assembly>([root]);
        foreach (var loaded in AssemblyLoadContext.Default.Assemblies.Where(assembly => IsExtensionsAbstractions(assembly.GetName().Name)))
            pending.Push(loaded);

        while (pending.TryPop(out var assembly))
        {
            var name = assembly.GetName().Name!;
            if (!byName.TryAdd(name, assembly))
                continue;
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (byName.ContainsKey(reference.Name!))
                    continue;
                try
                {
                    pending.Push(AssemblyLoadContext.Default.LoadFromAssemblyName(reference));
                }
                catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    // A reference the host cannot load is not part of any surface the host uses; the plugin may bring it.
                }
            }
        }

        return new SharedAssemblies(byName);
    }

    /// <summary>The host's copy of <paramref name="name"/> when the assembly is shared.</summary>
    public bool TryGetHostAssembly(AssemblyName name, [NotNullWhen(true)] out Assembly? assembly)
    {
        if (name.Name is { } simple && _byName.TryGetValue(simple, out assembly))
            return true;

        assembly = null;
        if (!IsExtensionsAbstractions(name.Name))
            return false;
        // An abstractions assembly the contract does not reference yet (say Options) is still shared when the host has it.
        try
        {
            assembly = AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName(name.Name!));
            return true;
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException)
        {
            return false;
        }
    }

    /// <summary>The host's version of a shared assembly, or null when it is not shared.</summary>
    public Version? HostVersion(string simpleName) =>
        _byName.TryGetValue(simpleName, out var assembly) ? assembly.GetName().Version : null;

    private static bool IsExtensionsAbstractions(string? name) =>
        name is not null
        && name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
        && name.EndsWith(".Abstractions", StringComparison.Ordinal);
}
