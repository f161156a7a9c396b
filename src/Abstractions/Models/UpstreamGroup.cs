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

    /// <summary>True when upstream picks the members by rules (a dynamic group) rather than by hand; such a group cannot
    /// be changed through the upstream's API. False when the corp type has no such notion.</summary>
    public bool IsDynamic { get; init; }

    /// <summary>External ids of the member accounts in the group: its people, including those it holds through a
    /// department member (the corp type expands departments, so the pool sees people only).</summary>
    public IReadOnlyList<string> MemberExternalIds { get; init; } = [];
}
