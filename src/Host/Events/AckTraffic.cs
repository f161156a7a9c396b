namespace Corps.Host.Events;

/// <summary>
/// Counts acknowledgements being written, so the event processor can let them go first: SQLite has one writer, and an
/// acknowledgement has a deadline (Feishu re-delivers after 3 s) while applying an event does not.
/// </summary>
public sealed class AckTraffic
{
    private int _inFlight;

    /// <summary>Marks one acknowledgement write; dispose the result when it is committed (or failed).</summary>
    public IDisposable Begin()
    {
        Interlocked.Increment(ref _inFlight);
        return new Done(this);
    }

    /// <summary>Waits until no acknowledgement is being written, but at most <paramref name="maxWait"/> (no starvation).</summary>
    public async Task WaitForQuietAsync(TimeSpan maxWait, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        var deadline = time.GetUtcNow() + maxWait;
        while (Volatile.Read(ref _inFlight) > 0 && time.GetUtcNow() < deadline)
            await Task.Delay(TimeSpan.FromMilliseconds(2), time, cancellationToken).ConfigureAwait(false);
    }

    private sealed class Done(AckTraffic traffic) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                Interlocked.Decrement(ref traffic._inFlight);
        }
    }
}
