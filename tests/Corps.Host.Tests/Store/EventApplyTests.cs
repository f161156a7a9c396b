using Corps.Abstractions;
using Corps.Host.Events;
using Corps.Host.Store;
using Corps.Host.Tests.Fakes;
using static Corps.Host.Tests.Fakes.Snapshots;

namespace Corps.Host.Tests.Store;

public sealed class EventApplyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static async Task<(TestStore Store, FakeCorp Corp)> SyncedAsync()
    {
        var store = await TestStore.CreateAsync();
        var corp = store.Corp();
        corp.Snapshot = Small();
        await corp.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);
        return (store, corp);
    }

    private static CorpEvent MemberEvent(string id, UpstreamMember member, int minutes) => new()
    {
        EventId = id,
        EventType = "contact.user.updated_v3",
        OccurredAt = T0.AddMinutes(minutes),
        Kind = CorpEventKind.MemberUpserted,
        ObjectExternalId = member.ExternalId,
        Member = member,
    };

    private static Task<EventApplyResult> ApplyAsync(TestStore store, CorpEvent corpEvent) =>
        store.Database.ApplyEventAsync(TestElements.Create(), corpEvent, CancellationToken.None);

    private static async Task<LocalMember> MemberAsync(FakeCorp corp, string externalId) =>
        (await corp.GetLocalCorpDataAsync(CancellationToken.None)).Members.Single(m => m.ExternalId == externalId);

    [Fact]
    public async Task ApplyEventAsync_NewMember_CreatesItWithItsMemberships()
    {
        var (store, corp) = await SyncedAsync();
        await using var _store = store;

        var result = await ApplyAsync(store, MemberEvent("e1", Member("m9", "B", "nowhere") with { LeaderExternalId = "m1" }, 1));

        Assert.Equal(EventApplyStatus.Applied, result.Status);
        Assert.Contains(result.Warnings, w => w.Contains("nowhere", StringComparison.Ordinal));
        var m9 = await MemberAsync(corp, "m9");
        Assert.Equal((await MemberAsync(corp, "m1")).Id, m9.LeaderMemberId);
        Assert.Single(m9.Memberships);
        Assert.Equal(result.Changes.Count, await store.ScalarAsync("SELECT COUNT(*) FROM change_log WHERE event_id = 'e1'"));
    }

    [Fact]
    public async Task ApplyEventAsync_OlderEventAfterNewer_IsStale()
    {
        var (store, corp) = await SyncedAsync();
        await using var _store = store;
        var m1 = Small().Members[0];

        var newer = await ApplyAsync(store, MemberEvent("e2", m1 with { JobTitle = "CTO" }, 10));
        var older = await ApplyAsync(store, MemberEvent("e1", m1 with { JobTitle = "Intern" }, 5));
        var same = await ApplyAsync(store, MemberEvent("e3", m1 with { JobTitle = "CTO" }, 20));
        var betweenAfterSame = await ApplyAsync(store, MemberEvent("e4", m1 with { JobTitle = "Old" }, 15));

        Assert.Equal(EventApplyStatus.Applied, newer.Status);
        Assert.Equal(EventApplyStatus.Stale, older.Status);
        Assert.Equal(EventApplyStatus.Unchanged, same.Status);
        Assert.Equal(EventApplyStatus.Stale, betweenAfterSame.Status);
        Assert.Equal("CTO", (await MemberAsync(corp, "m1")).JobTitle);
    }

    [Fact]
    public async Task ApplyEventAsync_MemberDeleted_OfflinesInThisCorpOnly()
    {
        var (store, corp) = await SyncedAsync();
        await using var _store = store;

        var result = await ApplyAsync(store, new CorpEvent
        {
            EventId = "d1", EventType = "contact.user.deleted_v3", OccurredAt = T0, Kind = CorpEventKind.MemberDeleted, ObjectExternalId = "m2",
        });
        var unknown = await ApplyAsync(store, new CorpEvent
        {
            EventId = "d2", EventType = "contact.user.deleted_v3", OccurredAt = T0, Kind = CorpEventKind.MemberDeleted, ObjectExternalId = "nobody",
        });

        Assert.Equal(EventApplyStatus.Applied, result.Status);
        Assert.Equal(MemberStatus.Resigned, (await MemberAsync(corp, "m2")).Status);
        Assert.Equal(EventApplyStatus.Ignored, unknown.Status);
    }

    [Fact]
    public async Task ApplyEventAsync_DepartmentCreatedMovedAndDeleted_FollowsTheEvents()
    {
        var (store, corp) = await SyncedAsync();
        await using var _store = store;
        CorpEvent Dept(string id, CorpEventKind kind, UpstreamDepartment? department, int minutes) => new()
        {
            EventId = id, EventType = "contact.department.x_v3", OccurredAt = T0.AddMinutes(minutes), Kind = kind,
            ObjectExternalId = department?.ExternalId ?? "A1", Department = department,
        };

        var created = await ApplyAsync(store, Dept("c", CorpEventKind.DepartmentUpserted, Snapshots.Dept("N", "B"), 1));
        var moved = await ApplyAsync(store, Dept("m", CorpEventKind.DepartmentUpserted, Snapshots.Dept("A1", "N"), 2));
        var cycle = await ApplyAsync(store, Dept("y", CorpEventKind.DepartmentUpserted, Snapshots.Dept("B", "A1"), 3));
        var orphan = await ApplyAsync(store, Dept("o", CorpEventKind.DepartmentUpserted, Snapshots.Dept("Z", "unknown"), 4));
        var deleted = await ApplyAsync(store, Dept("d", CorpEventKind.DepartmentDeleted, null, 5));
        var staleMove = await ApplyAsync(store, Dept("s", CorpEventKind.DepartmentUpserted, Snapshots.Dept("A1", "A"), 4));

        Assert.Equal(
            [EventApplyStatus.Applied, EventApplyStatus.Applied, EventApplyStatus.NeedsFullSync, EventApplyStatus.NeedsFullSync, EventApplyStatus.Applied, EventApplyStatus.Stale],
            new[] { created, moved, cycle, orphan, deleted, staleMove }.Select(r => r.Status));
        var data = await corp.GetLocalCorpDataAsync(CancellationToken.None);
        var a1 = data.Departments.Single(d => d.ExternalId == "A1");
        Assert.True(a1.IsDeleted);
        Assert.Equal(data.Departments.Single(d => d.ExternalId == "N").Id, a1.ParentId);
        Assert.Empty(data.Members.Single(m => m.ExternalId == "m2").Memberships);
        Assert.Contains(deleted.Changes, c => c is { Kind: ObjectKind.Membership, ExternalId: "m2@A1" });
    }

    [Fact]
    public async Task ApplyEventAsync_ScopeChanged_AsksForAFullSync()
    {
        await using var store = await TestStore.CreateAsync();

        var result = await ApplyAsync(store, new CorpEvent
        {
            EventId = "s", EventType = "contact.scope.updated_v3", OccurredAt = T0, Kind = CorpEventKind.ScopeChanged,
        });

        Assert.Equal(EventApplyStatus.NeedsFullSync, result.Status);
        Assert.Equal(0, await store.ScalarAsync("SELECT COUNT(*) FROM corps"));
    }

    [Fact]
    public async Task ApplyEventAsync_NullFields_KeepStoredValues()
    {
        var (store, corp) = await SyncedAsync();
        await using var _store = store;

        var result = await ApplyAsync(store, MemberEvent("e", new UpstreamMember { ExternalId = "m3", Name = "Renamed" }, 1));

        Assert.Equal(EventApplyStatus.Applied, result.Status);
        var m3 = await MemberAsync(corp, "m3");
        Assert.Equal(("Renamed", "m3@example.com", 2), (m3.Name, m3.Email, m3.Memberships.Count));
    }

    [Fact]
    public async Task ApplyEventAsync_IdentityMovedFromAnotherMember_FreesItFirst()
    {
        var (store, corp) = await SyncedAsync();
        await using var _store = store;
        var newcomer = Member("m8", "A") with { Identities = new Dictionary<string, string> { ["open_id"] = "m8", ["user_id"] = "u_m1" } };

        var result = await ApplyAsync(store, MemberEvent("e", newcomer, 1));

        Assert.Equal(EventApplyStatus.Applied, result.Status);
        Assert.Equal("u_m1", (await MemberAsync(corp, "m8")).Identities["user_id"]);
        Assert.False((await MemberAsync(corp, "m1")).Identities.ContainsKey("user_id"));
    }

    [Fact]
    public async Task ApplyEventAsync_MemberMovesDepartments_ReadsOnlyTheDepartmentsItNamesAndHolds()
    {
        var (store, corp) = await SyncedAsync();
        await using var _store = store;
        var ids = (await corp.GetLocalCorpDataAsync(CancellationToken.None)).Departments.ToDictionary(d => d.ExternalId, d => d.Id);

        // m3 is in B and the root; the event puts them in A1 and the root.
        var result = await ApplyAsync(store, MemberEvent("mv", Member("m3", "A1", "0"), 1));

        Assert.Equal(EventApplyStatus.Applied, result.Status);
        Assert.Contains(result.Changes, c => c is { Kind: ObjectKind.Membership, ExternalId: "m3@B" });
        Assert.Contains(result.Changes, c => c is { Kind: ObjectKind.Membership, ExternalId: "m3@A1" });
        Assert.DoesNotContain(result.Changes, c => c.ExternalId == "m3@0");
        Assert.Equal([ids["0"], ids["A1"]], (await MemberAsync(corp, "m3")).Memberships.Select(m => m.DepartmentId).Order());
    }

    private static async Task<(SqliteEventInbox Inbox, IReadOnlyList<StoredEvent> Stored)> InboxAsync(TestStore store, params CorpEvent[] events)
    {
        // Whole batches whatever the machine's speed; the budget has its own test.
        store.Database.EventBatchBudget = TimeSpan.FromMinutes(5);
        var inbox = new SqliteEventInbox(store.Path, TimeProvider.System);
        var corp = TestElements.Create().FullName;
        foreach (var corpEvent in events)
            Assert.True(await inbox.AddAsync(corp, corpEvent, CancellationToken.None));
        var pending = await inbox.GetPendingAsync(corp, 100, CancellationToken.None);
        return (inbox, [.. pending.Select(e => new StoredEvent(e.Id, CorpEventJson.Deserialize(e.Payload)))]);
    }

    [Fact]
    public async Task ApplyEventsAsync_Batch_AppliesInOrderAndRecordsEachEventApplied()
    {
        var (store, corp) = await SyncedAsync();
        await using var _store = store;
        var m1 = Small().Members[0];
        var (inbox, stored) = await InboxAsync(store,
            MemberEvent("e1", m1 with { JobTitle = "One" }, 1),
            MemberEvent("e2", m1 with { JobTitle = "Two" }, 2),
            MemberEvent("e3", Member("m9", "A"), 3));

        var batch = await store.Database.ApplyEventsAsync(TestElements.Create(), stored, CancellationToken.None);

        Assert.Equal([EventApplyStatus.Applied, EventApplyStatus.Applied, EventApplyStatus.Applied], batch.Applied.Select(r => r.Status));
        Assert.Null(batch.Failure);
        Assert.Null(batch.NeedsFullSync);
        Assert.Equal("Two", (await MemberAsync(corp, "m1")).JobTitle);
        Assert.Equal(["e1", "e2", "e3"], await AppliedEventIdsAsync(store));
        // The inbox is another file: the caller marks its rows.
        Assert.Equal(3, (await inbox.GetCountsAsync(TestElements.Create().FullName, CancellationToken.None)).Pending);
        Assert.Equal(1, await store.ScalarAsync("SELECT COUNT(*) FROM change_log WHERE event_id = 'e2'"));
    }

    [Fact]
    public async Task ApplyEventsAsync_EventThatFails_KeepsTheOnesBeforeAndWritesNothingOfIt()
    {
        var (store, corp) = await SyncedAsync();
        await using var _store = store;
        var m1 = Small().Members[0];
        // A real SQLite failure in the middle of the batch, raised by the store itself.
        await store.ExecuteAsync("CREATE TRIGGER refuse BEFORE UPDATE ON members WHEN NEW.job_title = 'boom' BEGIN SELECT RAISE(ABORT, 'refused'); END");
        var (_, stored) = await InboxAsync(store,
            MemberEvent("e1", m1 with { JobTitle = "Before" }, 1),
            MemberEvent("e2", m1 with { JobTitle = "boom", Name = "Changed too" }, 2),
            MemberEvent("e3", m1 with { JobTitle = "After" }, 3));

        var batch = await store.Database.ApplyEventsAsync(TestElements.Create(), stored, CancellationToken.None);

        Assert.Single(batch.Applied);
        Assert.Contains("refused", batch.Failure?.Message, StringComparison.Ordinal);
        var member = await MemberAsync(corp, "m1");
        Assert.Equal(("Before", m1.Name), (member.JobTitle, member.Name));
        Assert.Equal(0, await store.ScalarAsync("SELECT COUNT(*) FROM change_log WHERE event_id IN ('e2', 'e3')"));
        Assert.Equal(["e1"], await AppliedEventIdsAsync(store));
    }

    [Fact]
    public async Task ApplyEventsAsync_EventNeedingAFullSync_StopsBeforeItAndLeavesItPending()
    {
        var (store, _) = await SyncedAsync();
        await using var _store = store;
        var orphan = new CorpEvent
        {
            EventId = "o", EventType = "contact.department.created_v3", OccurredAt = T0.AddMinutes(2), Kind = CorpEventKind.DepartmentUpserted,
            ObjectExternalId = "Z", Department = Snapshots.Dept("Z", "unknown"),
        };
        var (_, stored) = await InboxAsync(store, MemberEvent("e1", Member("m9", "A"), 1), orphan, MemberEvent("e3", Member("m8", "A"), 3));

        var batch = await store.Database.ApplyEventsAsync(TestElements.Create(), stored, CancellationToken.None);

        Assert.Single(batch.Applied);
        Assert.Equal(EventApplyStatus.NeedsFullSync, batch.NeedsFullSync?.Status);
        Assert.Equal(0, await store.ScalarAsync("SELECT COUNT(*) FROM departments WHERE external_id = 'Z'"));
        Assert.Equal(["e1"], await AppliedEventIdsAsync(store));
    }

    [Fact]
    public async Task ApplyEventsAsync_AnotherProcessSyncsTheCorp_WaitsForItsLock()
    {
        var (store, corp) = await SyncedAsync();
        await using var _store = store;
        var now = DateTimeOffset.UtcNow;
        await store.InsertLockAsync(TestElements.Create().FullName, "other", 1, "another-host", now, now);
        var m1 = Small().Members[0];

        var apply = store.Database.ApplyEventsAsync(TestElements.Create(), [new StoredEvent(null, MemberEvent("e1", m1 with { JobTitle = "Later" }, 1))],
            CancellationToken.None);
        await Task.Delay(300);
        var appliedWhileHeld = apply.IsCompleted;
        var titleWhileHeld = (await MemberAsync(corp, "m1")).JobTitle;
        await store.ExecuteAsync("DELETE FROM sync_locks");
        var batch = await apply.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(appliedWhileHeld);
        Assert.Equal(m1.JobTitle, titleWhileHeld);
        Assert.Single(batch.Applied);
        Assert.Equal("Later", (await MemberAsync(corp, "m1")).JobTitle);
    }

    [Fact]
    public async Task ApplyEventsAsync_BudgetSpent_CommitsWhatItHasAndLeavesTheRestPending()
    {
        var (store, corp) = await SyncedAsync();
        await using var _store = store;
        var m1 = Small().Members[0];
        var (_, stored) = await InboxAsync(store, MemberEvent("e1", m1 with { JobTitle = "One" }, 1), MemberEvent("e2", m1 with { JobTitle = "Two" }, 2));
        store.Database.EventBatchBudget = TimeSpan.Zero;

        var batch = await store.Database.ApplyEventsAsync(TestElements.Create(), stored, CancellationToken.None);

        Assert.Single(batch.Applied);
        Assert.Null(batch.Failure);
        Assert.Null(batch.NeedsFullSync);
        Assert.Equal("One", (await MemberAsync(corp, "m1")).JobTitle);
        Assert.Equal(["e1"], await AppliedEventIdsAsync(store));
    }

    [Fact]
    public async Task ApplyEventsAsync_EventAppliedButItsInboxRowNotMarked_WritesNothingTheSecondTime()
    {
        var (store, corp) = await SyncedAsync();
        await using var _store = store;
        var m1 = Small().Members[0];
        var (_, stored) = await InboxAsync(store, MemberEvent("e1", m1 with { JobTitle = "One" }, 1), MemberEvent("e2", m1 with { JobTitle = "Two" }, 2));
        await store.Database.ApplyEventsAsync(TestElements.Create(), [stored[0]], CancellationToken.None);
        // The process stopped here, before marking e1's inbox row: a new store object on the file reads it as pending.
        await using var reopened = await TestStore.OpenAsync(store.Path);
        await store.ExecuteAsync("UPDATE members SET job_title = 'Edited by hand' WHERE external_id = 'm1'");
        var before = await store.DumpAsync();

        var again = await reopened.ApplyEventsAsync(TestElements.Create(), [stored[0]], CancellationToken.None);
        var afterAgain = await store.DumpAsync();
        var next = await reopened.ApplyEventsAsync(TestElements.Create(), [stored[1]], CancellationToken.None);

        Assert.Equal(EventApplyStatus.AlreadyApplied, Assert.Single(again.Applied).Status);
        Assert.Equal(before, afterAgain);
        Assert.Equal(EventApplyStatus.Applied, Assert.Single(next.Applied).Status);
        Assert.Equal("Two", (await MemberAsync(corp, "m1")).JobTitle);
        Assert.Equal(1, await store.ScalarAsync("SELECT COUNT(*) FROM change_log WHERE event_id = 'e1'"));
    }

    [Fact]
    public async Task ApplyEventsAsync_EventsNotFromTheInbox_AreNotRecorded()
    {
        var (store, _) = await SyncedAsync();
        await using var _store = store;
        var m1 = Small().Members[0];

        await ApplyAsync(store, MemberEvent("e1", m1 with { JobTitle = "One" }, 1));
        var again = await ApplyAsync(store, MemberEvent("e1", m1 with { JobTitle = "One" }, 1));

        Assert.NotEqual(EventApplyStatus.AlreadyApplied, again.Status);
        Assert.Empty(await AppliedEventIdsAsync(store));
    }

    [Fact]
    public async Task ApplyEventsAsync_RecordsOlderThanTheRetention_ArePruned()
    {
        var (store, _) = await SyncedAsync();
        await using var _store = store;
        var corpId = await store.ScalarAsync("SELECT id FROM corps");
        var old = StoreTime.Format(DateTimeOffset.UtcNow - AppliedEvents.Retention - TimeSpan.FromHours(1));
        var recent = StoreTime.Format(DateTimeOffset.UtcNow - AppliedEvents.Retention + TimeSpan.FromHours(1));
        await store.ExecuteAsync($"INSERT INTO applied_events (corp_id, event_id, applied_at) VALUES ({corpId}, 'old', '{old}'), ({corpId}, 'recent', '{recent}')");
        var (_, stored) = await InboxAsync(store, MemberEvent("e1", Small().Members[0] with { JobTitle = "One" }, 1));

        await store.Database.ApplyEventsAsync(TestElements.Create(), stored, CancellationToken.None);

        Assert.Equal(["e1", "recent"], await AppliedEventIdsAsync(store));
    }

    private static async Task<List<string>> AppliedEventIdsAsync(TestStore store)
    {
        await using var connection = await store.ConnectAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT event_id FROM applied_events ORDER BY event_id";
        var ids = new List<string>();
        using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            ids.Add(reader.GetString(0));
        return ids;
    }
}
