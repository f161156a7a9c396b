using System.Diagnostics;
using Corps.Abstractions;
using Corps.Emulator;
using Corps.Emulator.Apps;
using Corps.Emulator.Options;
using Corps.Feishu.Tests.Fakes;
using Corps.Lark;
using Xunit.Abstractions;

namespace Corps.Feishu.Tests.Integration;

/// <summary>The real plugin against the real emulator over HTTP on loopback.</summary>
public sealed class EmulatorSnapshotTests
{
    private const string AppId = "cli_0123456789abcdef";
    private const string AppSecret = "integration-secret-0000000000000";
    private static readonly Dictionary<string, string> NoPacing = new() { ["rateLimit"] = "off" };
    private readonly ITestOutputHelper _output;

    public EmulatorSnapshotTests(ITestOutputHelper output) => _output = output;

    private static Task<EmulatorServer> StartAsync(OrgGenerationOptions org, AppOptions? app = null, FaultOptions? faults = null, RateLimitOptions? rateLimit = null) =>
        EmulatorServer.StartAsync(new EmulatorOptions
        {
            Generate = org,
            Apps = [app ?? new AppOptions { AppId = AppId, AppSecret = AppSecret }],
            Faults = faults ?? FaultOptions.None,
            RateLimit = rateLimit ?? RateLimitOptions.Off,
        });

    private static FeishuCorp Corp(EmulatorServer server, IReadOnlyDictionary<string, string>? settings = null) =>
        new(TestCorps.Context(AppId, AppSecret, server.BaseUrl, settings ?? NoPacing));

    private static void AssertComplete(EmulatorServer server, CorpSnapshot snapshot, HashSet<string> departments, HashSet<string> members)
    {
        Assert.Equal(departments.Order(), snapshot.Departments.Select(d => d.ExternalId).Order());
        Assert.Equal(members.Order(), snapshot.Members.Select(m => m.ExternalId).Order());
        var ids = snapshot.Departments.Select(d => d.ExternalId).ToHashSet();
        Assert.All(snapshot.Departments, d => Assert.True(d.ParentExternalId is null || ids.Contains(d.ParentExternalId)));
        Assert.All(snapshot.Members, m => Assert.All(m.Memberships ?? [], ms =>
            Assert.True(ms.DepartmentExternalId == CorpSnapshot.RootExternalId || ids.Contains(ms.DepartmentExternalId))));
        Assert.Equal(server.Org.Tenant.Name, snapshot.RootName);
    }

    [Fact]
    public async Task GetThirdCorpDataAsync_FullScopeMultiPageOrg_ExactlyTheEmulatorsOrg()
    {
        await using var server = await StartAsync(new OrgGenerationOptions { Users = 400, Departments = 70, Depth = 4, Seed = 3 });
        using var corp = Corp(server);

        var watch = Stopwatch.StartNew();
        var snapshot = await corp.GetThirdCorpDataAsync(CancellationToken.None);
        watch.Stop();

        var departments = EmulatedOrgExpectations.AllDepartmentIds(server);
        AssertComplete(server, snapshot, departments, EmulatedOrgExpectations.MembersOf(server, departments, includeRoot: true));
        Assert.Equal(server.Org.Groups.Count, snapshot.Groups.Count);
        Assert.All(server.Org.Groups, group => Assert.Equal(EmulatedOrgExpectations.GroupPeople(server, group).Order(),
            snapshot.Groups.Single(g => g.ExternalId == group.Id).MemberExternalIds.Order()));
        Assert.Equal(server.Statistics.TotalCalls, snapshot.ApiCalls);
        Assert.All(snapshot.Members, m => Assert.NotNull(m.Email ?? m.Mobile ?? m.Name));
        _output.WriteLine($"{snapshot.Departments.Count} departments, {snapshot.Members.Count} members, {snapshot.Groups.Count} groups: {snapshot.ApiCalls} API calls, {watch.ElapsedMilliseconds} ms");
        foreach (var (endpoint, counters) in server.Statistics.Endpoints.OrderBy(e => e.Key))
            _output.WriteLine($"  {endpoint}: {counters.Calls}");
    }

