using Corps.Abstractions;
using Corps.Host.Store;
using Corps.Host.Sync;
using Corps.Host.Tests.Fakes;
using static Corps.Host.Tests.Fakes.Snapshots;

namespace Corps.Host.Tests.Sync;

/// <summary>The local state read during the fetch is used only while no other connection has written since.</summary>
public sealed class LocalStatePreloadTests
{
    [Fact]
    public async Task TakeIfCurrent_NothingWrittenSince_ReturnsTheState()
    {
        await using var store = await SyncedAsync();
        await using var preload = await LocalStatePreload.StartAsync(new SqliteConnectionFactory(store.Path), "corps.Acme", CancellationToken.None);
        var connection = await preload.ConnectionAsync();

        using var transaction = connection.BeginTransaction(deferred: false);
        var state = preload.TakeIfCurrent(transaction, CorpId(connection, transaction));

        Assert.NotNull(state);
        Assert.Equal(["m1", "m2", "m3", "m4"], state.Members.Keys.Order());
    }

    [Fact]
    public async Task TakeIfCurrent_AnotherConnectionWroteAfterTheRead_ReturnsNull()
    {
        await using var store = await SyncedAsync();
        await using var preload = await LocalStatePreload.StartAsync(new SqliteConnectionFactory(store.Path), "corps.Acme", CancellationToken.None);
        var connection = await preload.ConnectionAsync();
        await store.ExecuteAsync("UPDATE members SET name = 'Changed meanwhile' WHERE external_id = 'm1'");

        using var transaction = connection.BeginTransaction(deferred: false);
        var state = preload.TakeIfCurrent(transaction, CorpId(connection, transaction));

        Assert.Null(state);
    }

    [Fact]
    public async Task TakeIfCurrent_OnlyTheRunsOwnWrites_ReturnsTheStateOnce()
    {
        await using var store = await SyncedAsync();
        await using var preload = await LocalStatePreload.StartAsync(new SqliteConnectionFactory(store.Path), "corps.Acme", CancellationToken.None);
        var connection = await preload.ConnectionAsync();

        using var transaction = connection.BeginTransaction(deferred: false);
        using (var own = connection.CreateCommand())
        {
            own.Transaction = transaction;
            own.CommandText = "UPDATE corps SET title = 'Renamed by the run' WHERE full_name = 'corps.Acme'";
            own.ExecuteNonQuery();
        }

        var corpId = CorpId(connection, transaction);
        Assert.NotNull(preload.TakeIfCurrent(transaction, corpId));
        Assert.Null(preload.TakeIfCurrent(transaction, corpId));
    }

    [Fact]
    public async Task SyncAsync_StoreChangedDuringTheFetch_PlansAgainstWhatTheStoreHolds()
    {
        await using var store = await SyncedAsync();
        var corp = store.Corp();
        corp.Snapshot = Small();
        corp.DuringFetch = async () =>
        {
            // After the preload's read has had time to finish; before it or after, the run must see this name.
            await Task.Delay(300);
            await store.ExecuteAsync("UPDATE members SET name = 'Changed meanwhile' WHERE external_id = 'm1'");
        };

        var report = await corp.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);

        Assert.Equal(SyncOutcome.Applied, report.Outcome);
        Assert.Equal(1, report.Counts.MembersUpdated);
        Assert.Equal(0, await store.ScalarAsync("SELECT COUNT(*) FROM members WHERE name = 'Changed meanwhile'"));
    }

    private static async Task<TestStore> SyncedAsync()
    {
        var store = await TestStore.CreateAsync();
        var corp = store.Corp();
        corp.Snapshot = Small();
        Assert.Equal(SyncOutcome.Applied, (await corp.SyncCorpAsync(SyncOptions.Default, CancellationToken.None)).Outcome);
        return store;
    }

    private static long CorpId(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction) =>
        CorpRows.Find(connection, transaction, "corps.Acme") ?? throw new InvalidOperationException("The corp was not synced.");
}
