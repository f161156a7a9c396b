using Corps.Abstractions;
using Corps.Host.Tests.Fakes;
using static Corps.Host.Tests.Fakes.Snapshots;

namespace Corps.Host.Tests.Store;

public sealed class PersonLinkingTests
{
    [Fact]
    public async Task Sync_SameEmailInTwoCorps_LinksOnePerson_OfflineInOneKeepsTheOther()
    {
        await using var store = await TestStore.CreateAsync();
        var feishu = store.Corp("Feishu");
        feishu.Snapshot = Of([], [Member("f1", "0") with { Email = "Ann@Example.com " }, Member("f2", "0")]);
        await feishu.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);
        var lark = store.Corp("Lark");
        lark.Snapshot = Of([], [Member("l1", "0") with { Email = "ann@example.com" }]);
        await lark.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);
        var ann = (await feishu.GetLocalCorpDataAsync(CancellationToken.None)).Members.Single(m => m.ExternalId == "f1");

        await feishu.OfflineMemberAsync([ann.Id], CancellationToken.None);

        var inLark = (await lark.GetLocalCorpDataAsync(CancellationToken.None)).Members.Single();
        Assert.Equal(ann.PersonId, inLark.PersonId);
        Assert.Equal(MemberStatus.Active, inLark.Status);
        Assert.Equal(MemberStatus.Resigned, (await feishu.GetLocalCorpDataAsync(CancellationToken.None)).Members.Single(m => m.Id == ann.Id).Status);
        Assert.Equal(2, await store.ScalarAsync("SELECT COUNT(*) FROM people"));
    }

    [Fact]
    public async Task Sync_NoEmailButSameMobile_LinksByMobile()
    {
        await using var store = await TestStore.CreateAsync();
        var first = store.Corp("First");
        first.Snapshot = Of([], [Member("a", "0") with { Email = null, Mobile = "+86 138-0000-0001" }]);
        await first.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);
        var second = store.Corp("Second");
        second.Snapshot = Of([], [Member("b", "0") with { Email = "b@example.com", Mobile = "+8613800000001" }]);

        await second.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);

        Assert.Equal(1, await store.ScalarAsync("SELECT COUNT(*) FROM people"));
    }

    [Fact]
    public async Task Sync_EmailMatchesTwoPeople_CreatesANewPerson()
    {
        await using var store = await TestStore.CreateAsync();
        var first = store.Corp("First");
        // Two members of one corp share an email: they stay two people, so the email is ambiguous for later corps.
        first.Snapshot = Of([], [Member("a", "0") with { Email = "x@example.com" }, Member("b", "0") with { Email = "x@example.com" }]);
        await first.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);
        var second = store.Corp("Second");
        second.Snapshot = Of([], [Member("c", "0") with { Email = "x@example.com" }]);

        await second.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);

        Assert.Equal(3, await store.ScalarAsync("SELECT COUNT(*) FROM people"));
    }

    [Fact]
    public async Task Sync_MemberEmailChanges_ItsPersonFollowsAndLinksByTheNewEmail()
    {
        await using var store = await TestStore.CreateAsync();
        var feishu = store.Corp("Feishu");
        feishu.Snapshot = Of([], [Member("f1", "0") with { Name = "Ann", Email = "ann@old.example" }]);
        await feishu.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);

        feishu.Snapshot = Of([], [Member("f1", "0") with { Name = "Ann Lee", Email = "Ann@New.example" }]);
        await feishu.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);
        var lark = store.Corp("Lark");
        lark.Snapshot = Of([], [Member("l1", "0") with { Email = "ann@new.example" }]);
        await lark.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);

        Assert.Equal(1, await store.ScalarAsync("SELECT COUNT(*) FROM people WHERE email_norm = 'ann@new.example' AND display_name = 'Ann Lee'"));
        Assert.Equal(1, await store.ScalarAsync("SELECT COUNT(*) FROM people"));
    }

    [Fact]
    public async Task Sync_PersonInTwoCorps_OneCorpChangesTheEmail_PersonKeepsIt()
    {
        await using var store = await TestStore.CreateAsync();
        var feishu = store.Corp("Feishu");
        feishu.Snapshot = Of([], [Member("f1", "0") with { Email = "ann@example.com" }]);
        await feishu.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);
        var lark = store.Corp("Lark");
        lark.Snapshot = Of([], [Member("l1", "0") with { Email = "ann@example.com" }]);
        await lark.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);

        feishu.Snapshot = Of([], [Member("f1", "0") with { Email = "ann@elsewhere.example" }]);
        await feishu.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);

        Assert.Equal(1, await store.ScalarAsync("SELECT COUNT(*) FROM people WHERE email_norm = 'ann@example.com'"));
        Assert.Equal("ann@elsewhere.example", (await feishu.GetLocalCorpDataAsync(CancellationToken.None)).Members.Single().Email);
    }
}
