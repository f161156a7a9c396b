namespace Corps.Abstractions;

/// <summary>What a corp is and how its last sync went; safe to show (secrets masked).</summary>
public sealed record CorpInfo
{
    /// <summary>The element title.</summary>
    public required string Title { get; init; }

    /// <summary><c>corps.&lt;Name&gt;</c>.</summary>
    public required string FullName { get; init; }

    /// <summary>The corp type, e.g. <c>corps.FSInnerType</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The plugin assembly and version serving the type.</summary>
    public required string Plugin { get; init; }

    /// <summary>The auth config with every secret masked.</summary>
    public required IReadOnlyDictionary<string, string> AuthConfig { get; init; }

    /// <summary>The last sync run, if any.</summary>
    public SyncReport? LastSync { get; init; }
}
