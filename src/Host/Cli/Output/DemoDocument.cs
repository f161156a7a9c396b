namespace Corps.Host.Cli.Output;

/// <summary>The document of <c>corps demo --json</c>.</summary>
/// <param name="Store">The store file the demo wrote.</param>
/// <param name="Upstream">The generated organisation the emulator served.</param>
/// <param name="Pool">What the local user pool holds after the syncs.</param>
/// <param name="FullSync">The first sync (everything new).</param>
/// <param name="SecondSync">The second sync (nothing changed upstream, so nothing written).</param>
/// <param name="MinimumApiCalls">The fewest calls that can read this organisation completely, per endpoint (see docs/sync-measurements.md).</param>
/// <param name="Root">The root department's name (the tenant's).</param>
/// <param name="TopDepartments">The first-level departments of the local tree, in order.</param>
/// <param name="ExitCode">The process exit code.</param>
public sealed record DemoDocument(string Store, DemoUpstreamDocument Upstream, DemoPoolDocument Pool, DemoSyncDocument FullSync,
    DemoSyncDocument SecondSync, IReadOnlyDictionary<string, long> MinimumApiCalls, string Root,
    IReadOnlyList<DemoDepartmentDocument> TopDepartments, int ExitCode)
{
    /// <summary>The sum of <see cref="MinimumApiCalls"/>.</summary>
    public long MinimumApiCallsTotal => MinimumApiCalls.Values.Sum();
}
