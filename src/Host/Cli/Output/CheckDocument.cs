using Corps.Abstractions;

namespace Corps.Host.Cli.Output;

/// <summary>The document of <c>corps check NAME --json</c>.</summary>
/// <param name="CorpFullName">The corp.</param>
/// <param name="Type">The corp type that ran the check.</param>
/// <param name="Status">The worst item status: <c>ok</c>, <c>warning</c> or <c>failed</c>.</param>
/// <param name="Items">Each check, in the order the corp type ran them.</param>
/// <param name="ExitCode">The process exit code.</param>
public sealed record CheckDocument(string CorpFullName, string Type, CheckStatus Status, IReadOnlyList<ConnectionCheckItem> Items, int ExitCode);