    [Fact]
    public async Task GetThirdCorpDataAsync_ScopedApp_SubtreeAndLoneUserOnly()
    {
        var probe = await StartAsync(new OrgGenerationOptions { Users = 200, Departments = 30, Depth = 3, Seed = 5 });
        var scoped = EmulatedOrgExpectations.DepartmentWithChildren(probe);
        var subtree = EmulatedOrgExpectations.SubtreeIds(probe, scoped.OpenDepartmentId);
        var lone = EmulatedOrgExpectations.UserOutside(probe, subtree);
        await probe.DisposeAsync();
        await using var server = await StartAsync(new OrgGenerationOptions { Users = 200, Departments = 30, Depth = 3, Seed = 5 },
            new AppOptions
            {
                AppId = AppId,
                AppSecret = AppSecret,
                Scope = new ContactScopeOptions { DepartmentIds = [scoped.OpenDepartmentId], UserIds = [lone.OpenId] },
            });
        using var corp = Corp(server);

        var snapshot = await corp.GetThirdCorpDataAsync(CancellationToken.None);

        var members = EmulatedOrgExpectations.MembersOf(server, subtree, includeRoot: false);
        members.Add(lone.OpenId);
        AssertComplete(server, snapshot, subtree, members);
        Assert.Null(snapshot.Departments.Single(d => d.ExternalId == scoped.OpenDepartmentId).ParentExternalId);
        var loneMember = snapshot.Members.Single(m => m.ExternalId == lone.OpenId);
        Assert.Equal([new UpstreamMembership(CorpSnapshot.RootExternalId, 0, true)], loneMember.Memberships);
    }

    [Fact]
    public async Task GetThirdCorpDataAsync_NestedScopedDepartments_SubtreeReadOnce()
    {
        var probe = await StartAsync(new OrgGenerationOptions { Users = 150, Departments = 30, Depth = 3, Seed = 5 });
        var outer = EmulatedOrgExpectations.DepartmentWithChildren(probe);
        var subtree = EmulatedOrgExpectations.SubtreeIds(probe, outer.OpenDepartmentId);
        var inner = subtree.First(id => id != outer.OpenDepartmentId);
        await probe.DisposeAsync();
        await using var server = await StartAsync(new OrgGenerationOptions { Users = 150, Departments = 30, Depth = 3, Seed = 5 },
            new AppOptions
            {
                AppId = AppId,
                AppSecret = AppSecret,
                Scope = new ContactScopeOptions { DepartmentIds = [outer.OpenDepartmentId, inner] },
            });
        using var corp = Corp(server);

        var snapshot = await corp.GetThirdCorpDataAsync(CancellationToken.None);

        AssertComplete(server, snapshot, subtree, EmulatedOrgExpectations.MembersOf(server, subtree, includeRoot: false));
        Assert.Equal(1, server.Statistics.Calls("GET /open-apis/contact/v3/departments/:department_id/children"));
    }

    [Fact]
    public async Task GetThirdCorpDataAsync_OnlyBaseContactPermission_CompleteWithUnknownFields()
    {
        await using var server = await StartAsync(new OrgGenerationOptions { Users = 120, Departments = 12, Seed = 7 },
            new AppOptions { AppId = AppId, AppSecret = AppSecret, Permissions = [Permissions.ContactBase] });
        using var corp = Corp(server);

        var snapshot = await corp.GetThirdCorpDataAsync(CancellationToken.None);

        var departments = EmulatedOrgExpectations.AllDepartmentIds(server);
        Assert.Equal(departments.Order(), snapshot.Departments.Select(d => d.ExternalId).Order());
        Assert.Equal(EmulatedOrgExpectations.MembersOf(server, departments, includeRoot: true).Order(), snapshot.Members.Select(m => m.ExternalId).Order());
        Assert.All(snapshot.Members, m =>
        {
            Assert.Null(m.Email);
            Assert.Null(m.Mobile);
            Assert.False(m.Identities.ContainsKey("user_id"));
            Assert.True(m.Identities.ContainsKey("union_id"));
        });
        Assert.Empty(snapshot.Groups);
        Assert.Equal("Test Corp", snapshot.RootName);
    }

