using Corps.Abstractions;
using Corps.Feishu.Contacts;

namespace Corps.Feishu.Tests.Contacts;

public sealed class GroupExpanderTests
{
    // A and B under the root, A1 under A, A1a under A1; m0 at the root, m1 in A, m2 in A1, m3 in A1a and B, m4 in B.
    private static readonly UpstreamDepartment[] s_departments =
    [
        Department("A", null), Department("B", null), Department("A1", "A"), Department("A1a", "A1"),
    ];

    private static readonly UpstreamMember[] s_members =
    [
        Member("m0", "0"), Member("m1", "A"), Member("m2", "A1"), Member("m3", "A1a", "B"), Member("m4", "B"),
        new() { ExternalId = "gone", Memberships = null },
    ];

    private static UpstreamDepartment Department(string id, string? parent) => new() { ExternalId = id, ParentExternalId = parent, Name = id };

    private static UpstreamMember Member(string id, params string[] departments) =>
        new() { ExternalId = id, Memberships = [.. departments.Select(d => new UpstreamMembership(d))] };

    private static UpstreamGroup One(GroupRead group, List<(string Group, string Department)>? unknown = null) =>
        Assert.Single(GroupExpander.Expand([group], s_departments, s_members, (g, d) => unknown?.Add((g, d))));

    [Fact]
    public void Expand_DepartmentMember_ThePeopleOfItsWholeSubtree()
    {
        var group = One(new GroupRead("g1", "G", null, GroupTypes.Normal, [], ["A1"]));

        Assert.True(GroupExpander.DepartmentIncludesSubDepartments);
        Assert.Equal(["m2", "m3"], group.MemberExternalIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Expand_UsersAndDepartmentsOverlapping_EachPersonOnce()
    {
        var group = One(new GroupRead("g1", "G", "d", GroupTypes.Normal, ["m3", "m0"], ["B", "A1a"]));

        Assert.Equal(["m0", "m3", "m4"], group.MemberExternalIds.Order(StringComparer.Ordinal));
        Assert.Equal("d", group.Description);
        Assert.False(group.IsDynamic);
    }

    [Fact]
    public void Expand_RootDepartment_EveryoneWithAKnownDepartment()
    {
        var group = One(new GroupRead("g1", "G", null, GroupTypes.Normal, [], [CorpSnapshot.RootExternalId]));

        Assert.Equal(["m0", "m1", "m2", "m3", "m4"], group.MemberExternalIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Expand_UnknownDepartmentAndUser_ReportedDepartmentAndDroppedUser()
    {
        var unknown = new List<(string, string)>();

        var group = One(new GroupRead("g9", "G", null, GroupTypes.Dynamic, ["m1", "ou_elsewhere"], ["od-unseen"]), unknown);

        Assert.Equal(["m1"], group.MemberExternalIds);
        Assert.Equal([("g9", "od-unseen")], unknown);
        Assert.True(group.IsDynamic);
    }
}
