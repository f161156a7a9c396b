namespace Corps.Integration.Tests.Serve;

/// <summary>A measurement, not a test: skipped unless <c>CORPS_BENCH=1</c>. It prints numbers and asserts nothing timed.</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CORPS_BENCH") != "1")
            Skip = "Benchmark; run with CORPS_BENCH=1.";
    }
}
