using Corps.Conformance.Tests.Emulator;
using Corps.Conformance.Tests.Node;

namespace Corps.Conformance.Tests.Scenarios;

/// <summary><c>contact.group.simplelistWithIterator</c> and <c>contact.groupMember.simplelist</c>.</summary>
public sealed class GroupsTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task SimplelistWithIterator_NormalGroups_ListsEveryNormalGroup()
    {
        var result = await emulator.RunAsync("groups", ConformanceApps.Full, new { pageSize = 2, memberPageSize = 5, type = 1 });

        result.AssertNoSdkErrors();
        var expected = emulator.Org.Groups.Where(g => g.Type == 1).Select(g => g.Id).Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, result.Strings("groups", "id").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task MemberSimplelist_PagedByHand_MembersAndCountsEqualTheOrgs()
    {
        var result = await emulator.RunAsync("groups", ConformanceApps.Full, new { pageSize = 2, memberPageSize = 5, type = 1 });

        foreach (var g in result.GetProperty("groups").EnumerateArray())
        {
            var org = emulator.Org.FindGroup(g.String("id")!)!;
            var users = org.Members.Where(m => m.MemberType == "user").Select(m => m.MemberId).Order(StringComparer.Ordinal).ToArray();
            var departments = org.Members.Where(m => m.MemberType == "department").Select(m => m.MemberId).Order(StringComparer.Ordinal).ToArray();
            var listedUsers = g.GetProperty("users");
            var listedDepartments = g.GetProperty("departments");
            Assert.Equal(0, listedUsers.GetProperty("failures").GetArrayLength());
            Assert.Equal(0, listedDepartments.GetProperty("failures").GetArrayLength());
            Assert.Equal(users, listedUsers.Strings("ids", "member_id").Order(StringComparer.Ordinal));
            Assert.Equal(departments, listedDepartments.Strings("ids", "member_id").Order(StringComparer.Ordinal));
            Assert.Equal(users.Length, g.Int("member_user_count"));
            Assert.Equal(departments.Length, g.Int("member_department_count"));
        }
    }
}
