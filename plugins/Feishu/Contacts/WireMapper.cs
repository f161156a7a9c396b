using System.Globalization;
using Corps.Abstractions;
using Corps.Feishu.Wire;

namespace Corps.Feishu.Contacts;

/// <summary>
/// Maps contact v3 users and departments to the framework's models. A field the app may not read is absent on the
/// wire and null here ("unknown"); nothing is invented.
/// </summary>
internal static class WireMapper
{
    /// <summary>The identity keys stored for members and departments.</summary>
    public const string OpenId = "open_id", UnionId = "union_id", UserId = "user_id", TenantKey = "tenant_key",
        OpenDepartmentId = "open_department_id", DepartmentId = "department_id";

    /// <summary>Maps a user; memberships are left to the caller (they depend on what the fetch saw).</summary>
    /// <param name="user">The user as read.</param>
    /// <param name="tenantKey">The tenant key, stored as an identity; null when unknown.</param>
    /// <param name="memberships">The memberships, or null when unknown.</param>
    /// <param name="pool">De-duplicates the values members repeat (a fetch passes one; an event needs none).</param>
    /// <exception cref="ArgumentException">The user has no <c>open_id</c> (the stable key every read carries).</exception>
    public static UpstreamMember ToMember(WireUser user, string? tenantKey, IReadOnlyList<UpstreamMembership>? memberships, StringPool? pool = null)
    {
        if (string.IsNullOrEmpty(user.OpenId))
            throw new ArgumentException("A user without open_id cannot be keyed.", nameof(user));
        var name = user.Name;
        return new UpstreamMember
        {
            ExternalId = user.OpenId,
            Name = name,
            // The same text twice (an English name equal to the name) is kept once.
            EnglishName = user.EnName is { } en && en == name ? name : user.EnName,
            Email = user.Email,
            Mobile = user.Mobile,
            AvatarUrl = user.Avatar is { } a ? a.Avatar240 ?? a.Avatar640 ?? a.Avatar72 ?? a.AvatarOrigin : null,
            JobTitle = Pooled(pool, user.JobTitle),
            EmployeeNo = user.EmployeeNo,
            EmployeeType = user.EmployeeType?.ToString(CultureInfo.InvariantCulture),
            Status = ToStatus(user.Status),
            LeaderExternalId = Pooled(pool, NullIfEmpty(user.LeaderUserId)),
            IsTenantManager = user.IsTenantManager,
            Memberships = memberships,
            Identities = Identities(user, tenantKey, pool),
            Attributes = Attributes(user, pool),
        };
    }

    /// <summary>A member's identities with the tenant key (known only once the fetch has read the tenant) added.</summary>
    public static IReadOnlyDictionary<string, string> WithTenantKey(IReadOnlyDictionary<string, string> identities, string? tenantKey, StringPool? pool)
    {
        if (tenantKey is null)
            return identities;
        var builder = new CompactMapBuilder(identities.Count + 1);
        foreach (var (kind, value) in identities)
            builder.AddIf(kind, value);
        return builder.AddIf(TenantKey, Pooled(pool, tenantKey)).Build(pool);
    }

    /// <summary>The memberships a user object states about itself (<c>orders</c>, else <c>department_ids</c>); null when it
    /// states none (the app lacks the department field permission).</summary>
    public static List<UpstreamMembership>? OwnMemberships(WireUser user, StringPool? pool = null)
    {
        if (user.Orders is { Count: > 0 } orders)
        {
            var fromOrders = orders.Where(o => !string.IsNullOrEmpty(o.DepartmentId))
                .Select(o => new UpstreamMembership(Required(pool, o.DepartmentId!), o.UserOrder ?? 0, o.IsPrimaryDept ?? false))
                .ToList();
            // department_ids may list departments orders leave out; keep them too.
            foreach (var id in user.DepartmentIds ?? [])
            {
                if (!fromOrders.Exists(m => m.DepartmentExternalId == id))
                    fromOrders.Add(new UpstreamMembership(Required(pool, id)));
            }

            return fromOrders;
        }

        // Without orders, the first department is the primary one (Feishu lists it first).
        return user.DepartmentIds?.Select((id, i) => new UpstreamMembership(Required(pool, id), 0, i == 0)).ToList();
    }

    /// <summary>The order and primary flag a user object gives for one department, if it says.</summary>
    public static UpstreamMembership ForDepartment(WireUser user, string departmentId)
    {
        var order = user.Orders?.FirstOrDefault(o => o.DepartmentId == departmentId);
        if (order is not null)
            return new UpstreamMembership(departmentId, order.UserOrder ?? 0, order.IsPrimaryDept ?? false);
        var primary = user.Orders is null && user.DepartmentIds is { Count: > 0 } ids && ids[0] == departmentId;
        return new UpstreamMembership(departmentId, 0, primary);
    }

