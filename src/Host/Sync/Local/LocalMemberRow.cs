using Corps.Abstractions;

namespace Corps.Host.Sync.Local;

/// <summary>A member as the store holds it, with its identities and memberships, in the shape the planner compares.</summary>
internal sealed record LocalMemberRow
{
    public required long Id { get; init; }

    public required long PersonId { get; init; }

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

    public long? LeaderMemberId { get; init; }

    public bool? IsTenantManager { get; init; }

    /// <summary>Canonical JSON of the attributes.</summary>
    public string AttributesJson { get; init; } = CanonicalJson.Empty;

    public DateTimeOffset? LastEventAt { get; init; }

    /// <summary>Identity kind → value.</summary>
    public Dictionary<string, string> Identities { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The member's departments (local ids).</summary>
    public List<LocalMembershipRow> Memberships { get; init; } = [];
}
