namespace Corps.Host.Sync.Local;

/// <summary>A user group as the store holds it.</summary>
internal sealed record LocalGroupRow
{
    public required long Id { get; init; }

    public required string ExternalId { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>True for a group upstream fills by rules (a dynamic group).</summary>
    public bool IsDynamic { get; init; }

    /// <summary>Local member ids in the group.</summary>
    public HashSet<long> MemberIds { get; init; } = [];
}
