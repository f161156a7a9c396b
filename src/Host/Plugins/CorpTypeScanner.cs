using System.Reflection;
using Corps.Abstractions;

namespace Corps.Host.Plugins;

/// <summary>Finds the corp types of a plugin's main assembly.</summary>
internal static class CorpTypeScanner
{
    /// <summary>Scans only <paramref name="assembly"/>, never its dependencies.</summary>
    /// <remarks>
    /// A plugin may carry another plugin's assembly as a dependency (Lark builds on the Feishu client); scanning
    /// dependencies would register the same corp type twice. <see cref="Assembly.GetTypes"/> runs eagerly so that a
    /// plugin built against an incompatible contract fails here, at load, instead of at its first sync.
    /// </remarks>
    public static Dictionary<string, Type> Scan(Assembly assembly, SharedAssemblies shared, string display)
    {
        CheckContractVersions(assembly, shared, display);

        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            var reasons = ex.LoaderExceptions.OfType<Exception>().Select(inner => inner.Message).Distinct().Take(3);
            throw new PluginLoadException($"{display}: types of {assembly.GetName().Name} could not be loaded ({string.Join("; ", reasons)}).",
                "Rebuild the plugin against this host's Corps.Abstractions and ship all its dependencies in the folder.");
        }

        var found = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var type in types.Where(type => type is { IsClass: true, IsAbstract: false } && typeof(ICorp).IsAssignableFrom(type)))
        {
            if (type.GetCustomAttribute<CorpTypeAttribute>() is not { } attribute)
                continue;
            if (type.GetConstructor([typeof(CorpContext)]) is null)
            {
                throw new PluginLoadException($"{display}: {type.FullName} has no public constructor taking a CorpContext.",
                    $"Add 'public {type.Name}(CorpContext context) : base(context) {{ }}'.");
            }

            if (found.TryGetValue(attribute.TypeName, out var other))
            {
                throw new PluginLoadException($"{display}: corp type '{attribute.TypeName}' is declared by both {other.FullName} and {type.FullName}.",
                    "Give each class its own [CorpType] name.");
            }

            found.Add(attribute.TypeName, type);
        }

        if (found.Count == 0)
        {
            throw new PluginLoadException($"{display}: {assembly.GetName().Name}.dll declares no corp type.",
                "Add a public non-abstract class deriving from CorpBase with [CorpType(\"…\")], or remove the folder.");
        }

        return found;
    }

    private static void CheckContractVersions(Assembly assembly, SharedAssemblies shared, string display)
    {
        foreach (var reference in assembly.GetReferencedAssemblies())
        {
            if (shared.HostVersion(reference.Name!) is { } hostVersion && reference.Version is { } wanted && wanted > hostVersion)
            {
                throw new PluginLoadException($"{display}: built against {reference.Name} {wanted}, but this host has {hostVersion}.",
                    $"Rebuild the plugin against {reference.Name} {hostVersion}, or upgrade corps.");
            }
        }
    }
}
