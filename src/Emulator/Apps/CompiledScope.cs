using Corps.Emulator.Org;

namespace Corps.Emulator.Apps;

/// <summary>
/// An app's contact scope resolved against the org: root departments (whose subtrees are visible), individually
/// visible users and groups. Groups in scope make their member users and departments visible.
/// </summary>
internal sealed class CompiledScope
{
    private CompiledScope(long version, bool all, HashSet<string> roots, HashSet<string> users, HashSet<string> groups,
        List<string> chosenDepartments, List<string> chosenUsers, List<string> chosenGroups)
    {
        Version = version;
        IsAll = all;
        Roots = roots;
        Users = users;
        Groups = groups;
        ChosenDepartments = chosenDepartments;
        ChosenUsers = chosenUsers;
        ChosenGroups = chosenGroups;
    }

    public long Version { get; }

    public bool IsAll { get; }

    /// <summary>Open ids of departments whose subtrees are visible.</summary>
    public HashSet<string> Roots { get; }

    /// <summary>Open ids of users visible on their own (chosen, or members of chosen groups).</summary>
    public HashSet<string> Users { get; }

    public HashSet<string> Groups { get; }

    public List<string> ChosenDepartments { get; }

    public List<string> ChosenUsers { get; }

    public List<string> ChosenGroups { get; }

    public static CompiledScope Build(EmulatedOrg org, Options.ContactScopeOptions scope)
    {
        var roots = new HashSet<string>(StringComparer.Ordinal);
        var users = new HashSet<string>(StringComparer.Ordinal);
        var groups = new HashSet<string>(StringComparer.Ordinal);
        List<string> chosenDepts = [], chosenUsers = [], chosenGroups = [];
        foreach (var id in scope.DepartmentIds)
        {
            var d = org.FindDepartmentAny(id);
            if (d is null) continue;
            roots.Add(d.OpenDepartmentId);
            chosenDepts.Add(d.OpenDepartmentId);
        }
        foreach (var id in scope.UserIds)
        {
            var u = org.FindUserAny(id);
            if (u is null) continue;
            users.Add(u.OpenId);
            chosenUsers.Add(u.OpenId);
        }
        foreach (var id in scope.GroupIds)
        {
            var g = org.FindGroup(id);
            if (g is null) continue;
            groups.Add(g.Id);
            chosenGroups.Add(g.Id);
            foreach (var m in g.Members)
            {
                if (m.MemberType == "department") roots.Add(m.MemberId);
                else users.Add(m.MemberId);
            }
        }
        return new CompiledScope(org.Version, scope.IsAll, roots, users, groups, chosenDepts, chosenUsers, chosenGroups);
    }

    public bool SeesDepartment(EmulatedOrg org, string openDepartmentId) =>
        IsAll || (openDepartmentId != EmulatedOrg.RootId && org.IsBelowOrSelf(openDepartmentId, Roots));

    public bool SeesUser(EmulatedOrg org, OrgUser user)
    {
        if (IsAll || Users.Contains(user.OpenId)) return true;
        foreach (var d in user.DepartmentIds) if (org.IsBelowOrSelf(d, Roots)) return true;
        return false;
    }

    public bool SeesGroup(string groupId) => IsAll || Groups.Contains(groupId);
}
