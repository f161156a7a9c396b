using Corps.Abstractions;
using Corps.Host.Demo;

namespace Corps.Host.Cli.Output;

/// <summary>One sync of <c>corps demo</c>.</summary>
/// <param name="Report">The sync report.</param>
/// <param name="Calls">The calls the emulator received during the sync (its own count, retries included).</param>
/// <param name="WallSeconds">Wall-clock time of the whole sync (fetch, plan, apply).</param>
public sealed record DemoSyncDocument(SyncReport Report, ApiCallCount Calls, double WallSeconds);
