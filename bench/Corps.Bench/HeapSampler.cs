namespace Corps.Bench;

/// <summary>The managed heap's largest size seen, sampled every 50 ms (no profiler here; good enough for a peak).</summary>
internal sealed class HeapSampler : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    public HeapSampler() => _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));

    public long Peak
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _peak);
        }
    }

    private void Sample()
    {
        var size = GC.GetTotalMemory(forceFullCollection: false);
        long seen;
        while (size > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, size, seen) != seen)
        {
        }
    }

    public void Dispose() => _timer.Dispose();
}
