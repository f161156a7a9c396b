using System.Globalization;

namespace Corps.Reliability.Tests.Support;

/// <summary>
/// Sizes of the reliability runs: small enough for the suite by default, the long variants when
/// <c>CORPS_RELIABILITY_LONG=1</c> (bench/reliability-long.sh). Each value can be overridden by its own variable.
/// </summary>
internal static class Scale
{
    public static bool Long { get; } = Environment.GetEnvironmentVariable("CORPS_RELIABILITY_LONG") == "1";

    /// <summary>People in the org of the crash, deletion and concurrency runs.</summary>
    public static int Users { get; } = Read("CORPS_RELIABILITY_USERS", Long ? 10_000 : 2_000);

    /// <summary>People in the org of the fault matrix (every seed is two full syncs).</summary>
    public static int FaultUsers { get; } = Read("CORPS_RELIABILITY_FAULT_USERS", Long ? 2_000 : 300);

    /// <summary>Seeds per fault kind.</summary>
    public static int Seeds { get; } = Read("CORPS_RELIABILITY_SEEDS", Long ? 12 : 3);

    /// <summary>SIGKILLs of <c>corps sync</c> and of <c>corps serve</c>.</summary>
    public static int Kills { get; } = Read("CORPS_RELIABILITY_KILLS", Long ? 40 : 4);

    /// <summary>Mutated webhook bodies the fuzz test posts.</summary>
    public static int FuzzInputs { get; } = Read("CORPS_RELIABILITY_FUZZ", Long ? 50_000 : 3_000);

    public static int Departments(int users) => Math.Max(8, users / 40);

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
