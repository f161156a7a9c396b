namespace Corps.Host.Sync.Local;

/// <summary>A department as the store holds it, in the shape the planner compares.</summary>
internal sealed record LocalDepartmentRow
{
    public required long Id { get; init; }

    public required string ExternalId { get; init; }

    public long? ParentId { get; init; }

    public required string Name { get; init; }

    public long Order { get; init; }

    public long? LeaderMemberId { get; init; }

    public bool IsDeleted { get; init; }

    /// <summary>Canonical JSON of the upstream ids (see <see cref="CanonicalJson"/>).</summary>
    public string IdentitiesJson { get; init; } = CanonicalJson.Empty;

    /// <summary>Canonical JSON of the attributes.</summary>
    public string AttributesJson { get; init; } = CanonicalJson.Empty;

    public DateTimeOffset? LastEventAt { get; init; }
}
