using Corps.Abstractions;

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

    public required string AttributesJson { get; init; }
}
