using Corps.Emulator.Options;
using Corps.Emulator.Org;
using Corps.Integration.Tests.Feishu.Support;

namespace Corps.Integration.Tests.Feishu;

/// <summary><c>corps sync</c> of a Feishu corp: the real plugin, loaded by the real loader, against the emulator over HTTP.</summary>
public sealed class FullSyncTests
{
    [Fact]
    public async Task Sync_MultiPageOrg_StoreHoldsExactlyTheEmulatorsOrgAndSecondSyncWritesNothing()
    {
        await using var harness = new CorpsHarness();
        // 70 departments (two pages of recursive children) and ~25 people per department (several find_by_department pages).
        var emulator = await harness.StartEmulatorAsync(new OrgGenerationOptions { Users = 1800, Departments = 70, Depth = 4, Seed = 21 });
        harness.AddElement("Acme", emulator);

        var first = await harness.RunAsync("sync", "Acme", "--json");
        var second = await harness.RunAsync("sync", "Acme", "--json");

        Assert.True(first.ExitCode == 0, first.ToString());
        var report = first.Json.GetProperty("results")[0].GetProperty("report");
        Assert.Equal("applied", report.GetProperty("outcome").GetString());
        Assert.True(emulator.Statistics.Calls("GET /open-apis/contact/v3/departments/:department_id/children") >= 2, "recursive children paged");
        Assert.True(emulator.Statistics.Calls("GET /open-apis/contact/v3/users/find_by_department") > emulator.Org.DepartmentCount + 1, "members paged");
        var local = await harness.LocalAsync("Acme");
        StoreAssert.HoldsWholeOrg(emulator, local);
        Assert.Equal(emulator.Org.DepartmentCount, report.GetProperty("upstreamDepartments").GetInt32());
        Assert.Equal(emulator.Org.Document.Users.Count(u => u.DepartmentIds.Count > 0), report.GetProperty("upstreamMembers").GetInt32());
        Assert.Equal(emulator.Org.Groups.Count, local.Groups.Count);
        Assert.Contains(emulator.Org.Groups, g => g.Type == 2);
        Assert.Contains(emulator.Org.Groups, g => g.Members.Exists(m => m.MemberType == "department"));
        var externalIds = local.Members.ToDictionary(m => m.Id, m => m.ExternalId);
        foreach (var group in emulator.Org.Groups)
        {
            var stored = local.Groups.Single(g => g.ExternalId == group.Id);
            Assert.Equal(group.Type == 2, stored.IsDynamic);
            Assert.Equal(GroupPeople(emulator.Org, group).Order(StringComparer.Ordinal), stored.MemberIds.Select(id => externalIds[id]).Order(StringComparer.Ordinal));
        }

        Assert.Equal(emulator.Org.Tenant.Name, local.Departments.Single(d => d.ExternalId == "0").Name);

        Assert.True(second.ExitCode == 0, second.ToString());
        var unchanged = second.Json.GetProperty("results")[0].GetProperty("report");
        Assert.Equal("unchanged", unchanged.GetProperty("outcome").GetString());
        Assert.Equal(0, unchanged.GetProperty("rowsWritten").GetInt32());
    }

    [Fact]
    public async Task Sync_PlainOutput_ReportsCountsAndApiCalls()
    {
        await using var harness = new CorpsHarness();
        var emulator = await harness.StartEmulatorAsync(new OrgGenerationOptions { Users = 80, Departments = 6, Seed = 3 });
        harness.AddElement("Acme", emulator);

        var result = await harness.RunAsync("sync");
        var tree = await harness.RunAsync("tree", "Acme");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"corps.Acme: applied (run 1)", result.Output, StringComparison.Ordinal);
        Assert.Contains($"API calls: {emulator.Statistics.TotalCalls}", result.Output, StringComparison.Ordinal);
        Assert.True(tree.ExitCode == 0, tree.ToString());
        Assert.StartsWith(emulator.Org.Tenant.Name, tree.Output, StringComparison.Ordinal);
    }

    /// <summary>A group's people: its user members and everyone in its department members' subtrees.</summary>
    private static IEnumerable<string> GroupPeople(EmulatedOrg org, OrgGroup group) =>
        group.Members.Where(m => m.MemberType == "user").Select(m => m.MemberId)
            .Concat(group.Members.Where(m => m.MemberType == "department")
                .SelectMany(m => org.Descendants(m.MemberId).Select(d => d.OpenDepartmentId).Append(m.MemberId))
                .SelectMany(org.DirectMembers).Select(u => u.OpenId))
            .Distinct(StringComparer.Ordinal);
}
