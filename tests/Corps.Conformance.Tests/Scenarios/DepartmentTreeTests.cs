using Corps.Conformance.Tests.Emulator;
using Corps.Conformance.Tests.Node;
using Corps.Emulator.Org;

namespace Corps.Conformance.Tests.Scenarios;

/// <summary><c>contact.department.childrenWithIterator</c> over the generated org.</summary>
public sealed class DepartmentTreeTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task ChildrenWithIterator_FetchChildFromRoot_YieldsEveryDepartmentOnce()
    {
        var result = await emulator.RunAsync("department-tree", ConformanceApps.Full, new { departmentId = "0", fetchChild = true, pageSize = 50 });

        result.AssertNoSdkErrors();
        var expected = emulator.Org.Descendants(EmulatedOrg.RootId).Select(d => d.OpenDepartmentId).Order(StringComparer.Ordinal).ToArray();
        var actual = result.Strings("departments", "open_department_id");
        Assert.Equal(expected.Length, actual.Length);
        Assert.Equal(expected, actual.Order(StringComparer.Ordinal));
        // More departments than one page holds: the iterator had to follow page_token.
        Assert.True(result.Int("pages") >= (expected.Length + 49) / 50, $"pages={result.Int("pages")}");
    }

    [Fact]
    public async Task ChildrenWithIterator_FetchChild_ParentsAreTheOrgsParents()
    {
        var result = await emulator.RunAsync("department-tree", ConformanceApps.Full, new { departmentId = "0", fetchChild = true, pageSize = 50 });

        foreach (var d in result.GetProperty("departments").EnumerateArray())
        {
            var id = d.String("open_department_id")!;
            var org = emulator.Org.FindDepartment(id, DepartmentIdType.OpenDepartmentId);
            Assert.NotNull(org);
            Assert.Equal(org.ParentDepartmentId, d.String("parent_department_id"));
            Assert.Equal(org.Name, d.String("name"));
        }
    }

    [Fact]
    public async Task ChildrenWithIterator_WithoutFetchChild_YieldsOnlyDirectChildrenInSmallPages()
    {
        var result = await emulator.RunAsync("department-tree", ConformanceApps.Full, new { departmentId = "0", fetchChild = false, pageSize = 5 });

        result.AssertNoSdkErrors();
        var expected = emulator.Org.Children(EmulatedOrg.RootId).Select(d => d.OpenDepartmentId).ToArray();
        Assert.Equal(expected.Order(StringComparer.Ordinal), result.Strings("departments", "open_department_id").Order(StringComparer.Ordinal));
        Assert.All(result.GetProperty("pageSizes").EnumerateArray(), size => Assert.InRange(size.GetInt32(), 0, 5));
    }
}
