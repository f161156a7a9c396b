using Corps.Conformance.Tests.Emulator;
using Corps.Conformance.Tests.Node;
using Corps.Emulator.Org;

namespace Corps.Conformance.Tests.Scenarios;

/// <summary><c>contact.user.findByDepartmentWithIterator</c> for every department of the generated org.</summary>
public sealed class UsersByDepartmentTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task FindByDepartmentWithIterator_EveryDepartment_MembersEqualTheOrgsDirectMembers()
    {
        var result = await emulator.RunAsync("users-by-department", ConformanceApps.Full, new { departmentId = "0", pageSize = 20 });

        result.AssertNoSdkErrors();
        var departments = new[] { EmulatedOrg.RootId }.Concat(emulator.Org.Descendants(EmulatedOrg.RootId).Select(d => d.OpenDepartmentId)).ToArray();
        Assert.Equal(departments.Length, result.Int("departments"));
        var members = result.GetProperty("members");
        foreach (var id in departments)
        {
            var expected = emulator.Org.DirectMembers(id).Select(u => u.OpenId).Order(StringComparer.Ordinal);
            Assert.Equal(expected, members.Strings(id).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task FindByDepartmentWithIterator_EveryDepartment_DistinctTotalIsEveryoneWithADepartment()
    {
        var result = await emulator.RunAsync("users-by-department", ConformanceApps.Full, new { departmentId = "0", pageSize = 20 });

        result.AssertNoSdkErrors();
        var expected = emulator.Org.Document.Users.Count(u => u.DepartmentIds.Count > 0);
        Assert.True(expected > 2000, $"the generated org should have thousands of placed people, has {expected}");
        Assert.Equal(expected, result.Int("distinctUsers"));
    }
}
