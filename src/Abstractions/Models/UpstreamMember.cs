namespace Corps.Abstractions;

/// <summary>A person's membership of the upstream organisation, as the upstream directory has it.</summary>
/// <remarks>
/// Optional fields are <c>null</c> when upstream did not say (the app lacks the field's permission, say): the host then
/// keeps what it stored before. An empty string means upstream cleared the value.
/// </remarks>
public sealed record UpstreamMember
{
    /// <summary>The stable member key (Feishu: <c>open_id</c>, present whatever the app's field permissions).</summary>
    public required string ExternalId { get; init; }

    /// <summary>The display name.</summary>
    public string? Name { get; init; }

    /// <summary>The English name.</summary>
    public string? EnglishName { get; init; }

    /// <summary>Email address (upstream-entered, not verified).</summary>
    public string? Email { get; init; }

    /// <summary>Mobile number, with country code.</summary>
    public string? Mobile { get; init; }

    /// <summary>Avatar image URL.</summary>
    public string? AvatarUrl { get; init; }

    /// <summary>Job title.</summary>
    public string? JobTitle { get; init; }

    /// <summary>Employee number.</summary>
    public string? EmployeeNo { get; init; }

    /// <summary>Employee type (Feishu: 1 regular, 2 intern, 3 outsourced, 4 labor, 5 consultant, or a custom enum value).</summary>
    public string? EmployeeType { get; init; }

    /// <summary>Upstream state; <see cref="MemberStatus.Resigned"/> offlines the member locally.</summary>
    public MemberStatus Status { get; init; } = MemberStatus.Active;

    /// <summary>The member's direct leader (member external id).</summary>
    public string? LeaderExternalId { get; init; }

    /// <summary>Whether upstream marks this member as a tenant administrator.</summary>
    public bool? IsTenantManager { get; init; }

    /// <summary>Departments the member belongs to; null when upstream did not say (permission missing).</summary>
    public IReadOnlyList<UpstreamMembership>? Memberships { get; init; }

    /// <summary>All upstream ids of the member (Feishu: <c>open_id</c>, <c>union_id</c>, <c>user_id</c>, <c>tenant_key</c>).</summary>
    public IReadOnlyDictionary<string, string> Identities { get; init; } = new Dictionary<string, string>();

    /// <summary>Other attributes (gender, city, join time, custom attributes…), kept as-is.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
}
