using Corps.Abstractions;

namespace Corps.Host.Sync.Plan;

/// <summary>What a sync would do: the typed writes for the applier, and the same changes for people.</summary>
/// <remarks>
/// Writes carry external ids; the applier resolves them to local ids once the rows it creates exist. Every object
/// that changes has one <see cref="PlannedChange"/> (two for a department that is both moved and updated).
/// </remarks>
internal sealed class SyncPlan
{
    public List<DepartmentWrite> DepartmentWrites { get; } = [];

    /// <summary>Local ids of departments gone upstream (marked deleted).</summary>
    public List<long> DepartmentDeletions { get; } = [];

    public List<MemberWrite> MemberWrites { get; } = [];

    public List<IdentityRemoval> IdentityRemovals { get; } = [];

    public List<IdentityWrite> IdentityWrites { get; } = [];

    public List<MembershipRemoval> MembershipRemovals { get; } = [];

    public List<MembershipWrite> MembershipWrites { get; } = [];

    public List<GroupWrite> GroupWrites { get; } = [];

    /// <summary>Local ids of groups gone upstream (deleted with their member lists).</summary>
    public List<long> GroupDeletions { get; } = [];

    public List<GroupMemberChange> GroupMemberChanges { get; } = [];

    /// <summary>The changes, for reports, dry runs and the change log.</summary>
    public List<PlannedChange> Changes { get; } = [];

    /// <summary>Things the planner dropped or could not resolve.</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>The counts of <see cref="Changes"/>, the root department's excluded.</summary>
    public SyncCounts Counts { get; set; } = new();

    /// <summary>True when applying the plan would write nothing.</summary>
    public bool IsEmpty => Changes.Count == 0;
}
