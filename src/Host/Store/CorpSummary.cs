namespace Corps.Host.Store;

/// <summary>How much the pool holds for one corp (for <c>corps list</c> and status pages).</summary>
public sealed record CorpSummary
{
    /// <summary><c>corps.&lt;Name&gt;</c>.</summary>
    public required string FullName { get; init; }

    /// <summary>The title the corp had at its last write.</summary>
    public string? Title { get; init; }

    /// <summary>The corp type it had at its last write.</summary>
    public string? Type { get; init; }

    /// <summary>Members who can sign in through the corp (not resigned).</summary>
    public int ActiveMembers { get; init; }

    /// <summary>Members offlined or resigned.</summary>
    public int ResignedMembers { get; init; }

    /// <summary>Departments not deleted, the root excluded.</summary>
    public int Departments { get; init; }

    /// <summary>When the last sync run ended, if any.</summary>
    public DateTimeOffset? LastRunAt { get; init; }

    /// <summary>How the last sync run ended, if any.</summary>
    public Abstractions.SyncOutcome? LastRunOutcome { get; init; }
}
