using Corps.Host.Events;
using Corps.Host.Store;
using Corps.Host.Tests.Fakes;

namespace Corps.Host.Tests.Events;

public sealed class EventProcessorTests
{
    private static async Task<RunningServe> StartAsync(IEnumerable<RecordingCorp> corps, SqliteEventInbox inbox, FakeEventApplier applier, int maxAttempts = 3) =>
        await RunningServe.StartAsync(RunningServe.Settings(corps, inbox, applier) with
        {
            RunSchedules = false,
            Events = new EventProcessingOptions
            {
                MaxAttempts = maxAttempts,
                RetryDelay = TimeSpan.FromMilliseconds(10),
                MaxRetryDelay = TimeSpan.FromMilliseconds(50),
                PollInterval = TimeSpan.FromMilliseconds(100),
            },
        });

    [Fact]
    public async Task Start_PendingEventsFromBefore_AreAppliedInArrivalOrder()
    {
        await using var store = await TestStore.CreateAsync();
        var inbox = new SqliteEventInbox(store.Path, TimeProvider.System);
        var corp = new FakeEventCorp("Acme");
        foreach (var id in new[] { "e3", "e1", "e2" })
            await inbox.AddAsync(corp.FullName, TestEvents.MemberUpserted(id, "ou_" + id, id), CancellationToken.None);
        var applier = new FakeEventApplier();

        await using var serve = await StartAsync([corp], inbox, applier);
        await Eventually.TrueAsync(() => applier.Applied.Count == 3, "three events applied");

        Assert.Equal(["e3", "e1", "e2"], applier.Applied.Select(a => a.EventId));
        await Eventually.TrueAsync(async () => (await inbox.GetCountsAsync(corp.FullName, CancellationToken.None)).Applied == 3, "rows marked applied");
    }

    [Fact]
    public async Task Apply_FailsTwice_RetriesAndAppliesInOrder()
    {
        await using var store = await TestStore.CreateAsync();
        var inbox = new SqliteEventInbox(store.Path, TimeProvider.System);
        var corp = new FakeEventCorp("Acme");
        await inbox.AddAsync(corp.FullName, TestEvents.MemberUpserted("e1", "ou_1", "a"), CancellationToken.None);
        await inbox.AddAsync(corp.FullName, TestEvents.MemberUpserted("e2", "ou_2", "b"), CancellationToken.None);
        var applier = new FakeEventApplier();
        applier.FailTimes("e1", 2);

        await using var serve = await StartAsync([corp], inbox, applier);
        await Eventually.TrueAsync(() => applier.Applied.Count == 2, "both events applied");

        Assert.Equal(["e1", "e2"], applier.Applied.Select(a => a.EventId));
    }