    /// <summary>Status precedence: resigned or exited beats frozen beats not-yet-activated. No status field means the app
    /// cannot see it; such members come from active listings, so they are active.</summary>
    public static MemberStatus ToStatus(WireUserStatus? status) => status switch
    {
        null => MemberStatus.Active,
        { IsResigned: true } or { IsExited: true } => MemberStatus.Resigned,
        { IsFrozen: true } => MemberStatus.Frozen,
        { IsActivated: false } or { IsUnjoin: true } => MemberStatus.NotActivated,
        _ => MemberStatus.Active,
    };

    /// <summary>Maps a department; a parent of <c>"0"</c> (the root) becomes null.</summary>
    /// <exception cref="ArgumentException">The department has no <c>open_department_id</c>.</exception>
    public static UpstreamDepartment ToDepartment(WireDepartment department)
    {
        if (string.IsNullOrEmpty(department.OpenDepartmentId))
            throw new ArgumentException("A department without open_department_id cannot be keyed.", nameof(department));
        var identities = new Dictionary<string, string>(StringComparer.Ordinal) { [OpenDepartmentId] = department.OpenDepartmentId };
        AddIf(identities, DepartmentId, department.DepartmentId);

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        AddIf(attributes, "chat_id", department.ChatId);
        AddIf(attributes, "name_en_us", department.I18nName?.EnUs);
        AddIf(attributes, "name_zh_cn", department.I18nName?.ZhCn);
        AddIf(attributes, "name_ja_jp", department.I18nName?.JaJp);
        AddIf(attributes, "member_count", department.MemberCount?.ToString(CultureInfo.InvariantCulture));
        AddIf(attributes, "unit_ids", department.UnitIds is { Count: > 0 } units ? string.Join(',', units) : null);
        var deputies = department.Leaders?.Where(l => l.LeaderType == 2 && !string.IsNullOrEmpty(l.LeaderId)).Select(l => l.LeaderId!).ToArray();
        AddIf(attributes, "deputy_leaders", deputies is { Length: > 0 } ? string.Join(',', deputies) : null);

        var parent = NullIfEmpty(department.ParentDepartmentId);
        return new UpstreamDepartment
        {
            ExternalId = department.OpenDepartmentId,
            ParentExternalId = parent == CorpSnapshot.RootExternalId ? null : parent,
            Name = department.Name ?? department.I18nName?.ZhCn ?? department.I18nName?.EnUs ?? department.OpenDepartmentId,
            Order = department.Order ?? 0,
            LeaderExternalId = NullIfEmpty(department.LeaderUserId)
                ?? department.Leaders?.FirstOrDefault(l => l.LeaderType == 1)?.LeaderId,
            Identities = identities,
            Attributes = attributes,
        };
    }

    private static CompactMap Identities(WireUser user, string? tenantKey, StringPool? pool) =>
        new CompactMapBuilder(4)
            .AddIf(OpenId, user.OpenId)
            .AddIf(UnionId, user.UnionId)
            .AddIf(UserId, user.UserId)
            .AddIf(TenantKey, Pooled(pool, tenantKey))
            .Build(pool);

    private static CompactMap Attributes(WireUser user, StringPool? pool)
    {
        var attributes = new CompactMapBuilder()
            .AddIf("nickname", user.Nickname is { } nickname && nickname == user.Name ? user.Name : user.Nickname)
            .AddIf("enterprise_email", user.EnterpriseEmail is { } enterprise && enterprise == user.Email ? user.Email : user.EnterpriseEmail)
            .AddIf("gender", user.Gender?.ToString(CultureInfo.InvariantCulture))
            .AddIf("city", Pooled(pool, user.City))
            .AddIf("country", Pooled(pool, user.Country))
            .AddIf("work_station", Pooled(pool, user.WorkStation))
            .AddIf("join_time", user.JoinTime?.ToString(CultureInfo.InvariantCulture))
            .AddIf("job_level_id", Pooled(pool, user.JobLevelId))
            .AddIf("job_family_id", Pooled(pool, user.JobFamilyId))
            .AddIf("time_zone", Pooled(pool, user.TimeZone));
        foreach (var attr in user.CustomAttrs ?? [])
        {
            if (string.IsNullOrEmpty(attr.Id) || attr.Value is not { } v)
                continue;
            attributes.AddIf(pool?.CustomKey(attr.Id) ?? "custom." + attr.Id,
                Pooled(pool, v.Text ?? v.OptionValue ?? v.Name ?? v.Url ?? v.PictureUrl ?? v.GenericUser?.Id ?? v.OptionId));
        }

        return attributes.Build(pool);
    }

    private static string? Pooled(StringPool? pool, string? value) => pool is null ? value : pool.Intern(value);

    private static string Required(StringPool? pool, string value) => pool?.Intern(value) ?? value;

    private static void AddIf(Dictionary<string, string> target, string key, string? value)
    {
        if (value is not null)
            target[key] = value;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
