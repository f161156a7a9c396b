namespace Corps.Host.Cli.Output;

/// <summary>The document of <c>corps list --json</c>.</summary>
/// <param name="ElementsDirectory">The elements directory read.</param>
/// <param name="PluginsDirectory">The plugins directory read.</param>
/// <param name="Store">The store file.</param>
/// <param name="Corps">One entry per element folder.</param>
/// <param name="Plugins">One entry per plugin folder.</param>
/// <param name="Problems">Problems with the elements directory itself.</param>
public sealed record ListDocument(string ElementsDirectory, string PluginsDirectory, string Store, IReadOnlyList<CorpDocument> Corps,
    IReadOnlyList<PluginDocument> Plugins, IReadOnlyList<ProblemDocument> Problems);
