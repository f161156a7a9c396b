namespace Corps.Feishu.Client;

/// <summary>The current tenant access token and when to stop using it.</summary>
/// <remarks>Refreshes are single-flight: whoever holds <see cref="RefreshLock"/> fetches, the others wait and reuse.</remarks>
internal sealed class TenantTokenCache : IDisposable
{
    private readonly Lock _lock = new();
    private string? _token;
    private DateTimeOffset _refreshAt;

    /// <summary>Held while a new token is fetched.</summary>
    public SemaphoreSlim RefreshLock { get; } = new(1, 1);

    public bool TryGet(DateTimeOffset now, out string token)
    {
        lock (_lock)
        {
            token = _token ?? string.Empty;
            return _token is not null && now < _refreshAt;
        }
    }

    public void Set(string token, DateTimeOffset refreshAt)
    {
        lock (_lock)
        {
            _token = token;
            _refreshAt = refreshAt;
        }
    }

    /// <summary>Drops <paramref name="token"/> if it is still the current one (another caller may have replaced it already).</summary>
    public void Invalidate(string token)
    {
        lock (_lock)
        {
            if (string.Equals(_token, token, StringComparison.Ordinal))
                _token = null;
        }
    }

    public void Dispose() => RefreshLock.Dispose();
}
