using System.Globalization;
using Corps.Abstractions;

namespace Corps.Host.Cli.Output;

/// <summary>Short texts about sync runs, for tables and lines.</summary>
internal static class RunSummary
{
    public static string Short(SyncReport? run) => run is null
        ? "never"
        : $"{run.Outcome} {run.FinishedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}Z ({Changes(run.Counts)})";

    public static string Changes(SyncCounts counts) =>
        counts.Total == 0 ? "no changes" : $"{counts.Total} change{(counts.Total == 1 ? string.Empty : "s")}";
}
