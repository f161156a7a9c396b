using Corps.Abstractions;
using Corps.Host.Sync.Local;

namespace Corps.Host.Sync.Plan;

/// <summary>The lookups the planners share while they build one plan.</summary>
internal sealed class PlanningContext
{
    private readonly ChangeTally _tally = new();
    private readonly Dictionary<long, string> _memberExternalIds = [];
    private readonly HashSet<string> _otherMembers = new(StringComparer.Ordinal);

    public PlanningContext(LocalState local, CorpSnapshot snapshot, PlanScope scope)
    {
        Local = local;
        Snapshot = snapshot;
        Scope = scope;
        Warnings = new WarningList(Plan.Warnings);
        LocalDepartmentsById = local.Departments.Values.ToDictionary(d => d.Id);
        foreach (var (id, externalId) in local.OtherMemberExternalIds)
        {
            _memberExternalIds[id] = externalId;
            _otherMembers.Add(externalId);
        }

        foreach (var member in local.Members.Values)
            _memberExternalIds[member.Id] = member.ExternalId;

        UpstreamMembers = new Dictionary<string, UpstreamMember>(snapshot.Members.Count, StringComparer.Ordinal);
        foreach (var member in snapshot.Members)
            UpstreamMembers.TryAdd(member.ExternalId, member);
        UpstreamDepartments = new Dictionary<string, UpstreamDepartment>(snapshot.Departments.Count, StringComparer.Ordinal);
        foreach (var department in snapshot.Departments)
            UpstreamDepartments.TryAdd(department.ExternalId, department);
    }

    public LocalState Local { get; }

    public CorpSnapshot Snapshot { get; }

    public PlanScope Scope { get; }

    public SyncPlan Plan { get; } = new();

    public WarningList Warnings { get; }

    public Dictionary<long, LocalDepartmentRow> LocalDepartmentsById { get; }

    public Dictionary<string, UpstreamMember> UpstreamMembers { get; }

    public Dictionary<string, UpstreamDepartment> UpstreamDepartments { get; }

    /// <summary>Local ids of departments this plan deletes (their memberships go with them).</summary>
    public HashSet<long> DeletedDepartmentIds { get; } = [];

    /// <summary>Adds a change to the plan and, unless it is the root department's, to the counts.</summary>
    /// <remarks>
    /// The root stands for the tenant itself: its creation and renames are planned, applied and logged, but the counts
    /// (like <see cref="SyncReport.UpstreamDepartments"/>) are about the departments people see in the upstream tree.
    /// </remarks>
    public void Add(PlannedChange change)
    {
        Plan.Changes.Add(change);
        if (change.Kind != ObjectKind.Department || change.ExternalId != CorpSnapshot.RootExternalId)
            _tally.Add(change);
    }

    public SyncPlan Complete()
    {
        Warnings.Complete();
        Plan.Counts = _tally.ToCounts();
        return Plan;
    }

    /// <summary>The external id of a local member, or null.</summary>
    public string? MemberExternalId(long? memberId) =>
        memberId is { } id && _memberExternalIds.TryGetValue(id, out var externalId) ? externalId : null;

    /// <summary>The external id of a local department, or null.</summary>
    public string? DepartmentExternalId(long? departmentId) =>
        departmentId is { } id && LocalDepartmentsById.TryGetValue(id, out var department) ? department.ExternalId : null;

    /// <summary>Whether a member external id names someone the plan can resolve to a local id.</summary>
    public bool IsKnownMember(string externalId) =>
        UpstreamMembers.ContainsKey(externalId) || Local.Members.ContainsKey(externalId) || _otherMembers.Contains(externalId);

    /// <summary>Whether a membership may name this department once the plan is applied.</summary>
    public bool IsKnownDepartment(string externalId)
    {
        if (externalId == CorpSnapshot.RootExternalId)
            return Scope == PlanScope.Full || Local.Departments.ContainsKey(externalId);
        if (UpstreamDepartments.ContainsKey(externalId))
            return true;
        return Scope == PlanScope.Partial && Local.Departments.TryGetValue(externalId, out var local) && !local.IsDeleted;
    }

    /// <summary>The target leader: null upstream keeps the stored one, empty clears it, unknown people resolve to none.</summary>
    public string? TargetLeader(string? upstream, long? storedLeaderId)
    {
        if (upstream is null)
            return MemberExternalId(storedLeaderId);
        return upstream.Length == 0 || !IsKnownMember(upstream) ? null : upstream;
    }

    /// <summary>The target of an optional upstream field: null keeps the stored value.</summary>
    public static T? Pick<T>(T? upstream, T? stored) => upstream ?? stored;

    /// <summary>Appends <c>field: old → new</c> when the two differ.</summary>
    public static void Diff<T>(List<string> details, string field, T? stored, T? target)
    {
        if (!EqualityComparer<T>.Default.Equals(stored, target))
            details.Add($"{field}: {Show(stored)} → {Show(target)}");
    }

    private static string Show<T>(T? value) => value is null ? "(none)" : value.ToString() is { Length: > 0 } text ? text : "(empty)";
}
