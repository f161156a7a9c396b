using Corps.Emulator;
using Corps.Emulator.Org;

namespace Corps.Feishu.Tests.Integration;

/// <summary>What a complete fetch must return, read straight from the emulator's organisation.</summary>
internal static class EmulatedOrgExpectations
{
    public static HashSet<string> AllDepartmentIds(EmulatorServer server)
    {
        using var _ = server.Org.EnterRead();
        return server.Org.Descendants(EmulatedOrg.RootId).Select(d => d.OpenDepartmentId).ToHashSet(StringComparer.Ordinal);
    }

    public static HashSet<string> SubtreeIds(EmulatorServer server, string openDepartmentId)
    {
        using var _ = server.Org.EnterRead();
        return server.Org.Descendants(openDepartmentId).Select(d => d.OpenDepartmentId).Append(openDepartmentId).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Everyone who is a direct member of one of <paramref name="departments"/> (and of the root when asked).</summary>
    public static HashSet<string> MembersOf(EmulatorServer server, IEnumerable<string> departments, bool includeRoot)
    {
        using var _ = server.Org.EnterRead();
        var ids = includeRoot ? departments.Append(EmulatedOrg.RootId) : departments;
        return ids.SelectMany(server.Org.DirectMembers).Select(u => u.OpenId).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A department with sub-departments and members, below the root.</summary>
    public static OrgDepartment DepartmentWithChildren(EmulatorServer server)
    {
        using var _ = server.Org.EnterRead();
        return server.Org.Descendants(EmulatedOrg.RootId)
            .Where(d => server.Org.Children(d.OpenDepartmentId).Count > 0 && server.Org.DirectMembers(d.OpenDepartmentId).Count > 0)
            .OrderByDescending(d => server.Org.Descendants(d.OpenDepartmentId).Count)
            .First();
    }

    public static OrgUser UserOutside(EmulatorServer server, HashSet<string> departments)
    {
        using var _ = server.Org.EnterRead();
        return server.Org.Document.Users.First(u => u.DepartmentIds.Count > 0 && u.DepartmentIds.All(d => !departments.Contains(d)) && !u.DepartmentIds.Contains(EmulatedOrg.RootId));
    }

    /// <summary>The people a group gives: its user members and everyone in its department members' subtrees.</summary>
    public static HashSet<string> GroupPeople(EmulatorServer server, OrgGroup group)
    {
        using var _ = server.Org.EnterRead();
        var people = group.Members.Where(m => m.MemberType == "user").Select(m => m.MemberId).ToHashSet(StringComparer.Ordinal);
        foreach (var department in group.Members.Where(m => m.MemberType == "department").Select(m => m.MemberId))
        {
            var subtree = server.Org.Descendants(department).Select(d => d.OpenDepartmentId).Append(department);
            people.UnionWith(subtree.SelectMany(server.Org.DirectMembers).Select(u => u.OpenId));
        }

        return people;
    }
}
