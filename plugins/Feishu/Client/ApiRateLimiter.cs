using System.Collections.Concurrent;

namespace Corps.Feishu.Client;

/// <summary>One <see cref="SlidingWindowLimiter"/> per API: the Open Platform limits each API separately.</summary>
internal sealed class ApiRateLimiter
{
    private readonly RateLimit _limit;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, SlidingWindowLimiter> _limiters = new(StringComparer.Ordinal);

    public ApiRateLimiter(RateLimit limit, TimeProvider time)
    {
        _limit = limit;
        _time = time;
    }

    /// <summary>Waits for a slot of <paramref name="api"/> (with pacing off, only for a pause the server imposed).</summary>
    public Task WaitAsync(string api, CancellationToken cancellationToken) => For(api).WaitAsync(cancellationToken);

    /// <summary>Holds <paramref name="api"/>'s callers back until <paramref name="until"/>, even when pacing is off.</summary>
    public void PauseUntil(string api, DateTimeOffset until) => For(api).PauseUntil(until);

    private SlidingWindowLimiter For(string api) => _limiters.GetOrAdd(api, static (_, self) => new SlidingWindowLimiter(self._limit, self._time), this);
}
