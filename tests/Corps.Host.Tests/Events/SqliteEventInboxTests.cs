using Corps.Host.Events;
using Corps.Host.Store;
using Corps.Host.Tests.Fakes;
using Microsoft.Data.Sqlite;

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
        await inbox.MarkAppliedAsync([second.Id], CancellationToken.None);

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
        Assert.Equal(300, await store.InboxScalarAsync("SELECT COUNT(*) FROM event_inbox"));
        Assert.Equal(300, await store.InboxScalarAsync("SELECT COUNT(DISTINCT event_id) FROM event_inbox"));
    }

    [Fact]
    public async Task AddAsync_StoreFileWriteLockedByAnotherConnection_StoresAndAnswersWhileTheLockIsHeld()
    {
        await using var store = await TestStore.CreateAsync();
        var inbox = new SqliteEventInbox(store.Path, TimeProvider.System);
        await using var writer = await store.ConnectAsync();
        // What a full sync does for seconds: hold the store file's write lock. This process's write turn at the store is
        // taken too, as an event batch takes it; neither may stand in an acknowledgement's way.
        using var writeTurn = await StoreWriteTurn.TakeAsync(store.Path, CancellationToken.None);
        using var transaction = writer.BeginTransaction(deferred: false);
        using (var write = writer.CreateCommand())
        {
            write.Transaction = transaction;
            write.CommandText = "INSERT INTO corps (full_name, created_at) VALUES ('corps.Syncing', '2026-01-01')";
            await write.ExecuteNonQueryAsync();
        }

        // Not a timing check: with the inbox in the store file this insert could only finish after the rollback below
        // (it would wait out the busy timeout and fail, or wait on the write turn for good).
        var stored = await inbox.AddAsync(Corp, TestEvents.MemberUpserted("ev-1", "ou_1", "Ann"), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(60));
        var lockStillHeld = await IsWriteLockedAsync(store);
        var pending = await inbox.GetPendingAsync(Corp, 10, CancellationToken.None);
        transaction.Rollback();

        Assert.True(stored);
        Assert.True(lockStillHeld);
        Assert.Equal("ev-1", Assert.Single(pending).EventId);
    }

    [Fact]
    public async Task MarkAppliedAsync_SeveralRows_MarksExactlyThose()
    {
        await using var store = await TestStore.CreateAsync();
        var inbox = new SqliteEventInbox(store.Path, TimeProvider.System);
        foreach (var id in new[] { "a", "b", "c" })
            await inbox.AddAsync(Corp, TestEvents.MemberUpserted(id, "ou_" + id, id), CancellationToken.None);
        var pending = await inbox.GetPendingAsync(Corp, 10, CancellationToken.None);

        await inbox.MarkAppliedAsync([pending[0].Id, pending[2].Id], CancellationToken.None);

        Assert.Equal(["b"], (await inbox.GetPendingAsync(Corp, 10, CancellationToken.None)).Select(e => e.EventId));
        Assert.Equal(new InboxCounts(Pending: 1, Parked: 0, Applied: 2), await inbox.GetCountsAsync(Corp, CancellationToken.None));
    }

    [Fact]
    public async Task AddAsync_InboxFileRemoved_CreatesItAgain()
    {
        await using var store = await TestStore.CreateAsync();
        var inbox = new SqliteEventInbox(store.Path, TimeProvider.System);
        await store.Database.DisposeAsync();
        foreach (var file in new[] { inbox.Path, inbox.Path + "-wal", inbox.Path + "-shm" })
            File.Delete(file);

        Assert.True(await inbox.AddAsync(Corp, TestEvents.MemberUpserted("ev-1", "ou_1", "Ann"), CancellationToken.None));
        Assert.Equal(Path.Combine(store.Directory, "data", "corps.inbox.db"), inbox.Path);
        Assert.Single(await inbox.GetPendingAsync(Corp, 10, CancellationToken.None));
    }

    private static async Task<bool> IsWriteLockedAsync(TestStore store)
    {
        // Microsoft.Data.Sqlite retries a busy statement until the command timeout (0 would be for ever): 1 s, then it throws.
        await using var probe = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store.Path, Pooling = false, DefaultTimeout = 1 }.ToString());
        await probe.OpenAsync();
        using var command = probe.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE; ROLLBACK;";
        try
        {
            await command.ExecuteNonQueryAsync();
            return false;
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == 5)
        {
            return true;
        }
    }
}
