using Corps.Emulator;
using Corps.Emulator.Options;
using Corps.Emulator.Org;
using Corps.Feishu.Tests.Fakes;

namespace Corps.Feishu.Tests.Integration;

/// <summary>User groups of both types, with user and department members, through the real plugin and emulator.</summary>
public sealed class EmulatorGroupTests : IDisposable
{
    private const string AppId = "cli_0123456789abcdef";
    private const string AppSecret = "integration-secret-0000000000000";
    private const string MemberList = "GET /open-apis/contact/v3/group/:group_id/member/simplelist";
    private static readonly Dictionary<string, string> NoPacing = new() { ["rateLimit"] = "off" };
    private readonly string _dir = Directory.CreateTempSubdirectory("corps-feishu-groups-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Task<EmulatorServer> StartAsync(string orgFile, ContactScopeOptions? scope = null) =>
        EmulatorServer.StartAsync(new EmulatorOptions
        {
            OrgFile = orgFile,
            Apps = [new AppOptions { AppId = AppId, AppSecret = AppSecret, Scope = scope }],
            RateLimit = RateLimitOptions.Off,
        });

    private static FeishuCorp Corp(EmulatorServer server) => new(TestCorps.Context(AppId, AppSecret, server.BaseUrl, NoPacing));

    /// <summary>An org whose first normal group holds one department with sub-departments (and nothing else), saved
    /// to a file; returns the file, the group and the department.</summary>
    private (string File, string GroupId, string DepartmentId) OrgWithDepartmentGroup(int groups = 6)
    {
        var org = new EmulatedOrg(OrgGenerator.Generate(new OrgGenerationOptions { Users = 300, Departments = 40, Depth = 4, Seed = 21, Groups = groups }));
        var department = org.Descendants(EmulatedOrg.RootId)
            .Where(d => d.ParentDepartmentId != EmulatedOrg.RootId && org.Children(d.OpenDepartmentId).Count > 0)
            .OrderByDescending(d => org.Descendants(d.OpenDepartmentId).Count)
            .First();
        var group = org.Document.Groups.First(g => g.Type == 1);
        group.Members.Clear();
        group.Members.Add(new OrgGroupMember { MemberId = department.OpenDepartmentId, MemberType = "department" });
        var file = Path.Combine(_dir, $"org-{groups}.json");
        OrgFile.Save(org, file);
        return (file, group.Id, department.OpenDepartmentId);
    }

    [Fact]
    public async Task GetThirdCorpDataAsync_BothTypesAllShapes_EveryGroupWithItsPeopleInTheFewestCalls()
    {
        var org = new EmulatedOrg(OrgGenerator.Generate(new OrgGenerationOptions { Users = 400, Departments = 50, Depth = 4, Seed = 8, Groups = 12 }));
        var file = Path.Combine(_dir, "org.json");
        OrgFile.Save(org, file);
        await using var server = await StartAsync(file);
        using var corp = Corp(server);

        var snapshot = await corp.GetThirdCorpDataAsync(CancellationToken.None);

        Assert.Equal(server.Org.Groups.Select(g => g.Id).Order(StringComparer.Ordinal), snapshot.Groups.Select(g => g.ExternalId));
        Assert.Contains(server.Org.Groups, g => g.Type == 2);
        Assert.Contains(server.Org.Groups, g => g.Members.TrueForAll(m => m.MemberType == "department"));
        foreach (var group in server.Org.Groups)
        {
            var read = snapshot.Groups.Single(g => g.ExternalId == group.Id);
            Assert.Equal(group.Type == 2, read.IsDynamic);
            Assert.Equal(EmulatedOrgExpectations.GroupPeople(server, group).Order(StringComparer.Ordinal), read.MemberExternalIds.Order(StringComparer.Ordinal));
        }

        Assert.Equal(2, server.Statistics.Calls("GET /open-apis/contact/v3/group/simplelist"));
        Assert.Equal(MemberListReads(server), server.Statistics.Calls(MemberList));
    }

    [Fact]
    public async Task GetThirdCorpDataAsync_DepartmentMember_ItsWholeSubtreesPeopleWithoutExtraCalls()
    {
        var (file, groupId, departmentId) = OrgWithDepartmentGroup();
        await using var server = await StartAsync(file);
        using var corp = Corp(server);

        var snapshot = await corp.GetThirdCorpDataAsync(CancellationToken.None);

        var subtree = EmulatedOrgExpectations.SubtreeIds(server, departmentId);
        var people = EmulatedOrgExpectations.MembersOf(server, subtree, includeRoot: false);
        var direct = EmulatedOrgExpectations.MembersOf(server, [departmentId], includeRoot: false);
        Assert.True(people.Count > direct.Count, "the department's sub-departments hold people of their own");
        Assert.Equal(people.Order(StringComparer.Ordinal), snapshot.Groups.Single(g => g.ExternalId == groupId).MemberExternalIds.Order(StringComparer.Ordinal));
        Assert.Equal(0, server.Statistics.Calls("GET /open-apis/contact/v3/departments/batch"));
        Assert.Equal(1, server.Statistics.Calls("GET /open-apis/contact/v3/departments/:department_id/children"));
        Assert.Equal(MemberListReads(server), server.Statistics.Calls(MemberList));
    }

    [Fact]
    public async Task GetThirdCorpDataAsync_OnlyAGroupInScope_ItsDepartmentsReadAndTheirPeopleInTheGroup()
    {
        var (file, groupId, departmentId) = OrgWithDepartmentGroup();
        await using var server = await StartAsync(file, new ContactScopeOptions { GroupIds = [groupId] });
        using var corp = Corp(server);

        var snapshot = await corp.GetThirdCorpDataAsync(CancellationToken.None);

        var subtree = EmulatedOrgExpectations.SubtreeIds(server, departmentId);
        var people = EmulatedOrgExpectations.MembersOf(server, subtree, includeRoot: false);
        Assert.Equal(subtree.Order(StringComparer.Ordinal), snapshot.Departments.Select(d => d.ExternalId).Order(StringComparer.Ordinal));
        Assert.Null(snapshot.Departments.Single(d => d.ExternalId == departmentId).ParentExternalId);
        Assert.Equal(people.Order(StringComparer.Ordinal), snapshot.Members.Select(m => m.ExternalId).Order(StringComparer.Ordinal));
        var group = Assert.Single(snapshot.Groups);
        Assert.Equal(groupId, group.ExternalId);
        Assert.Equal(people.Order(StringComparer.Ordinal), group.MemberExternalIds.Order(StringComparer.Ordinal));
    }

    /// <summary>The member-list reads a complete group read needs: one per page of each member type the listing counts
    /// as non-empty.</summary>
    private static long MemberListReads(EmulatorServer server)
    {
        using var _ = server.Org.EnterRead();
        return server.Org.Groups.Sum(g => Pages(g.Members.Count(m => m.MemberType == "user")) + Pages(g.Members.Count(m => m.MemberType == "department")));
        static long Pages(int count) => (count + 99) / 100;
    }
}
