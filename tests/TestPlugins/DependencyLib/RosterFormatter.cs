namespace DependencyLib;

/// <summary>A dependency only the DependencyCorp plugin has: the host must load it from the plugin folder.</summary>
public static class RosterFormatter
{
    public static string DisplayName(string given, string family) => $"{family.ToUpperInvariant()}, {given}";
}
