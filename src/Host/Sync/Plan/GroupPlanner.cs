using Corps.Abstractions;

namespace Corps.Host.Sync.Plan;

/// <summary>Plans user groups and their member lists (full snapshots only: a snapshot's group list is complete).</summary>
/// <remarks>One <see cref="PlannedChange"/> per group that changes; its detail counts the members added and removed.</remarks>
internal static class GroupPlanner
{
    public static void Plan(PlanningContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var upstream in context.Snapshot.Groups)
        {
            if (seen.Add(upstream.ExternalId))
                PlanOne(context, upstream);
        }

        foreach (var local in context.Local.Groups.Values)
        {
            if (seen.Contains(local.ExternalId))
                continue;
            context.Plan.GroupDeletions.Add(local.Id);
            context.Add(new PlannedChange(ObjectKind.Group, ChangeAction.Offline, local.ExternalId, local.Name, "gone upstream"));
        }
    }

    private static void PlanOne(PlanningContext context, UpstreamGroup upstream)
    {
        context.Local.Groups.TryGetValue(upstream.ExternalId, out var local);
        var target = new HashSet<string>(StringComparer.Ordinal);
        foreach (var memberId in upstream.MemberExternalIds)
        {
            if (context.IsKnownMember(memberId))
                target.Add(memberId);
            else
                context.Warnings.Add($"Group {upstream.ExternalId} lists member {memberId}, who is not in the snapshot; skipped.");
        }

        var stored = new HashSet<string>(StringComparer.Ordinal);
        if (local is not null)
        {
            foreach (var memberId in local.MemberIds)
            {
                if (context.MemberExternalId(memberId) is { } externalId)
                    stored.Add(externalId);
            }
        }

        var added = 0;
        foreach (var memberId in target.Where(m => !stored.Contains(m)))
        {
            context.Plan.GroupMemberChanges.Add(new GroupMemberChange(upstream.ExternalId, memberId, Add: true));
            added++;
        }

        var removed = 0;
        foreach (var memberId in stored.Where(m => !target.Contains(m)))
        {
            context.Plan.GroupMemberChanges.Add(new GroupMemberChange(upstream.ExternalId, memberId, Add: false));
            removed++;
        }

        var details = new List<string>();
        if (local is not null)
        {
            PlanningContext.Diff(details, "name", local.Name, upstream.Name);
            PlanningContext.Diff(details, "description", local.Description, upstream.Description);
            PlanningContext.Diff(details, "dynamic", local.IsDynamic, upstream.IsDynamic);
        }

        if (local is null || details.Count > 0)
            context.Plan.GroupWrites.Add(new GroupWrite(local?.Id, upstream.ExternalId, upstream.Name, upstream.Description, upstream.IsDynamic));
        if (added > 0)
            details.Add($"+{added} members");
        if (removed > 0)
            details.Add($"-{removed} members");

        if (local is null)
            context.Add(new PlannedChange(ObjectKind.Group, ChangeAction.Create, upstream.ExternalId, upstream.Name, details.Count > 0 ? string.Join("; ", details) : null));
        else if (details.Count > 0)
            context.Add(new PlannedChange(ObjectKind.Group, ChangeAction.Update, upstream.ExternalId, upstream.Name, string.Join("; ", details)));
    }
}
