using Corps.Abstractions;
using Corps.Host.Catalog;

namespace Corps.Host.Cli.Output;

/// <summary>An element in <c>corps list --json</c>.</summary>
/// <param name="Name">The element name.</param>
/// <param name="FullName"><c>corps.&lt;Name&gt;</c>.</param>
/// <param name="Title">The title, if readable.</param>
/// <param name="Type">The corp type, if readable.</param>
/// <param name="Status"><c>ready</c>, <c>elementInvalid</c>, <c>typeUnknown</c>, <c>pluginFailed</c> or <c>createFailed</c>.</param>
/// <param name="Message">What to do (or which plugin serves it).</param>
/// <param name="Plugin">The plugin serving the type, if any.</param>
/// <param name="Problems">The element's errors and warnings.</param>
/// <param name="LastSync">The last sync run, if any.</param>
public sealed record CorpDocument(string Name, string FullName, string? Title, string? Type, CorpEntryStatus Status, string Message,
    string? Plugin, IReadOnlyList<ProblemDocument> Problems, SyncReport? LastSync);
