namespace Corps.Abstractions;

/// <summary>A department of the local user pool.</summary>
public sealed record LocalDepartment
{
    /// <summary>The local id; kept across moves and renames.</summary>
    public required long Id { get; init; }

    /// <summary>The upstream id (<see cref="CorpSnapshot.RootExternalId"/> for the root).</summary>
    public required string ExternalId { get; init; }

    /// <summary>The parent's local id; null for the root.</summary>
    public long? ParentId { get; init; }

    /// <summary>The display name.</summary>
    public required string Name { get; init; }

    /// <summary>Sort order among siblings.</summary>
    public long Order { get; init; }

    /// <summary>The leader's local member id.</summary>
    public long? LeaderMemberId { get; init; }

    /// <summary>True once the department disappeared upstream.</summary>
    public bool IsDeleted { get; init; }
}
