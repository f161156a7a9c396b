using Corps.Abstractions;
using Corps.Host.Tests.Fakes;
using static Corps.Host.Tests.Fakes.Snapshots;

namespace Corps.Host.Tests.Store;

public sealed class CorpStoreTests
{
    private static async Task<(TestStore Store, FakeCorp Corp, LocalCorpData Data)> SyncedAsync()
    {
        var store = await TestStore.CreateAsync();
        var corp = store.Corp();
        corp.Snapshot = Small();
        await corp.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);
        return (store, corp, await corp.GetLocalCorpDataAsync(CancellationToken.None));
    }

    private static long Id(LocalCorpData data, string externalId) => data.Members.Single(m => m.ExternalId == externalId).Id;

    [Fact]
    public async Task GetLocalCorpDataAsync_NeverSynced_IsEmpty()
    {
        await using var store = await TestStore.CreateAsync();

        var data = await store.Corp().GetLocalCorpDataAsync(CancellationToken.None);

        Assert.Equal("corps.Acme", data.CorpFullName);
        Assert.Empty(data.Departments);
        Assert.Empty(data.Members);
    }

    [Fact]
    public async Task GetLocalCorpDataAsync_AfterDeletesAndOfflines_ListsThemRootFirst()
    {
        var (store, corp, _) = await SyncedAsync();
        await using var _store = store;
        corp.Snapshot = Small() with { Departments = [Dept("A"), Dept("A1", "A")], Members = [Member("m1", "A")] };
        await corp.SyncCorpAsync(new SyncOptions { Force = true }, CancellationToken.None);

        var data = await corp.GetLocalCorpDataAsync(CancellationToken.None);

        Assert.Equal("0", data.Departments[0].ExternalId);
        Assert.Null(data.Departments[0].ParentId);
        Assert.True(data.Departments.Single(d => d.ExternalId == "B").IsDeleted);
        Assert.Equal(4, data.Members.Count);
        Assert.Equal(3, data.Members.Count(m => m.Status == MemberStatus.Resigned));
        Assert.Equal("on_m1", data.Members.Single(m => m.ExternalId == "m1").Identities["union_id"]);
    }

    [Fact]
    public async Task GetRootDeptAsync_BeforeAndAfterSync_ThrowsThenReturnsTheTenant()
    {
        await using var store = await TestStore.CreateAsync();
        var corp = store.Corp();

        var error = await Assert.ThrowsAsync<CorpException>(() => corp.GetRootDeptAsync(CancellationToken.None));
        corp.Snapshot = Small();
        await corp.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);
        var root = await corp.GetRootDeptAsync(CancellationToken.None);

        Assert.Contains("corps sync Acme", error.Message);
        Assert.Equal(("0", "Acme Tenant", (long?)null), (root.ExternalId, root.Name, root.ParentId));
    }

    [Fact]
    public async Task SetUserRoleAsync_TwoCalls_ReplacesTheRoles()
    {
        var (store, corp, data) = await SyncedAsync();
        await using var _store = store;
        var m1 = Id(data, "m1");

        await corp.SetUserRoleAsync(m1, ["editor", "viewer"], CancellationToken.None);
        var rows = await corp.SetUserRoleAsync(m1, ["viewer", "owner"], CancellationToken.None);

        Assert.Equal(["owner", "viewer"], rows.Select(r => r.RoleId));
        Assert.All(rows, r => Assert.Equal(m1, r.MemberId));
        var after = await corp.GetLocalCorpDataAsync(CancellationToken.None);
        Assert.Equal(["owner", "viewer"], after.Members.Single(m => m.Id == m1).Roles);
        Assert.Contains(new LocalRole("owner", 1), after.Roles);
        Assert.Contains(new LocalRole("editor", 0), after.Roles);
        Assert.Equal(2, await store.ScalarAsync("SELECT COUNT(*) FROM change_log WHERE action = 'SetRoles'"));
    }

    [Fact]
    public async Task OfflineMemberAsync_OwnMembers_MarksThemResignedOnce()
    {
        var (store, corp, data) = await SyncedAsync();
        await using var _store = store;

        var first = await corp.OfflineMemberAsync([Id(data, "m1"), Id(data, "m2")], CancellationToken.None);
        var second = await corp.OfflineMemberAsync([Id(data, "m1")], CancellationToken.None);

        Assert.Equal((2, 0), (first, second));
        Assert.Equal(2, await store.ScalarAsync("SELECT COUNT(*) FROM change_log WHERE action = 'Offline'"));
    }

    [Fact]
    public async Task OfflineMemberAsync_MemberOfAnotherCorp_IsRefusedNamingTheId()
    {
        var (store, corp, _) = await SyncedAsync();
        await using var _store = store;
        var other = store.Corp("Other");
        other.Snapshot = Of([], [Member("x1", "0")]);
        await other.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);
        var foreignId = (await other.GetLocalCorpDataAsync(CancellationToken.None)).Members[0].Id;

        var error = await Assert.ThrowsAsync<CorpException>(() => corp.OfflineMemberAsync([foreignId], CancellationToken.None));

        Assert.Equal(CorpErrorKind.Configuration, error.Kind);
        Assert.Contains($"Member {foreignId} is not a member of corps.Acme", error.Message);
        Assert.Equal(MemberStatus.Active, (await other.GetLocalCorpDataAsync(CancellationToken.None)).Members[0].Status);
    }

    [Fact]
    public async Task SaveUserSignatureAsync_SetThenClear_RoundTrips()
    {
        var (store, corp, data) = await SyncedAsync();
        await using var _store = store;
        var m1 = Id(data, "m1");

        await corp.SaveUserSignatureAsync(m1, "https://files.example.com/sig.png", CancellationToken.None);
        var saved = await corp.GetUserSignatureAsync(m1, CancellationToken.None);
        await corp.SaveUserSignatureAsync(m1, null, CancellationToken.None);

        Assert.Equal("https://files.example.com/sig.png", saved);
        Assert.Null(await corp.GetUserSignatureAsync(m1, CancellationToken.None));
        await Assert.ThrowsAsync<CorpException>(() => corp.GetUserSignatureAsync(999_999, CancellationToken.None));
    }

    [Fact]
    public async Task SetAdminAsync_TwoCalls_ReplacesTheAdmins()
    {
        var (store, corp, data) = await SyncedAsync();
        await using var _store = store;

        await corp.SetAdminAsync([Id(data, "m1"), Id(data, "m2")], CancellationToken.None);
        await corp.SetAdminAsync([Id(data, "m2"), Id(data, "m3")], CancellationToken.None);
        var admins = await corp.GetAdminAsync(CancellationToken.None);

        Assert.Equal(["m2", "m3"], admins.Select(a => a.ExternalId));
        Assert.Equal(1, await store.ScalarAsync("SELECT COUNT(*) FROM change_log WHERE action = 'AdminRemoved'"));
        await Assert.ThrowsAsync<CorpException>(() => corp.SetAdminAsync([42_424_242], CancellationToken.None));
    }

    [Fact]
    public async Task GetCorpInfoAsync_AfterSync_ShowsLastRunAndMasksSecrets()
    {
        var (store, corp, _) = await SyncedAsync();
        await using var _store = store;

        var info = await corp.GetCorpInfoAsync(CancellationToken.None);

        Assert.Equal(SyncOutcome.Applied, info.LastSync!.Outcome);
        Assert.Equal(Secret.Mask, info.AuthConfig["appSecret"]);
        Assert.Equal("corps.FakeType", info.Type);
    }
}
