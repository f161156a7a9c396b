using Corps.Abstractions;

namespace Corps.Feishu.Contacts;

/// <summary>
/// Turns the groups as read into the framework's groups: user members as listed, and each department member replaced by
/// the people of that department, taken from the snapshot (no call: the snapshot already holds every department's
/// members).
/// </summary>
internal static class GroupExpander
{
    /// <summary>
    /// What "a department is a member of a group" gives the group: the department's own members and, when true, the
    /// members of every department below it. The docs do not say (UNCONFIRMED); true follows how Feishu treats a chosen
    /// department everywhere else it documents (the contact scope, department chats, a dynamic group's
    /// <c>department_level: recursive</c>), which is what an admin who adds "Sales" to a group expects. This is the one
    /// place to change if upstream proves otherwise.
    /// </summary>
    public static readonly bool DepartmentIncludesSubDepartments = true;

    /// <param name="groups">The groups as read.</param>
    /// <param name="departments">The snapshot's departments (a null parent is the root).</param>
    /// <param name="members">The snapshot's members with their memberships.</param>
    /// <param name="unknownDepartment">Told of a department member the snapshot does not hold (group id, department id);
    /// it gives the group nobody.</param>
    public static List<UpstreamGroup> Expand(IReadOnlyList<GroupRead> groups, IReadOnlyList<UpstreamDepartment> departments,
        IReadOnlyList<UpstreamMember> members, Action<string, string> unknownDepartment)
    {
        var known = members.Select(m => m.ExternalId).ToHashSet(StringComparer.Ordinal);
        Lazy<Index> index = new(() => new Index(departments, members));
        var result = new List<UpstreamGroup>(groups.Count);
        foreach (var group in groups)
        {
            var people = new List<string>(group.UserIds.Where(known.Contains));
            foreach (var departmentId in group.DepartmentIds)
            {
                if (!index.Value.TryPeople(departmentId, out var found))
                {
                    unknownDepartment(group.Id, departmentId);
                    continue;
                }

                people.AddRange(found);
            }

            result.Add(new UpstreamGroup
            {
                ExternalId = group.Id,
                Name = group.Name,
                Description = group.Description,
                IsDynamic = group.Type == GroupTypes.Dynamic,
                MemberExternalIds = people.Distinct(StringComparer.Ordinal).ToList(),
            });
        }

        return result;
    }

    /// <summary>Departments' children and direct members, built once and only when some group holds a department.</summary>
    private sealed class Index
    {
        private readonly Dictionary<string, List<string>> _children = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<string>> _direct = new(StringComparer.Ordinal);
        private readonly HashSet<string> _departments = new(StringComparer.Ordinal) { CorpSnapshot.RootExternalId };

        public Index(IReadOnlyList<UpstreamDepartment> departments, IReadOnlyList<UpstreamMember> members)
        {
            foreach (var department in departments)
            {
                _departments.Add(department.ExternalId);
                Add(_children, department.ParentExternalId ?? CorpSnapshot.RootExternalId, department.ExternalId);
            }

            foreach (var member in members)
            {
                foreach (var membership in member.Memberships ?? [])
                    Add(_direct, membership.DepartmentExternalId, member.ExternalId);
            }
        }

        public bool TryPeople(string departmentId, out IEnumerable<string> people)
        {
            people = [];
            if (!_departments.Contains(departmentId))
                return false;
            var reached = new List<string> { departmentId };
            for (var i = 0; DepartmentIncludesSubDepartments && i < reached.Count; i++)
                reached.AddRange(_children.GetValueOrDefault(reached[i]) ?? []);
            people = reached.SelectMany(id => _direct.GetValueOrDefault(id) ?? []);
            return true;
        }

        private static void Add(Dictionary<string, List<string>> map, string key, string value)
        {
            if (!map.TryGetValue(key, out var list))
                map[key] = list = [];
            list.Add(value);
        }
    }
}
