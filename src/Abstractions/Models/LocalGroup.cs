namespace Corps.Abstractions;

/// <summary>A user group of the local user pool.</summary>
public sealed record LocalGroup
{
    /// <summary>The local id.</summary>
    public required long Id { get; init; }

    /// <summary>The upstream id.</summary>
    public required string ExternalId { get; init; }

    /// <summary>The display name.</summary>
    public required string Name { get; init; }

    /// <summary>True when upstream picks the members by rules (a dynamic group); see <see cref="UpstreamGroup.IsDynamic"/>.</summary>
    public bool IsDynamic { get; init; }

    /// <summary>Local member ids in the group.</summary>
    public IReadOnlyList<long> MemberIds { get; init; } = [];
}
