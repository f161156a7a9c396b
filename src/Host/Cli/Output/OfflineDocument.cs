namespace Corps.Host.Cli.Output;

/// <summary>The document of <c>corps offline --json</c>.</summary>
/// <param name="CorpFullName">The corp.</param>
/// <param name="MemberIds">The members asked for.</param>
/// <param name="Changed">How many were active and are now offlined.</param>
public sealed record OfflineDocument(string CorpFullName, IReadOnlyList<long> MemberIds, int Changed);
