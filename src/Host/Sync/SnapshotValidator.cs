using Corps.Abstractions;
using Corps.Host.Sync.Plan;

namespace Corps.Host.Sync;

/// <summary>Rejects snapshots the planner cannot trust: duplicate ids, dangling parents, parent cycles, shared identities.</summary>
internal static class SnapshotValidator
{
    /// <summary>Throws an upstream <see cref="CorpException"/> naming the first few problems.</summary>
    public static void Validate(string corpFullName, CorpSnapshot snapshot)
    {
        var problems = new List<string>();
        var departments = new Dictionary<string, UpstreamDepartment>(StringComparer.Ordinal);
        foreach (var department in snapshot.Departments)
        {
            if (department.ExternalId == CorpSnapshot.RootExternalId || string.IsNullOrEmpty(department.ExternalId))
                problems.Add($"a department has the reserved id '{department.ExternalId}'");
            else if (!departments.TryAdd(department.ExternalId, department))
                problems.Add($"department {department.ExternalId} appears twice");
        }

        foreach (var department in departments.Values)
        {
            var parent = DepartmentPlanner.ParentOf(department);
            if (parent != CorpSnapshot.RootExternalId && !departments.ContainsKey(parent))
                problems.Add($"department {department.ExternalId} names parent {parent}, which is not in the snapshot");
        }

        FindCycles(departments, problems);

        var members = new HashSet<string>(StringComparer.Ordinal);
        var identities = new Dictionary<(string, string), string>();
        foreach (var member in snapshot.Members)
        {
            if (string.IsNullOrEmpty(member.ExternalId))
            {
                problems.Add("a member has no id");
                continue;
            }

            if (!members.Add(member.ExternalId))
                problems.Add($"member {member.ExternalId} appears twice");
            foreach (var (kind, value) in member.Identities)
            {
                if (!Store.IdentityKinds.Shared.Contains(kind) && !identities.TryAdd((kind, value), member.ExternalId)
                    && identities[(kind, value)] != member.ExternalId)
                {
                    problems.Add($"members {identities[(kind, value)]} and {member.ExternalId} share {kind} {value}");
                }
            }
        }

        if (problems.Count == 0)
            return;
        var shown = string.Join("; ", problems.Take(10)) + (problems.Count > 10 ? $"; and {problems.Count - 10} more" : "");
        throw new CorpException(CorpErrorKind.Upstream, $"The snapshot from {corpFullName} is invalid: {shown}.",
            "Nothing was written. Check the corp type's fetch (or the upstream directory) and sync again.");
    }

    private static void FindCycles(Dictionary<string, UpstreamDepartment> departments, List<string> problems)
    {
        // 0 = unvisited, 1 = on the current path, 2 = known to reach the root.
        var state = new Dictionary<string, int>(departments.Count, StringComparer.Ordinal);
        foreach (var start in departments.Keys)
        {
            var path = new List<string>();
            var current = start;
            while (departments.TryGetValue(current, out var department) && state.GetValueOrDefault(current) == 0)
            {
                state[current] = 1;
                path.Add(current);
                current = DepartmentPlanner.ParentOf(department);
            }

            if (state.GetValueOrDefault(current) == 1)
                problems.Add($"departments {string.Join(" → ", path.SkipWhile(p => p != current))} → {current} form a cycle");
            foreach (var visited in path)
                state[visited] = 2;
        }
    }
}
