using Corps.Emulator.Org;

namespace Corps.Host.Demo;

/// <summary>
/// The fewest Open API calls that can read a whole organisation completely, derived from the organisation itself, for
/// an app that sees the whole tenant. Each list endpoint is read at its largest page size, and a list always costs at
/// least one call (an empty one included: the caller cannot know it is empty before asking).
/// </summary>
/// <remarks>
/// The endpoints are the ones a complete read cannot do without: one tenant token; the contact scope (which parts of the
/// tenant the app sees); every department through the root's recursive children list; the direct members of the root
/// and of every department (<c>find_by_department</c> is the only complete way to list people with their departments);
/// the user groups, listed once per type (normal and dynamic: the list serves one type per read), and each group's
/// user members and department members (one member type per read; a member type the group's listing counts as empty
/// needs no read); the tenant's name. Page sizes: 100 for scopes, groups and group members, 50 for children and
/// find_by_department (Feishu's documented maximums, which the emulator enforces). A department member's people come
/// from the department reads, at no extra call.
/// </remarks>
public static class MinimumApiCalls
{
    /// <summary>The minimum per endpoint (emulator statistics names) for <paramref name="org"/>.</summary>
    public static IReadOnlyDictionary<string, long> For(EmulatedOrg org)
    {
        ArgumentNullException.ThrowIfNull(org);
        using var read = org.EnterRead();
        var departments = org.Descendants(EmulatedOrg.RootId);
        var findByDepartment = departments.Sum(d => Pages(org.DirectMembers(d.OpenDepartmentId).Count, 50))
            + Pages(org.DirectMembers(EmulatedOrg.RootId).Count, 50);
        var groups = org.Document.Groups;
        return new SortedDictionary<string, long>(StringComparer.Ordinal)
        {
            ["POST /open-apis/auth/v3/tenant_access_token/internal"] = 1,
            ["GET /open-apis/contact/v3/scopes"] = Pages(org.Children(EmulatedOrg.RootId).Count, 100),
            ["GET /open-apis/contact/v3/departments/:department_id/children"] = Pages(departments.Count, 50),
            ["GET /open-apis/contact/v3/users/find_by_department"] = findByDepartment,
            ["GET /open-apis/contact/v3/group/simplelist"] = Pages(groups.Count(g => g.Type == 1), 100) + Pages(groups.Count(g => g.Type == 2), 100),
            ["GET /open-apis/contact/v3/group/:group_id/member/simplelist"] = groups.Sum(g => MemberPages(g, "user") + MemberPages(g, "department")),
            ["GET /open-apis/tenant/v2/tenant/query"] = 1,
        };
    }

    private static long Pages(int items, int pageSize) => Math.Max(1, (items + pageSize - 1) / pageSize);

    /// <summary>A member type the listing counts as empty is not read at all.</summary>
    private static long MemberPages(OrgGroup group, string memberType) =>
        group.Members.Count(m => m.MemberType == memberType) is var count and > 0 ? Pages(count, 100) : 0;
}
