namespace Corps.Host.Serve;

/// <summary>The answer of <c>GET /status</c> and <c>corps status</c>.</summary>
public sealed record ServeStatus
{
    /// <summary>When the status was read.</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>True when read from a running service (next fire times from its scheduler, running syncs known).</summary>
    public required bool Live { get; init; }

    /// <summary>Every served corp.</summary>
    public required IReadOnlyList<CorpStatus> Corps { get; init; }

    /// <summary>Elements that are not served, and why.</summary>
    public IReadOnlyList<UnavailableCorp> Unavailable { get; init; } = [];
}
