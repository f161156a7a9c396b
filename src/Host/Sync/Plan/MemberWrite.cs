using Corps.Abstractions;
using Corps.Host.Sync.Local;

namespace Corps.Host.Sync.Plan;

/// <summary>A member row to insert (no <see cref="LocalId"/>) or to overwrite with these merged values.</summary>
/// <remarks>The planner has already merged "null upstream = keep the stored value", so every field is the target.</remarks>
internal sealed record MemberWrite
{
    public long? LocalId { get; init; }

    public required string ExternalId { get; init; }

    public string? Name { get; init; }

    public string? EnglishName { get; init; }

    public string? Email { get; init; }

    public string? Mobile { get; init; }

    public string? AvatarUrl { get; init; }

    public string? JobTitle { get; init; }

    public string? EmployeeNo { get; init; }

    public string? EmployeeType { get; init; }

    public required MemberStatus Status { get; init; }

    /// <summary>The leader's member external id; resolved to a local id when the plan is applied.</summary>
    public string? LeaderExternalId { get; init; }

    public bool? IsTenantManager { get; init; }

    /// <summary>The attributes column as canonical JSON; null when the write carries <see cref="Attributes"/> instead.</summary>
    public string? AttributesJson { get; init; }

    /// <summary>A new member's upstream attributes, turned into JSON only when the row is written.</summary>
    /// <remarks>A first sync of a large tenant creates every member: holding a JSON copy of each one's attributes for the
    /// whole apply cost ~600 bytes a member, next to the map the snapshot already holds.</remarks>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    /// <summary>The attributes column's value.</summary>
    public string AttributesText() => AttributesJson ?? CanonicalJson.From(Attributes);
}
