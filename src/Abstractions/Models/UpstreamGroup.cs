namespace Corps.Abstractions;

/// <summary>A user group upstream and its member list.</summary>
public sealed record UpstreamGroup
{
    /// <summary>The stable upstream id.</summary>
    public required string ExternalId { get; init; }

    /// <summary>The display name.</summary>
    public required string Name { get; init; }

    /// <summary>The description, if any.</summary>
    public string? Description { get; init; }

    /// <summary>External ids of the member accounts in the group.</summary>
    public IReadOnlyList<string> MemberExternalIds { get; init; } = [];
}
