namespace Corps.Host.Sync.Plan;

/// <summary>A department row to insert (no <see cref="LocalId"/>) or to overwrite with these values.</summary>
/// <remarks>Covers create, update, move and restore: the row's local id, and so its memberships, are kept.</remarks>
internal sealed record DepartmentWrite
{
    public long? LocalId { get; init; }

    public required string ExternalId { get; init; }

    /// <summary>The parent's external id; null only for the root.</summary>
    public string? ParentExternalId { get; init; }

    public required string Name { get; init; }

    public long Order { get; init; }

    /// <summary>The leader's member external id; resolved to a local id when the plan is applied.</summary>
    public string? LeaderExternalId { get; init; }

    public required string IdentitiesJson { get; init; }

    public required string AttributesJson { get; init; }

    /// <summary>Depth below the root (root 0): writes are applied parents first.</summary>
    public int Depth { get; init; }
}