    [Fact]
    public async Task GetThirdCorpDataAsync_TokensRevokedMidFetch_Recovered()
    {
        await using var server = await StartAsync(new OrgGenerationOptions { Users = 150, Departments = 20, Seed = 9 },
            faults: new FaultOptions { RevokeTokensAfter = 15 });
        using var corp = Corp(server);

        var snapshot = await corp.GetThirdCorpDataAsync(CancellationToken.None);

        var departments = EmulatedOrgExpectations.AllDepartmentIds(server);
        AssertComplete(server, snapshot, departments, EmulatedOrgExpectations.MembersOf(server, departments, includeRoot: true));
        Assert.True(server.Statistics.Calls("POST /open-apis/auth/v3/tenant_access_token/internal") >= 2);
    }

    [Fact]
    public async Task GetThirdCorpDataAsync_ServerErrorsDropsMalformedAndPageTokenFaults_Recovered()
    {
        await using var server = await StartAsync(new OrgGenerationOptions { Users = 200, Departments = 25, Seed = 11 },
            faults: FaultOptions.Parse("seed=4,5xx=8%,drop=4%,malformed=4%,page-token=5%"));
        using var corp = Corp(server, new Dictionary<string, string> { ["rateLimit"] = "off", ["maxAttempts"] = "8" });

        var snapshot = await corp.GetThirdCorpDataAsync(CancellationToken.None);

        var departments = EmulatedOrgExpectations.AllDepartmentIds(server);
        AssertComplete(server, snapshot, departments, EmulatedOrgExpectations.MembersOf(server, departments, includeRoot: true));
        _output.WriteLine($"{snapshot.ApiCalls} API calls with faults");
    }

    [Fact]
    public async Task GetThirdCorpDataAsync_RealisticRateLimitsAndStorms_NoErrorSurfaces()
    {
        // 120 departments mean ~120 find_by_department calls: more than the 50/s the emulator allows.
        await using var server = await StartAsync(new OrgGenerationOptions { Users = 300, Departments = 120, Depth = 3, Seed = 13 },
            faults: FaultOptions.Parse("seed=2,storm=3%"), rateLimit: RateLimitOptions.Realistic);
        using var corp = Corp(server, new Dictionary<string, string>());

        var snapshot = await corp.GetThirdCorpDataAsync(CancellationToken.None);

        var departments = EmulatedOrgExpectations.AllDepartmentIds(server);
        AssertComplete(server, snapshot, departments, EmulatedOrgExpectations.MembersOf(server, departments, includeRoot: true));
        var throttled = server.Statistics.Endpoints.Values.Sum(c => c.Throttled);
        _output.WriteLine($"{snapshot.ApiCalls} API calls, {throttled} throttled by the emulator");
    }

    [Fact]
    public async Task LarkCorp_AgainstEmulator_SameSnapshot()
    {
        await using var server = await StartAsync(new OrgGenerationOptions { Users = 60, Departments = 8, Seed = 1 });
        using var corp = new LarkCorp(TestCorps.Context(AppId, AppSecret, server.BaseUrl, NoPacing, type: "corps.LarkInnerType"));

        var snapshot = await corp.GetThirdCorpDataAsync(CancellationToken.None);

        var departments = EmulatedOrgExpectations.AllDepartmentIds(server);
        AssertComplete(server, snapshot, departments, EmulatedOrgExpectations.MembersOf(server, departments, includeRoot: true));
        Assert.Equal("Lark", corp.Cloud.Name);
    }

    [Fact]
    public async Task GetThirdCorpDataAsync_WrongSecret_UpstreamExceptionNamingTheFile()
    {
        await using var server = await StartAsync(new OrgGenerationOptions { Users = 10, Departments = 2 });
        using var corp = new FeishuCorp(TestCorps.Context(AppId, "wrong-secret-value", server.BaseUrl, NoPacing));

        var ex = await Assert.ThrowsAsync<UpstreamException>(() => corp.GetThirdCorpDataAsync(CancellationToken.None));

        Assert.Contains("TestCorp.json", ex.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret-value", ex.ToString(), StringComparison.Ordinal);
        Assert.NotNull(ex.LogId);
    }
}
