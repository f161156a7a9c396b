using Corps.Abstractions;
using Corps.Host.Sync.Local;

namespace Corps.Host.Sync.Plan;

/// <summary>Plans members, their identities and their memberships.</summary>
/// <remarks>
/// A null upstream field means "unknown" (the app may lack the field's permission) and keeps the stored value; an empty
/// string clears it. Members missing from a full snapshot, or resigned upstream, are offlined; offlined members that
/// come back (not resigned) are restored.
/// </remarks>
internal static class MemberPlanner
{
    public static void Plan(PlanningContext context)
    {
        foreach (var upstream in context.UpstreamMembers.Values)
            PlanOne(context, upstream);

        if (context.Scope != PlanScope.Full)
            return;

        foreach (var local in context.Local.Members.Values)
        {
            if (local.Status == MemberStatus.Resigned || context.UpstreamMembers.ContainsKey(local.ExternalId))
                continue;
            context.Plan.MemberWrites.Add(Keep(context, local) with { Status = MemberStatus.Resigned });
            context.Add(new PlannedChange(ObjectKind.Member, ChangeAction.Offline, local.ExternalId, local.Name, "missing from the snapshot"));
        }
    }

    /// <summary>Offlines one stored member (an event's delete), or does nothing when it already is.</summary>
    public static void PlanOffline(PlanningContext context, LocalMemberRow local, string reason)
    {
        if (local.Status == MemberStatus.Resigned)
            return;
        context.Plan.MemberWrites.Add(Keep(context, local) with { Status = MemberStatus.Resigned });
        context.Add(new PlannedChange(ObjectKind.Member, ChangeAction.Offline, local.ExternalId, local.Name, reason));
    }

    private static void PlanOne(PlanningContext context, UpstreamMember upstream)
    {
        context.Local.Members.TryGetValue(upstream.ExternalId, out var local);
        var write = new MemberWrite
        {
            LocalId = local?.Id,
            ExternalId = upstream.ExternalId,
            Name = PlanningContext.Pick(upstream.Name, local?.Name),
            EnglishName = PlanningContext.Pick(upstream.EnglishName, local?.EnglishName),
            Email = PlanningContext.Pick(upstream.Email, local?.Email),
            Mobile = PlanningContext.Pick(upstream.Mobile, local?.Mobile),
            AvatarUrl = PlanningContext.Pick(upstream.AvatarUrl, local?.AvatarUrl),
            JobTitle = PlanningContext.Pick(upstream.JobTitle, local?.JobTitle),
            EmployeeNo = PlanningContext.Pick(upstream.EmployeeNo, local?.EmployeeNo),
            EmployeeType = PlanningContext.Pick(upstream.EmployeeType, local?.EmployeeType),
            Status = upstream.Status,
            LeaderExternalId = context.TargetLeader(upstream.LeaderExternalId, local?.LeaderMemberId),
            IsTenantManager = upstream.IsTenantManager ?? local?.IsTenantManager,
            // A stored member's attributes are compared now; a new member's are only written, so they stay a map till then.
            AttributesJson = local is null ? null : upstream.Attributes.Count == 0 ? local.AttributesJson : CanonicalJson.From(upstream.Attributes),
            Attributes = local is null ? upstream.Attributes : null,
        };

        var identitiesChanged = PlanIdentities(context, upstream, local);
        if (local is null)
        {
            context.Plan.MemberWrites.Add(write);
            context.Add(new PlannedChange(ObjectKind.Member, ChangeAction.Create, write.ExternalId, write.Name));
        }
        else
        {
            PlanChangedMember(context, local, write, identitiesChanged);
        }

        PlanMemberships(context, upstream, local);
    }

    private static void PlanChangedMember(PlanningContext context, LocalMemberRow local, MemberWrite write, bool identitiesChanged)
    {
        var details = new List<string>();
        PlanningContext.Diff(details, "name", local.Name, write.Name);
        PlanningContext.Diff(details, "englishName", local.EnglishName, write.EnglishName);
        PlanningContext.Diff(details, "email", local.Email, write.Email);
        PlanningContext.Diff(details, "mobile", local.Mobile, write.Mobile);
        PlanningContext.Diff(details, "avatarUrl", local.AvatarUrl, write.AvatarUrl);
        PlanningContext.Diff(details, "jobTitle", local.JobTitle, write.JobTitle);
        PlanningContext.Diff(details, "employeeNo", local.EmployeeNo, write.EmployeeNo);
        PlanningContext.Diff(details, "employeeType", local.EmployeeType, write.EmployeeType);
        PlanningContext.Diff(details, "leader", context.MemberExternalId(local.LeaderMemberId), write.LeaderExternalId);
        PlanningContext.Diff(details, "tenantManager", local.IsTenantManager, write.IsTenantManager);
        if (local.AttributesJson != write.AttributesJson)
            details.Add("attributes");
        if (identitiesChanged)
            details.Add("identities");

        var wasResigned = local.Status == MemberStatus.Resigned;
        var isResigned = write.Status == MemberStatus.Resigned;
        var action = (wasResigned, isResigned) switch
        {
            (false, true) => ChangeAction.Offline,
            (true, false) => ChangeAction.Restore,
            _ => ChangeAction.Update,
        };
        if (action == ChangeAction.Update)
            PlanningContext.Diff(details, "status", local.Status, write.Status);
        else
            details.Insert(0, action == ChangeAction.Offline ? "resigned upstream" : $"back upstream as {write.Status}");

        if (action == ChangeAction.Update && details.Count == 0)
            return;
        context.Plan.MemberWrites.Add(write);
        context.Add(new PlannedChange(ObjectKind.Member, action, write.ExternalId, write.Name, string.Join("; ", details)));
    }

