namespace Corps.Abstractions;

/// <summary>A person's membership of one corp in the local user pool.</summary>
public sealed record LocalMember
{
    /// <summary>The local member id (unique across corps).</summary>
    public required long Id { get; init; }

    /// <summary>The local person (account) this member belongs to; one person may be a member of several corps.</summary>
    public required long PersonId { get; init; }

    /// <summary>The upstream member key.</summary>
    public required string ExternalId { get; init; }

    /// <summary>The display name.</summary>
    public string? Name { get; init; }

    /// <summary>The English name.</summary>
    public string? EnglishName { get; init; }

    /// <summary>Email address.</summary>
    public string? Email { get; init; }

    /// <summary>Mobile number.</summary>
    public string? Mobile { get; init; }

    /// <summary>Avatar image URL.</summary>
    public string? AvatarUrl { get; init; }

    /// <summary>Job title.</summary>
    public string? JobTitle { get; init; }

    /// <summary>Employee number.</summary>
    public string? EmployeeNo { get; init; }

    /// <summary>Employee type.</summary>
    public string? EmployeeType { get; init; }

    /// <summary>State in this corp.</summary>
    public required MemberStatus Status { get; init; }

    /// <summary>The direct leader's local member id.</summary>
    public long? LeaderMemberId { get; init; }

    /// <summary>Departments the member belongs to.</summary>
    public IReadOnlyList<LocalMembership> Memberships { get; init; } = [];

    /// <summary>Role ids assigned to the member.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Third-party identities (Feishu <c>open_id</c>, <c>union_id</c>, <c>user_id</c>, <c>tenant_key</c>).</summary>
    public IReadOnlyDictionary<string, string> Identities { get; init; } = new Dictionary<string, string>();

    /// <summary>Other attributes, as the corp type reported them.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
}
