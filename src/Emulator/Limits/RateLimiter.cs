using Corps.Emulator.Options;

namespace Corps.Emulator.Limits;

/// <summary>
/// Fixed-window limits per (API, app) on the emulator's clock: one window per second and one per minute; a call
/// over either is refused with the seconds until that window ends (the <c>x-ogw-ratelimit-reset</c> header).
/// </summary>
internal sealed class RateLimiter(TimeProvider time)
{
    private readonly Dictionary<(string Api, string App), Window> _windows = [];
    private readonly Lock _gate = new();

    public RateLimitOptions Options { get; set; } = RateLimitOptions.Off;

    /// <summary>Counts one call; returns null when allowed, else (limit, seconds to wait).</summary>
    public (int Limit, int ResetSeconds)? TryAcquire(string api, string appId)
    {
        var options = Options;
        if (options.Mode == RateLimitMode.Off) return null;
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var second = nowMs / 1000;
        var minute = nowMs / 60_000;
        lock (_gate)
        {
            if (!_windows.TryGetValue((api, appId), out var w))
            {
                w = new Window();
                _windows[(api, appId)] = w;
            }
            if (w.Second != second) (w.Second, w.SecondCount) = (second, 0);
            if (w.Minute != minute) (w.Minute, w.MinuteCount) = (minute, 0);
            if (options.PerSecond > 0 && w.SecondCount >= options.PerSecond)
                return (options.PerSecond, (int)Math.Max(1, Math.Ceiling(((second + 1) * 1000 - nowMs) / 1000.0)));
            if (options.PerMinute > 0 && w.MinuteCount >= options.PerMinute)
                return (options.PerMinute, (int)Math.Max(1, Math.Ceiling(((minute + 1) * 60_000 - nowMs) / 1000.0)));
            w.SecondCount++;
            w.MinuteCount++;
            return null;
        }
    }

    public void Reset()
    {
        lock (_gate) _windows.Clear();
    }

    private sealed class Window
    {
        public long Second = -1;
        public long Minute = -1;
        public int SecondCount;
        public int MinuteCount;
    }
}
