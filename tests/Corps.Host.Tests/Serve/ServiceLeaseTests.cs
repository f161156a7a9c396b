using Corps.Abstractions;
using Corps.Host.Store;
using Corps.Host.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corps.Host.Tests.Serve;

/// <summary>One <c>corps serve</c> per store: the second is refused with who holds it, and a dead one is taken over.</summary>
public sealed class ServiceLeaseTests
{
    [Fact]
    public async Task HoldServiceAsync_SecondServiceOnTheSameFile_IsRefusedUntilTheFirstStops()
    {
        await using var store = await TestStore.CreateAsync();
        await using var other = await CorpDatabase.OpenAsync(store.Path, TimeProvider.System, NullLoggerFactory.Instance, CancellationToken.None);

        var first = await store.Database.HoldServiceAsync(CancellationToken.None);
        var refused = await Assert.ThrowsAsync<CorpException>(() => other.HoldServiceAsync(CancellationToken.None));

        Assert.Equal(CorpErrorKind.Configuration, refused.Kind);
        Assert.Matches($@"^Another corps serve \(pid {Environment.ProcessId} on .+, since .+\) is already serving the store ", refused.Message);
        Assert.Contains("--store", refused.Fix ?? "", StringComparison.Ordinal);

        await first.DisposeAsync();
        await using var second = await other.HoldServiceAsync(CancellationToken.None);
        Assert.Equal(1, await store.ScalarAsync("SELECT COUNT(*) FROM sync_locks"));
    }

    [Fact]
    public async Task HoldServiceAsync_TwiceOnOneStore_IsRefused()
    {
        await using var store = await TestStore.CreateAsync();
        await using var first = await store.Database.HoldServiceAsync(CancellationToken.None);

        var refused = await Assert.ThrowsAsync<CorpException>(() => store.Database.HoldServiceAsync(CancellationToken.None));

        Assert.Contains("earlier in this process", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HoldServiceAsync_ServiceWhoseProcessDied_IsTakenOver()
    {
        await using var store = await TestStore.CreateAsync();
        await store.InsertLockAsync("corps serve", "gone", 2147483000, Environment.MachineName, new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero));

        await using (await store.Database.HoldServiceAsync(CancellationToken.None))
            Assert.Equal(1, await store.ScalarAsync($"SELECT COUNT(*) FROM sync_locks WHERE holder_pid = {Environment.ProcessId}"));

        Assert.Equal(0, await store.ScalarAsync("SELECT COUNT(*) FROM sync_locks"));
    }

    [Fact]
    public async Task HoldServiceAsync_WhileASyncRuns_DoesNotMeetTheCorpsLock()
    {
        await using var store = await TestStore.CreateAsync();
        var corp = store.Corp();
        corp.Snapshot = Snapshots.Small();
        await using var service = await store.Database.HoldServiceAsync(CancellationToken.None);

        var report = await corp.SyncCorpAsync(SyncOptions.Default, CancellationToken.None);

        Assert.Equal(SyncOutcome.Applied, report.Outcome);
    }
}
