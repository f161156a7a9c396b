namespace Corps.Feishu.Client;

/// <summary>
/// Paces one API so that no second holds more than N calls and no minute more than M, measured over sliding windows
/// (which also keeps every fixed window the server may count in under its limit).
/// </summary>
/// <remarks>
/// Callers reserve a slot and wait until it comes; reservations are handed out in order, so waiters are served
/// first come first served and the limiter never spins. A reservation abandoned by cancellation stays counted,
/// which errs on the slow side. Thread-safe.
/// </remarks>
internal sealed class SlidingWindowLimiter
{
    // The server counts arrivals, which network jitter can bunch; a little slack per window keeps us clear of it.
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(25);

    private readonly (int Limit, TimeSpan Window)[] _windows;
    private readonly TimeProvider _time;
    private readonly DateTimeOffset[] _grants;
    private readonly Lock _lock = new();
    private int _next;
    private int _count;
    private DateTimeOffset _pausedUntil;

    public SlidingWindowLimiter(RateLimit limit, TimeProvider time)
    {
        _windows = new[] { (limit.PerSecond, TimeSpan.FromSeconds(1)), (limit.PerMinute, TimeSpan.FromMinutes(1)) }
            .Where(w => w.Item1 > 0)
            .Select(w => (w.Item1, w.Item2 + Slack))
            .ToArray();
        _time = time;
        _grants = new DateTimeOffset[Math.Max(1, _windows.Length == 0 ? 1 : _windows.Max(w => w.Limit))];
    }

    /// <summary>Waits for this caller's slot.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        var delay = Reserve();
        return delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, _time, cancellationToken);
    }

    /// <summary>Holds every caller back until <paramref name="until"/> (the server said so with a 429).</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        lock (_lock)
        {
            if (until > _pausedUntil)
                _pausedUntil = until;
        }
    }

    internal TimeSpan Reserve()
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            var slot = now > _pausedUntil ? now : _pausedUntil;
            foreach (var (limit, window) in _windows)
            {
                if (_count < limit)
                    continue;
                // The limit-th most recent grant must have left the window before another call may start.
                var earliest = _grants[(_next - limit + _grants.Length) % _grants.Length] + window;
                if (earliest > slot)
                    slot = earliest;
            }

            var previous = _count == 0 ? DateTimeOffset.MinValue : _grants[(_next - 1 + _grants.Length) % _grants.Length];
            if (slot < previous)
                slot = previous;
            _grants[_next] = slot;
            _next = (_next + 1) % _grants.Length;
            if (_count < _grants.Length)
                _count++;
            return slot - now;
        }
    }
}
