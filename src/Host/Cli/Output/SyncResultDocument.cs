using Corps.Abstractions;

namespace Corps.Host.Cli.Output;

/// <summary>One corp's result in <c>corps sync --json</c>.</summary>
/// <param name="Name">The element name.</param>
/// <param name="FullName"><c>corps.&lt;Name&gt;</c>.</param>
/// <param name="ExitCode">This corp's exit code (0, 1, 2, 3 or 4).</param>
/// <param name="Report">The run report, when the run produced one.</param>
/// <param name="Error">What failed, when it did.</param>
public sealed record SyncResultDocument(string Name, string FullName, int ExitCode, SyncReport? Report, ErrorBody? Error);
