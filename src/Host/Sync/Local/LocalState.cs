namespace Corps.Host.Sync.Local;

/// <summary>What the store holds for one corp, keyed the way the planner looks things up.</summary>
/// <remarks>A partial state (events) holds only the objects an event touches plus every department.</remarks>
internal sealed class LocalState
{
    /// <summary>An empty pool: the corp has never been synced.</summary>
    public static LocalState Empty() => new();

    /// <summary>Departments by external id.</summary>
    public Dictionary<string, LocalDepartmentRow> Departments { get; } = new(StringComparer.Ordinal);

    /// <summary>Members by external id.</summary>
    public Dictionary<string, LocalMemberRow> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>Groups by external id.</summary>
    public Dictionary<string, LocalGroupRow> Groups { get; } = new(StringComparer.Ordinal);

    /// <summary>External ids of members known to the store but not loaded (a partial state's leaders), by local id.</summary>
    public Dictionary<long, string> OtherMemberExternalIds { get; } = [];

    /// <summary>Identity (kind, value) → local member id, for unique kinds.</summary>
    public Dictionary<(string Kind, string Value), long> IdentityOwners { get; } = [];

    /// <summary>Adds a member and indexes its identities.</summary>
    public void Add(LocalMemberRow member)
    {
        Members[member.ExternalId] = member;
        foreach (var (kind, value) in member.Identities)
        {
            if (!Store.IdentityKinds.Shared.Contains(kind))
                IdentityOwners[(kind, value)] = member.Id;
        }
    }

    /// <summary>Adds a department.</summary>
    public void Add(LocalDepartmentRow department) => Departments[department.ExternalId] = department;

    /// <summary>Adds a group.</summary>
    public void Add(LocalGroupRow group) => Groups[group.ExternalId] = group;

    /// <summary>Members that can still sign in through the corp (the guard's base).</summary>
    public int ActiveMemberCount() => Members.Values.Count(m => m.Status != Abstractions.MemberStatus.Resigned);

    /// <summary>Departments not deleted, the root excluded.</summary>
    public int ActiveDepartmentCount() =>
        Departments.Values.Count(d => !d.IsDeleted && d.ExternalId != Abstractions.CorpSnapshot.RootExternalId);
}
