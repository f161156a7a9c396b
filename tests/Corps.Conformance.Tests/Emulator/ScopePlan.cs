using Corps.Emulator.Org;

namespace Corps.Conformance.Tests.Emulator;

/// <summary>
/// The scoped app's contact scope, chosen from the generated org: one top-level department (inside), another
/// top-level department (outside), a lone user from outside, and a user who is only in the outside subtree.
/// </summary>
internal sealed record ScopePlan
{
    public required string InsideDepartmentId { get; init; }

    public required string OutsideDepartmentId { get; init; }

    public required string LoneUserId { get; init; }

    public required string OutsideUserId { get; init; }

    public static ScopePlan Choose(OrgDocument org)
    {
        var top = org.Departments.Where(d => d.ParentDepartmentId == EmulatedOrg.RootId).ToList();
        var subtree = (string root) =>
        {
            var ids = new HashSet<string>(StringComparer.Ordinal) { root };
            for (var grew = true; grew;)
            {
                grew = false;
                foreach (var d in org.Departments)
                {
                    grew |= ids.Contains(d.ParentDepartmentId) && ids.Add(d.OpenDepartmentId);
                }
            }

            return ids;
        };
        var inside = subtree(top[0].OpenDepartmentId);
        var outside = subtree(top[1].OpenDepartmentId);
        var onlyOutside = org.Users
            .Where(u => u.DepartmentIds.Count > 0 && u.DepartmentIds.All(outside.Contains))
            .ToList();
        return new ScopePlan
        {
            InsideDepartmentId = top[0].OpenDepartmentId,
            OutsideDepartmentId = top[1].OpenDepartmentId,
            LoneUserId = onlyOutside[0].OpenId,
            OutsideUserId = onlyOutside[1].OpenId,
        };
    }
}
