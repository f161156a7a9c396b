namespace Corps.Host.Cli.Output;

/// <summary>The document of <c>corps sync --json</c>.</summary>
/// <param name="DryRun">True for <c>--dry-run</c>.</param>
/// <param name="Force">True for <c>--force</c>.</param>
/// <param name="Results">One result per corp, in the order they ran.</param>
/// <param name="ExitCode">The process exit code.</param>
public sealed record SyncDocument(bool DryRun, bool Force, IReadOnlyList<SyncResultDocument> Results, int ExitCode);
