using Corps.Abstractions;
using Corps.Host.Sync.Local;

namespace Corps.Host.Sync.Plan;

/// <summary>Compares the local pool with an upstream snapshot and lists what must change. Pure: no I/O, no clock.</summary>
internal static class SyncPlanner
{
    /// <summary>Plans <paramref name="snapshot"/> against <paramref name="local"/>; a validated snapshot is assumed.</summary>
    public static SyncPlan Plan(LocalState local, CorpSnapshot snapshot, PlanScope scope = PlanScope.Full)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(snapshot);
        var context = new PlanningContext(local, snapshot, scope);

        // Departments first: members' memberships skip the ones this plan deletes.
        DepartmentPlanner.Plan(context);
        MemberPlanner.Plan(context);
        if (scope == PlanScope.Full)
            GroupPlanner.Plan(context);
        return context.Complete();
    }
}
