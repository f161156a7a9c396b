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

    public static ScopePlan Choose(EmulatedOrg org)
    {
        var top = org.Children(EmulatedOrg.RootId);
        var outside = org.Descendants(top[1].OpenDepartmentId).Select(d => d.OpenDepartmentId).Append(top[1].OpenDepartmentId).ToHashSet(StringComparer.Ordinal);
        var onlyOutside = org.Document.Users
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