    /// <summary>Sets every identity kind upstream reports; kinds it does not report are kept.</summary>
    private static bool PlanIdentities(PlanningContext context, UpstreamMember upstream, LocalMemberRow? local)
    {
        var changed = false;
        foreach (var (kind, value) in upstream.Identities)
        {
            if (local is not null && local.Identities.TryGetValue(kind, out var stored) && stored == value)
                continue;
            changed = true;
            context.Plan.IdentityWrites.Add(new IdentityWrite(upstream.ExternalId, kind, value));

            // The value moved to this member from another one: free it first (the applier removes before it sets).
            if (!Store.IdentityKinds.Shared.Contains(kind)
                && context.Local.IdentityOwners.TryGetValue((kind, value), out var owner) && owner != local?.Id)
            {
                context.Plan.IdentityRemovals.Add(new IdentityRemoval(owner, kind));
            }
        }

        return changed;
    }

    private static void PlanMemberships(PlanningContext context, UpstreamMember upstream, LocalMemberRow? local)
    {
        if (upstream.Memberships is null)
            return;

        var target = new Dictionary<string, UpstreamMembership>(upstream.Memberships.Count, StringComparer.Ordinal);
        foreach (var membership in upstream.Memberships)
        {
            var departmentId = string.IsNullOrEmpty(membership.DepartmentExternalId) ? CorpSnapshot.RootExternalId : membership.DepartmentExternalId;
            if (!context.IsKnownDepartment(departmentId))
            {
                context.Warnings.Add($"Member {upstream.ExternalId} names department {departmentId}, which is not in the snapshot; that membership was skipped.");
                continue;
            }

            target.TryAdd(departmentId, membership with { DepartmentExternalId = departmentId });
        }

        var stored = new Dictionary<string, LocalMembershipRow>(StringComparer.Ordinal);
        if (local is not null)
        {
            foreach (var membership in local.Memberships)
            {
                if (context.DeletedDepartmentIds.Contains(membership.DepartmentId))
                    continue;
                var departmentExternalId = context.DepartmentExternalId(membership.DepartmentId);
                if (departmentExternalId is not null)
                    stored[departmentExternalId] = membership;
            }
        }

        foreach (var (departmentId, membership) in target)
        {
            var key = $"{upstream.ExternalId}@{departmentId}";
            if (!stored.TryGetValue(departmentId, out var current))
            {
                context.Plan.MembershipWrites.Add(new MembershipWrite(upstream.ExternalId, departmentId, membership.Order, membership.IsPrimary));
                context.Add(new PlannedChange(ObjectKind.Membership, ChangeAction.Create, key, upstream.Name));
            }
            else if (current.Order != membership.Order || current.IsPrimary != membership.IsPrimary)
            {
                context.Plan.MembershipWrites.Add(new MembershipWrite(upstream.ExternalId, departmentId, membership.Order, membership.IsPrimary));
                var details = new List<string>();
                PlanningContext.Diff(details, "order", current.Order, membership.Order);
                PlanningContext.Diff(details, "primary", current.IsPrimary, membership.IsPrimary);
                context.Add(new PlannedChange(ObjectKind.Membership, ChangeAction.Update, key, upstream.Name, string.Join("; ", details)));
            }
        }

        foreach (var (departmentId, membership) in stored)
        {
            if (target.ContainsKey(departmentId))
                continue;
            context.Plan.MembershipRemovals.Add(new MembershipRemoval(local!.Id, membership.DepartmentId));
            context.Add(new PlannedChange(ObjectKind.Membership, ChangeAction.Offline, $"{upstream.ExternalId}@{departmentId}", upstream.Name));
        }
    }

    private static MemberWrite Keep(PlanningContext context, LocalMemberRow local) => new()
    {
        LocalId = local.Id,
        ExternalId = local.ExternalId,
        Name = local.Name,
        EnglishName = local.EnglishName,
        Email = local.Email,
        Mobile = local.Mobile,
        AvatarUrl = local.AvatarUrl,
        JobTitle = local.JobTitle,
        EmployeeNo = local.EmployeeNo,
        EmployeeType = local.EmployeeType,
        Status = local.Status,
        LeaderExternalId = context.MemberExternalId(local.LeaderMemberId),
        IsTenantManager = local.IsTenantManager,
        AttributesJson = local.AttributesJson,
    };
}
