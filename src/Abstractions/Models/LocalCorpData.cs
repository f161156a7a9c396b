namespace Corps.Abstractions;

/// <summary>Everything the local user pool holds for one corp.</summary>
public sealed record LocalCorpData
{
    /// <summary>The corp's full name.</summary>
    public required string CorpFullName { get; init; }

    /// <summary>Departments, the root first, deleted ones included.</summary>
    public required IReadOnlyList<LocalDepartment> Departments { get; init; }

    /// <summary>Members, offlined ones included.</summary>
    public required IReadOnlyList<LocalMember> Members { get; init; }

    /// <summary>User groups.</summary>
    public IReadOnlyList<LocalGroup> Groups { get; init; } = [];

    /// <summary>Roles in use in this corp.</summary>
    public IReadOnlyList<LocalRole> Roles { get; init; } = [];
}
