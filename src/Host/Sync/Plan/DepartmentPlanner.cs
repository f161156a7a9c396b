using Corps.Abstractions;
using Corps.Host.Sync.Local;

namespace Corps.Host.Sync.Plan;

/// <summary>Plans the department tree: create, update, move (same local id), delete and restore.</summary>
internal static class DepartmentPlanner
{
    private const string Root = CorpSnapshot.RootExternalId;

    public static void Plan(PlanningContext context)
    {
        var depths = new Dictionary<string, int>(StringComparer.Ordinal) { [Root] = 0 };
        if (context.Scope == PlanScope.Full)
        {
            var root = new UpstreamDepartment { ExternalId = Root, Name = context.Snapshot.RootName };
            PlanOne(context, root, depths);
        }

        foreach (var department in context.Snapshot.Departments)
            PlanOne(context, department, depths);

        if (context.Scope == PlanScope.Full)
            PlanDeletions(context);
    }

    /// <summary>The parent's external id as the store keeps it: departments under the root name <c>"0"</c>.</summary>
    public static string ParentOf(UpstreamDepartment department) =>
        string.IsNullOrEmpty(department.ParentExternalId) ? Root : department.ParentExternalId;

    private static void PlanOne(PlanningContext context, UpstreamDepartment upstream, Dictionary<string, int> depths)
    {
        var isRoot = upstream.ExternalId == Root;
        context.Local.Departments.TryGetValue(upstream.ExternalId, out var local);
        var write = new DepartmentWrite
        {
            LocalId = local?.Id,
            ExternalId = upstream.ExternalId,
            ParentExternalId = isRoot ? null : ParentOf(upstream),
            Name = upstream.Name,
            Order = upstream.Order,
            LeaderExternalId = context.TargetLeader(upstream.LeaderExternalId, local?.LeaderMemberId),
            IdentitiesJson = upstream.Identities.Count == 0 ? local?.IdentitiesJson ?? CanonicalJson.Empty : CanonicalJson.From(upstream.Identities),
            AttributesJson = upstream.Attributes.Count == 0 ? local?.AttributesJson ?? CanonicalJson.Empty : CanonicalJson.From(upstream.Attributes),
            Depth = DepthOf(context, upstream.ExternalId, depths),
        };

        if (local is null)
        {
            context.Plan.DepartmentWrites.Add(write);
            context.Add(new PlannedChange(ObjectKind.Department, ChangeAction.Create, write.ExternalId, write.Name,
                isRoot ? null : $"under {write.ParentExternalId}"));
            return;
        }

        var details = new List<string>();
        PlanningContext.Diff(details, "name", local.Name, write.Name);
        PlanningContext.Diff(details, "order", local.Order, write.Order);
        PlanningContext.Diff(details, "leader", context.MemberExternalId(local.LeaderMemberId), write.LeaderExternalId);
        if (local.IdentitiesJson != write.IdentitiesJson)
            details.Add("identities");
        if (local.AttributesJson != write.AttributesJson)
            details.Add("attributes");
        var localParent = context.DepartmentExternalId(local.ParentId);
        var moved = !isRoot && localParent != write.ParentExternalId;

        if (!local.IsDeleted && !moved && details.Count == 0)
            return;

        context.Plan.DepartmentWrites.Add(write);
        if (local.IsDeleted)
        {
            if (moved)
                details.Add($"parent: {localParent ?? "(none)"} → {write.ParentExternalId}");
            context.Add(new PlannedChange(ObjectKind.Department, ChangeAction.Restore, write.ExternalId, write.Name, Join(details)));
            return;
        }

        if (moved)
        {
            context.Add(new PlannedChange(ObjectKind.Department, ChangeAction.Move, write.ExternalId, write.Name,
                $"parent: {localParent ?? "(none)"} → {write.ParentExternalId}"));
        }

        if (details.Count > 0)
            context.Add(new PlannedChange(ObjectKind.Department, ChangeAction.Update, write.ExternalId, write.Name, Join(details)));
    }

    private static void PlanDeletions(PlanningContext context)
    {
        foreach (var local in context.Local.Departments.Values)
        {
            if (!local.IsDeleted && local.ExternalId != Root && !context.UpstreamDepartments.ContainsKey(local.ExternalId))
                PlanDeletion(context, local, removeMemberships: false);
        }

        RemoveMembershipsOfDeleted(context);
    }

    /// <summary>Deletes one department (an event's delete) with the memberships in it.</summary>
    public static void PlanDeletion(PlanningContext context, LocalDepartmentRow local)
    {
        PlanDeletion(context, local, removeMemberships: true);
    }

    private static void PlanDeletion(PlanningContext context, LocalDepartmentRow local, bool removeMemberships)
    {
        context.Plan.DepartmentDeletions.Add(local.Id);
        context.DeletedDepartmentIds.Add(local.Id);
        context.Add(new PlannedChange(ObjectKind.Department, ChangeAction.Offline, local.ExternalId, local.Name, "gone upstream"));
        if (removeMemberships)
            RemoveMembershipsOfDeleted(context);
    }

    /// <summary>A deleted department takes its memberships with it, whoever the member is (offlined members included).</summary>
    private static void RemoveMembershipsOfDeleted(PlanningContext context)
    {
        if (context.DeletedDepartmentIds.Count == 0)
            return;
        foreach (var member in context.Local.Members.Values)
        {
            foreach (var membership in member.Memberships)
            {
                if (!context.DeletedDepartmentIds.Contains(membership.DepartmentId))
                    continue;
                var departmentExternalId = context.DepartmentExternalId(membership.DepartmentId);
                context.Plan.MembershipRemovals.Add(new MembershipRemoval(member.Id, membership.DepartmentId));
                context.Add(new PlannedChange(ObjectKind.Membership, ChangeAction.Offline, $"{member.ExternalId}@{departmentExternalId}",
                    member.Name, "department deleted"));
            }
        }
    }

    /// <summary>Depth below the root, following upstream parents first, then stored ones (events).</summary>
    private static int DepthOf(PlanningContext context, string externalId, Dictionary<string, int> depths)
    {
        if (depths.TryGetValue(externalId, out var known))
            return known;

        // Iterative walk: deep trees must not overflow the stack; the validator has ruled out cycles in full
        // snapshots, and the step limit keeps a partial one (an event against a damaged tree) finite.
        var chain = new List<string>();
        var current = externalId;
        var depth = 0;
        while (current is not null && !depths.TryGetValue(current, out depth) && chain.Count <= depths.Count + context.Snapshot.Departments.Count + 1)
        {
            chain.Add(current);
            current = ParentExternalIdOf(context, current);
            depth = 0;
        }

        for (var i = chain.Count - 1; i >= 0; i--)
            depths[chain[i]] = ++depth;
        return depths[externalId];
    }

    private static string? ParentExternalIdOf(PlanningContext context, string externalId)
    {
        if (externalId == Root)
            return null;
        if (context.UpstreamDepartments.TryGetValue(externalId, out var upstream))
            return ParentOf(upstream);
        return context.Local.Departments.TryGetValue(externalId, out var local) ? context.DepartmentExternalId(local.ParentId) : null;
    }

    private static string? Join(List<string> details) => details.Count == 0 ? null : string.Join("; ", details);
}
