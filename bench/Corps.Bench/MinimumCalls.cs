using System.Text.Json;
using System.Text.Json.Nodes;
using Corps.Emulator.Org;

namespace Corps.Bench;

/// <summary>
/// The fewest Open API calls a complete full sync of the emulator's org needs at the APIs' largest page sizes, for an
/// app with the whole tenant in scope.
/// </summary>
/// <remarks>
/// Counted per API: one tenant token; the scope list (100 a page); the department tree through
/// <c>departments/0/children?fetch_child=true</c> (50 a page); <c>users/find_by_department</c> for the root and every
/// department (50 a page, at least one call per department: a client cannot know a department has no direct members
/// without asking — only a department whose whole subtree is empty could be skipped, reported as <c>strictMinimum</c>);
/// the user group list once per type (100 a page; normal and dynamic groups are listed apart) and each group's user
/// members and department members (100 a page; one member type per read, and a type the listing counts as empty —
/// <c>member_user_count</c>, <c>member_department_count</c> — needs no read); the tenant query. A department member's
/// people come from the department reads at no extra call. People seen in several departments are read once per
/// department: the API has no cheaper way to learn every membership.
/// </remarks>
internal static class MinimumCalls
{
    private const int DepartmentPage = 50;
    private const int UserPage = 50;
    private const int ScopePage = 100;
    private const int GroupPage = 100;
    private const int GroupMemberPage = 100;

    public static async Task<int> RunAsync(BenchArguments options, CancellationToken cancellationToken)
    {
        var (org, file) = await OrgDownload.LoadAsync(options.Url("emulator"), cancellationToken).ConfigureAwait(false);
        File.Delete(file);
        var departments = org.Document.Departments.Where(d => !d.Status.IsDeleted).ToList();
        var firstLevel = departments.Count(d => d.ParentDepartmentId == EmulatedOrg.RootId);

        long userPages = 0, emptyDepartments = 0, emptySubtrees = 0;
        foreach (var id in departments.Select(d => d.OpenDepartmentId).Prepend(EmulatedOrg.RootId))
        {
            var direct = org.DirectMembers(id).Count;
            userPages += Pages(direct, UserPage);
            if (direct == 0)
            {
                emptyDepartments++;
                if (id != EmulatedOrg.RootId && org.MemberCounts(id).Total == 0)
                    emptySubtrees++;
            }
        }

        var groups = org.Document.Groups;
        var groupMemberPages = groups.Sum(g => (long)MemberPages(g, "user") + MemberPages(g, "department"));
        var calls = new JsonObject
        {
            ["tenant_access_token"] = 1,
            ["scopes"] = Pages(firstLevel, ScopePage),
            ["departments_children"] = Pages(departments.Count, DepartmentPage),
            ["users_find_by_department"] = userPages,
            ["group_simplelist"] = Pages(groups.Count(g => g.Type == 1), GroupPage) + Pages(groups.Count(g => g.Type == 2), GroupPage),
            ["group_member_simplelist"] = groupMemberPages,
            ["tenant_query"] = 1,
        };
        var minimum = calls.Sum(c => Convert.ToInt64(c.Value!.ToString(), System.Globalization.CultureInfo.InvariantCulture));
        var result = new JsonObject
        {
            ["users"] = org.UserCount,
            ["activeUsersInDepartments"] = org.Document.Users.Count(u => u.DepartmentIds.Count > 0),
            ["departments"] = departments.Count,
            ["memberships"] = org.Document.Users.Sum(u => u.DepartmentIds.Count),
            ["departmentsWithoutDirectMembers"] = emptyDepartments,
            ["groups"] = groups.Count,
            ["dynamicGroups"] = groups.Count(g => g.Type == 2),
            ["groupDepartmentMembers"] = groups.Sum(g => g.Members.Count(m => m.MemberType == "department")),
            ["minimum"] = minimum,
            ["strictMinimum"] = minimum - emptySubtrees,
            ["perApi"] = calls,
        };
        Console.WriteLine(result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }

    private static int Pages(int items, int pageSize) => Math.Max(1, (items + pageSize - 1) / pageSize);

    private static int MemberPages(OrgGroup group, string memberType) =>
        group.Members.Count(m => m.MemberType == memberType) is var count and > 0 ? Pages(count, GroupMemberPage) : 0;
}
