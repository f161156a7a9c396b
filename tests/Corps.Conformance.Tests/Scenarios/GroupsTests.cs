using Corps.Conformance.Tests.Emulator;
using Corps.Conformance.Tests.Node;

namespace Corps.Conformance.Tests.Scenarios;

/// <summary><c>contact.group.simplelistWithIterator</c> and <c>contact.groupMember.simplelist</c>.</summary>
public sealed class GroupsTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(null, 1)]
    public async Task SimplelistWithIterator_Type_ListsEveryGroupOfThatTypeOnly(int? type, int listed)
    {
        var result = await emulator.RunAsync("groups", ConformanceApps.Full, new { pageSize = 2, memberPageSize = 5, type });

        result.AssertNoSdkErrors();
        var expected = emulator.Org.Groups.Where(g => g.Type == listed).Select(g => g.Id).Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, result.Strings("groups", "id").Order(StringComparer.Ordinal));
        Assert.All(result.GetProperty("groups").EnumerateArray(), g => Assert.Equal(listed, g.Int("type")));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task MemberSimplelist_PagedByHand_MembersAndCountsEqualTheOrgs(int type)
    {
        var result = await emulator.RunAsync("groups", ConformanceApps.Full, new { pageSize = 2, memberPageSize = 5, type });

        Assert.NotEqual(0, result.GetProperty("groups").GetArrayLength());
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
            if (type == 2)
                Assert.Empty(departments);
        }
    }

    [Fact]
    public async Task MemberSimplelist_DepartmentIdType_CustomDepartmentIds()
    {
        var result = await emulator.RunAsync("groups", ConformanceApps.Full, new { pageSize = 100, memberPageSize = 100, type = 1, departmentIdType = "department_id" });

        var withDepartments = result.GetProperty("groups").EnumerateArray().Where(g => g.Int("member_department_count") > 0).ToList();
        Assert.NotEmpty(withDepartments);
        foreach (var g in withDepartments)
        {
            var org = emulator.Org.FindGroup(g.String("id")!)!;
            var expected = org.Members.Where(m => m.MemberType == "department")
                .Select(m => emulator.Org.FindDepartmentAny(m.MemberId)!.DepartmentId).Order(StringComparer.Ordinal);
            Assert.Equal(expected, g.GetProperty("departments").Strings("ids", "member_id").Order(StringComparer.Ordinal));
            Assert.All(g.GetProperty("departments").GetProperty("ids").EnumerateArray(), m => Assert.Equal("department_id", m.String("member_id_type")));
        }
    }
}
