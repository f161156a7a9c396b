namespace Corps.Abstractions;

/// <summary>A department as the upstream directory has it.</summary>
public sealed record UpstreamDepartment
{
    /// <summary>The stable upstream id (Feishu: <c>open_department_id</c>). Never <see cref="CorpSnapshot.RootExternalId"/>.</summary>
    public required string ExternalId { get; init; }

    /// <summary>The parent's upstream id; null (or <see cref="CorpSnapshot.RootExternalId"/>) when it hangs under the root.</summary>
    /// <remarks>A parent that is neither null, the root, nor a department of the same snapshot makes the snapshot invalid.</remarks>
    public string? ParentExternalId { get; init; }

    /// <summary>The display name.</summary>
    public required string Name { get; init; }

    /// <summary>Sort order among siblings.</summary>
    public long Order { get; init; }

    /// <summary>The main leader's member external id, if known.</summary>
    public string? LeaderExternalId { get; init; }

    /// <summary>Other upstream ids (Feishu: <c>department_id</c>, <c>open_department_id</c>).</summary>
    public IReadOnlyDictionary<string, string> Identities { get; init; } = new Dictionary<string, string>();

    /// <summary>Extra attributes the corp type keeps (kept as-is in the store).</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
}
