using Corps.Emulator.Options;

namespace Corps.Emulator.Faults;

/// <summary>
/// Decides faults for call number n as a pure function of (seed, n, kind), so a run with the same seed and call
/// order sees the same faults whatever the timing.
/// </summary>
internal sealed class FaultInjector
{
    private long _calls;
    private int _revoked;

    public FaultOptions Options { get; set; } = FaultOptions.None;

    /// <summary>Numbers the next call (1-based).</summary>
    public long NextCall() => Interlocked.Increment(ref _calls);

    public bool Hits(long call, FaultKind kind)
    {
        var options = Options;
        var rate = kind switch
        {
            FaultKind.ServerError => options.ServerErrorRate,
            FaultKind.Slow => options.SlowRate,
            FaultKind.Drop => options.DropRate,
            FaultKind.Malformed => options.MalformedRate,
            FaultKind.Storm => options.RateLimitStormRate,
            FaultKind.PageToken => options.PageTokenRejectRate,
            _ => 0,
        };
        return rate > 0 && Uniform(options.Seed, call, (int)kind) < rate;
    }

    /// <summary>True exactly once: when call number <paramref name="call"/> reaches the revoke-after threshold.</summary>
    public bool RevokeNow(long call)
    {
        var after = Options.RevokeTokensAfter;
        return after > 0 && call >= after && Interlocked.Exchange(ref _revoked, 1) == 0;
    }

    public void Reset()
    {
        Interlocked.Exchange(ref _calls, 0);
        Interlocked.Exchange(ref _revoked, 0);
    }

    /// <summary>A uniform [0,1) value from SplitMix64 over the inputs.</summary>
    internal static double Uniform(int seed, long call, int salt)
    {
        var z = (ulong)seed * 0x9E3779B97F4A7C15UL ^ (ulong)call * 0xBF58476D1CE4E5B9UL ^ (ulong)salt * 0x94D049BB133111EBUL;
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
