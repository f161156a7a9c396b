using Corps.Abstractions;
using Corps.Emulator;
using Corps.Emulator.Apps;
using Corps.Emulator.Options;
using Corps.Feishu.Tests.Integration;
using Corps.Integration.Tests.Feishu.Support;

namespace Corps.Integration.Tests.Feishu;

/// <summary>What an app may see decides what is synced, and a missing permission never breaks a sync.</summary>
public sealed class PermissionAndScopeTests
{
    private static readonly OrgGenerationOptions Org = new() { Users = 400, Departments = 40, Depth = 3, Seed = 5 };

    private static AppOptions App(IReadOnlyCollection<string>? permissions = null, ContactScopeOptions? scope = null) =>
        new() { AppId = "cli_5c0bed0a9900aa11", AppSecret = "scoped-app-secret-000000000000", Permissions = permissions, Scope = scope };

    [Fact]
    public async Task Sync_ScopedApp_OnlyTheScopedSubtreeAndTheLoneUser()
    {
        // The same seed gives the same organisation: find a scope in one emulator, serve it from another.
        string scopedId, loneId;
        await using (var probe = await EmulatorServer.StartAsync(new EmulatorOptions { Generate = Org }))
        {
            var department = EmulatedOrgExpectations.DepartmentWithChildren(probe);
            scopedId = department.OpenDepartmentId;
            loneId = EmulatedOrgExpectations.UserOutside(probe, EmulatedOrgExpectations.SubtreeIds(probe, scopedId)).OpenId;
        }

        await using var harness = new CorpsHarness();
        var app = App(scope: new ContactScopeOptions { DepartmentIds = [scopedId], UserIds = [loneId] });
        var emulator = await harness.StartEmulatorAsync(Org, [app]);
        harness.AddElement("Scoped", emulator, app: app);

        var result = await harness.RunAsync("sync", "Scoped");

        Assert.True(result.ExitCode == 0, result.ToString());
        var subtree = EmulatedOrgExpectations.SubtreeIds(emulator, scopedId);
        var expectedMembers = EmulatedOrgExpectations.MembersOf(emulator, subtree, includeRoot: false);
        expectedMembers.Add(loneId);
        using var read = emulator.Org.EnterRead();
        var departments = emulator.Org.Document.Departments.Where(d => subtree.Contains(d.OpenDepartmentId)).ToList();
        var users = emulator.Org.Document.Users.Where(u => expectedMembers.Contains(u.OpenId)).ToList();
        var local = await harness.LocalAsync("Scoped");
        StoreAssert.Holds(local, departments, users, scoped: true);
        Assert.True(users.Count < emulator.Org.Document.Users.Count / 2);
        // The lone user's departments are out of scope: they hang under the root.
        var root = local.Departments.Single(d => d.ExternalId == CorpSnapshot.RootExternalId);
        Assert.Equal([root.Id], local.Members.Single(m => m.ExternalId == loneId).Memberships.Select(m => m.DepartmentId));
    }

    [Fact]
    public async Task Sync_NoEmailPermissionThenGranted_NothingBreaksAndMemberIdsStayStable()
    {
        await using var harness = new CorpsHarness();
        var withoutEmail = Permissions.DefaultGrant.Where(p => p != Permissions.UserEmail).ToList();
        var app = App(permissions: withoutEmail);
        var emulator = await harness.StartEmulatorAsync(Org, [app]);
        harness.AddElement("Acme", emulator, app: app);

        var first = await harness.RunAsync("sync", "Acme");
        var before = await harness.LocalAsync("Acme");
        emulator.Apps[app.AppId].SetPermissions(Permissions.DefaultGrant);
        var second = await harness.RunAsync("sync", "Acme", "--json");
        var after = await harness.LocalAsync("Acme");

        Assert.True(first.ExitCode == 0, first.ToString());
        StoreAssert.HoldsWholeOrg(emulator, before);
        Assert.All(before.Members, m => Assert.Null(m.Email));
        Assert.True(second.ExitCode == 0, second.ToString());
        var report = second.Json.GetProperty("results")[0].GetProperty("report");
        Assert.Equal("applied", report.GetProperty("outcome").GetString());
        Assert.Equal(0, report.GetProperty("counts").GetProperty("membersCreated").GetInt32());
        Assert.Equal(0, report.GetProperty("counts").GetProperty("membersOfflined").GetInt32());
        Assert.True(report.GetProperty("counts").GetProperty("membersUpdated").GetInt32() > 0);
        Assert.Contains(after.Members, m => m.Email is not null);
        Assert.Equal(
            before.Members.Select(m => $"{m.ExternalId}={m.Id}/{m.PersonId}").Order(StringComparer.Ordinal),
            after.Members.Select(m => $"{m.ExternalId}={m.Id}/{m.PersonId}").Order(StringComparer.Ordinal));
        using var read = emulator.Org.EnterRead();
        Assert.All(after.Members, m => Assert.Equal(emulator.Org.FindUserAny(m.ExternalId)!.Email, m.Email));
    }
}
