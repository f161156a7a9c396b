using Corps.Host.Events;
using Corps.Host.Tests.Fakes;

namespace Corps.Host.Tests.Events;

public sealed class SqliteEventInboxTests
{
    private const string Corp = "corps.Inbox";

    [Fact]
    public async Task AddAsync_SameEventTwice_StoresItOnce()
    {
        await using var store = await TestStore.CreateAsync();
        var inbox = new SqliteEventInbox(store.Path, TimeProvider.System);

        var first = await inbox.AddAsync(Corp, TestEvents.MemberUpserted("ev-1", "ou_1", "Ann"), CancellationToken.None);
        var second = await inbox.AddAsync(Corp, TestEvents.MemberUpserted("ev-1", "ou_1", "Ann again"), CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        var pending = await inbox.GetPendingAsync(Corp, 10, CancellationToken.None);
        var entry = Assert.Single(pending);
        Assert.Equal("Ann", CorpEventJson.Deserialize(entry.Payload).Member?.Name);
    }

    [Fact]
    public async Task GetPendingAsync_EmptyInbox_ReturnsNothing()
    {
        await using var store = await TestStore.CreateAsync();
        var inbox = new SqliteEventInbox(store.Path, TimeProvider.System);

        Assert.Empty(await inbox.GetPendingAsync(Corp, 10, CancellationToken.None));
        Assert.Empty(await inbox.GetParkedAsync(Corp, 10, CancellationToken.None));
        Assert.Equal(new InboxCounts(0, 0, 0), await inbox.GetCountsAsync(Corp, CancellationToken.None));
    }

    [Fact]
    public async Task AddAsync_SameEventIdOtherCorp_StoresBoth()
    {
        await using var store = await TestStore.CreateAsync();
        var inbox = new SqliteEventInbox(store.Path, TimeProvider.System);

        Assert.True(await inbox.AddAsync("corps.A", TestEvents.MemberUpserted("ev-1", "ou_1", "Ann"), CancellationToken.None));
        Assert.True(await inbox.AddAsync("corps.B", TestEvents.MemberUpserted("ev-1", "ou_1", "Ann"), CancellationToken.None));

        Assert.Single(await inbox.GetPendingAsync("corps.A", 10, CancellationToken.None));
        Assert.Single(await inbox.GetPendingAsync("corps.B", 10, CancellationToken.None));
    }

    [Fact]
    public async Task GetPendingAsync_SeveralEvents_ReturnsArrivalOrder()
    {
        await using var store = await TestStore.CreateAsync();
        var inbox = new SqliteEventInbox(store.Path, TimeProvider.System);
        foreach (var id in new[] { "c", "a", "b" })
            await inbox.AddAsync(Corp, TestEvents.MemberUpserted(id, "ou_" + id, id), CancellationToken.None);

        var pending = await inbox.GetPendingAsync(Corp, 10, CancellationToken.None);

        Assert.Equal(["c", "a", "b"], pending.Select(p => p.EventId));
    }

    [Fact]
    public async Task RecordFailureAsync_ParkAfterFailures_CountsAndListsParked()
    {
        await using var store = await TestStore.CreateAsync();
        var inbox = new SqliteEventInbox(store.Path, TimeProvider.System);
        await inbox.AddAsync(Corp, TestEvents.MemberUpserted("ev-1", "ou_1", "Ann"), CancellationToken.None);
        await inbox.AddAsync(Corp, TestEvents.MemberUpserted("ev-2", "ou_2", "Bob"), CancellationToken.None);
        var first = (await inbox.GetPendingAsync(Corp, 10, CancellationToken.None))[0];

        await inbox.RecordFailureAsync(first.Id, "boom 1", park: false, CancellationToken.None);
        await inbox.RecordFailureAsync(first.Id, "boom 2", park: true, CancellationToken.None);
        var second = (await inbox.GetPendingAsync(Corp, 10, CancellationToken.None))[0];
        await inbox.MarkAppliedAsync(second.Id, CancellationToken.None);

        Assert.Equal(new InboxCounts(Pending: 0, Parked: 1, Applied: 1), await inbox.GetCountsAsync(Corp, CancellationToken.None));
        var parked = Assert.Single(await inbox.GetParkedAsync(Corp, 10, CancellationToken.None));
        Assert.Equal(("ev-1", 2, "boom 2"), (parked.EventId, parked.Attempts, parked.LastError));
    }

    [Fact]
    public async Task RequeueParkedAsync_ParkedEvent_IsPendingAgainWithAttemptsReset()
    {
        await using var store = await TestStore.CreateAsync();
        var inbox = new SqliteEventInbox(store.Path, TimeProvider.System);
        await inbox.AddAsync(Corp, TestEvents.MemberUpserted("ev-1", "ou_1", "Ann"), CancellationToken.None);
        var entry = (await inbox.GetPendingAsync(Corp, 10, CancellationToken.None))[0];
        await inbox.RecordFailureAsync(entry.Id, "boom", park: true, CancellationToken.None);

        var requeued = await inbox.RequeueParkedAsync(Corp, CancellationToken.None);

        Assert.Equal(1, requeued);
        var pending = Assert.Single(await inbox.GetPendingAsync(Corp, 10, CancellationToken.None));
        Assert.Equal(0, pending.Attempts);
    }

    [Fact]
    public async Task AddAsync_ManyConcurrentDeliveriesWithDuplicates_StoresEachEventOnce()
    {
        await using var store = await TestStore.CreateAsync();
        var inbox = new SqliteEventInbox(store.Path, TimeProvider.System);
        var ids = Enumerable.Range(0, 300).Select(i => $"ev-{i}").ToList();
        var deliveries = ids.Concat(ids.Where((_, i) => i % 5 == 0)).ToList();

        var stored = await Task.WhenAll(deliveries.Select(id => Task.Run(() => inbox.AddAsync(Corp, TestEvents.MemberUpserted(id, "ou_" + id, id), CancellationToken.None))));

        Assert.Equal(300, stored.Count(s => s));
        Assert.Equal(60, stored.Count(s => !s));
        Assert.Equal(300, await store.ScalarAsync("SELECT COUNT(*) FROM event_inbox"));
        Assert.Equal(300, await store.ScalarAsync("SELECT COUNT(DISTINCT event_id) FROM event_inbox"));
    }
}
