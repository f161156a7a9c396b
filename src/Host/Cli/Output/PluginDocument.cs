using Corps.Host.Plugins;

namespace Corps.Host.Cli.Output;

/// <summary>A plugin folder in <c>corps list --json</c>.</summary>
/// <param name="Name">The plugin name.</param>
/// <param name="Folder">The plugin folder.</param>
/// <param name="Status"><c>loaded</c> or <c>failed</c>.</param>
/// <param name="Message">What was loaded, or why not and what to do.</param>
/// <param name="Types">The corp types served.</param>
public sealed record PluginDocument(string Name, string Folder, PluginStatus Status, string Message, IReadOnlyList<string> Types);