    [Fact]
    public async Task Apply_AlwaysFails_ParksTheEventAndMovesOn()
    {
        await using var store = await TestStore.CreateAsync();
        var inbox = new SqliteEventInbox(store.Path, TimeProvider.System);
        var corp = new FakeEventCorp("Acme");
        await inbox.AddAsync(corp.FullName, TestEvents.MemberUpserted("bad", "ou_1", "a"), CancellationToken.None);
        await inbox.AddAsync(corp.FullName, TestEvents.MemberUpserted("good", "ou_2", "b"), CancellationToken.None);
        var applier = new FakeEventApplier();
        applier.FailTimes("bad", int.MaxValue);

        await using var serve = await StartAsync([corp], inbox, applier, maxAttempts: 3);
        await Eventually.TrueAsync(() => applier.Applied.Count == 1, "the good event applied");

        Assert.Equal("good", applier.Applied[0].EventId);
        var parked = Assert.Single(await inbox.GetParkedAsync(corp.FullName, 10, CancellationToken.None));
        Assert.Equal(("bad", 3), (parked.EventId, parked.Attempts));
        Assert.Contains("failed on purpose", parked.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScopeChanged_RunsOneFullSyncThroughTheCorp()
    {
        await using var store = await TestStore.CreateAsync();
        var inbox = new SqliteEventInbox(store.Path, TimeProvider.System);
        var corp = new FakeEventCorp("Acme");
        await inbox.AddAsync(corp.FullName, TestEvents.ScopeChanged("s1"), CancellationToken.None);
        await inbox.AddAsync(corp.FullName, TestEvents.ScopeChanged("s2"), CancellationToken.None);

        await using var serve = await StartAsync([corp], inbox, new FakeEventApplier());
        await Eventually.TrueAsync(async () => (await inbox.GetCountsAsync(corp.FullName, CancellationToken.None)).Applied == 2, "both scope events done");

        // Both were received before the first sync started, so that one sync covers both.
        var run = Assert.Single(corp.Runs);
        Assert.Equal("event", run.Trigger);
    }

    [Fact]
    public async Task NeedsFullSync_RunsAFullSync()
    {
        await using var store = await TestStore.CreateAsync();
        var inbox = new SqliteEventInbox(store.Path, TimeProvider.System);
        var corp = new FakeEventCorp("Acme");
        await inbox.AddAsync(corp.FullName, TestEvents.MemberUpserted("e1", "ou_1", "a"), CancellationToken.None);
        var applier = new FakeEventApplier() { Outcome = _ => EventApplyStatus.NeedsFullSync };

        await using var serve = await StartAsync([corp], inbox, applier);
        await Eventually.TrueAsync(() => corp.Runs.Count == 1, "a full sync");

        await Eventually.TrueAsync(async () => (await inbox.GetCountsAsync(corp.FullName, CancellationToken.None)).Applied == 1, "event done");
    }

    [Fact]
    public async Task FullSyncFails_EventIsRetriedThenParked()
    {
        await using var store = await TestStore.CreateAsync();
        var inbox = new SqliteEventInbox(store.Path, TimeProvider.System);
        var corp = new FakeEventCorp("Acme") { SyncFailure = new Abstractions.UpstreamException("upstream down", code: 99991400) };
        await inbox.AddAsync(corp.FullName, TestEvents.ScopeChanged("s1"), CancellationToken.None);

        await using var serve = await StartAsync([corp], inbox, new FakeEventApplier(), maxAttempts: 2);
        await Eventually.TrueAsync(async () => (await inbox.GetCountsAsync(corp.FullName, CancellationToken.None)).Parked == 1, "event parked");

        var parked = Assert.Single(await inbox.GetParkedAsync(corp.FullName, 10, CancellationToken.None));
        Assert.Contains("upstream down", parked.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Processing_TwoCorps_EachGetsOnlyItsOwnEvents()
    {
        await using var store = await TestStore.CreateAsync();
        var inbox = new SqliteEventInbox(store.Path, TimeProvider.System);
        var a = new FakeEventCorp("A");
        var b = new FakeEventCorp("B");
        await inbox.AddAsync(a.FullName, TestEvents.MemberUpserted("x", "ou_1", "a"), CancellationToken.None);
        await inbox.AddAsync(b.FullName, TestEvents.MemberUpserted("x", "ou_1", "b"), CancellationToken.None);
        var applier = new FakeEventApplier();

        await using var serve = await StartAsync([a, b], inbox, applier);
        await Eventually.TrueAsync(() => applier.Applied.Count == 2, "both applied");

        Assert.Equal(["corps.A", "corps.B"], applier.Applied.Select(x => x.Corp).Order());
    }

    [Fact]
    public async Task Processing_ManyPendingEvents_AppliesThemInBatchesInArrivalOrder()
    {
        await using var store = await TestStore.CreateAsync();
        var inbox = new SqliteEventInbox(store.Path, TimeProvider.System);
        var corp = new FakeEventCorp("Acme");
        var ids = Enumerable.Range(0, 300).Select(i => $"e{i:D3}").ToList();
        foreach (var id in ids)
            await inbox.AddAsync(corp.FullName, TestEvents.MemberUpserted(id, "ou_" + id, id), CancellationToken.None);
        var applier = new FakeEventApplier();

        await using var serve = await StartAsync([corp], inbox, applier);
        await Eventually.TrueAsync(() => applier.Applied.Count == 300, "all applied");

        Assert.Equal(ids, applier.Applied.Select(a => a.EventId));
        Assert.True(applier.BatchSizes.Max() > 1, "events went to the store in batches");
        Assert.True(applier.BatchSizes.Count < 300, "fewer calls than events");
    }

    [Fact]
    public async Task Apply_FailureInsideABatch_RetriesThatEventAloneAndKeepsOrder()
    {
        await using var store = await TestStore.CreateAsync();
        var inbox = new SqliteEventInbox(store.Path, TimeProvider.System);
        var corp = new FakeEventCorp("Acme");
        var ids = Enumerable.Range(1, 10).Select(i => $"e{i:D2}").ToList();
        foreach (var id in ids)
            await inbox.AddAsync(corp.FullName, TestEvents.MemberUpserted(id, "ou_" + id, id), CancellationToken.None);
        var applier = new FakeEventApplier();
        applier.FailTimes("e05", 2);

        await using var serve = await StartAsync([corp], inbox, applier);
        await Eventually.TrueAsync(() => applier.Applied.Count == 10, "all applied");

        Assert.Equal(ids, applier.Applied.Select(a => a.EventId));
        await Eventually.TrueAsync(async () => (await inbox.GetCountsAsync(corp.FullName, CancellationToken.None)).Applied == 10, "all rows marked applied");
        Assert.Equal(0, (await inbox.GetCountsAsync(corp.FullName, CancellationToken.None)).Parked);
    }

    [Fact]
    public async Task Start_PendingEventTheStoreAppliedBeforeACrash_IsMarkedWithoutBeingAppliedAgain()
    {
        await using var store = await TestStore.CreateAsync();
        var inbox = new SqliteEventInbox(store.Path, TimeProvider.System);
        var corp = new FakeEventCorp("Acme");
        await inbox.AddAsync(corp.FullName, TestEvents.MemberUpserted("e1", "ou_1", "Ann"), CancellationToken.None);
        await inbox.AddAsync(corp.FullName, TestEvents.MemberUpserted("e2", "ou_2", "Bob"), CancellationToken.None);
        var first = (await inbox.GetPendingAsync(corp.FullName, 10, CancellationToken.None))[0];
        // The previous process committed e1's effects in the store and stopped before marking its inbox row.
        await store.Database.ApplyEventsAsync(corp.CorpData, [new StoredEvent(first.Id, CorpEventJson.Deserialize(first.Payload))], CancellationToken.None);
        var e1Changes = await store.ScalarAsync("SELECT COUNT(*) FROM change_log WHERE event_id = 'e1'");
        await store.ExecuteAsync("UPDATE members SET name = 'Renamed since' WHERE external_id = 'ou_1'");

        await using var serve = await RunningServe.StartAsync(
            RunningServe.Settings([corp], inbox, new StoreEventApplier(store.Database)) with { RunSchedules = false });
        await Eventually.TrueAsync(async () => (await inbox.GetCountsAsync(corp.FullName, CancellationToken.None)).Applied == 2, "both rows marked applied");

        Assert.True(e1Changes > 0);
        Assert.Equal(e1Changes, await store.ScalarAsync("SELECT COUNT(*) FROM change_log WHERE event_id = 'e1'"));
        Assert.Equal(1, await store.ScalarAsync("SELECT COUNT(*) FROM members WHERE external_id = 'ou_1' AND name = 'Renamed since'"));
        Assert.Equal(1, await store.ScalarAsync("SELECT COUNT(*) FROM members WHERE external_id = 'ou_2' AND name = 'Bob'"));
    }
}
