namespace Corps.Abstractions;

/// <summary>A complete picture of the upstream organisation, as one fetch saw it.</summary>
/// <remarks>
/// Completeness is the contract: a corp type whose fetch failed or was cut short throws instead of returning a
/// smaller snapshot, because the host offlines whoever is missing. Members are unique by
/// <see cref="UpstreamMember.ExternalId"/>, departments by <see cref="UpstreamDepartment.ExternalId"/>.
/// </remarks>
public sealed record CorpSnapshot
{
    /// <summary>The upstream id of the root department: the whole tenant.</summary>
    public const string RootExternalId = "0";

    /// <summary>The name of the root department (the tenant's name).</summary>
    public required string RootName { get; init; }

    /// <summary>Every department in the app's view, the root excluded.</summary>
    public required IReadOnlyList<UpstreamDepartment> Departments { get; init; }

    /// <summary>Every member in the app's view.</summary>
    public required IReadOnlyList<UpstreamMember> Members { get; init; }

    /// <summary>User groups and their members.</summary>
    public IReadOnlyList<UpstreamGroup> Groups { get; init; } = [];

    /// <summary>When the fetch finished.</summary>
    public DateTimeOffset FetchedAt { get; init; }

    /// <summary>How many upstream API calls the fetch made (reported in the sync run).</summary>
    public int ApiCalls { get; init; }
}
