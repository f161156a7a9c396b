using Corps.Host.Events;
using Corps.Host.Tests.Fakes;

namespace Corps.Host.Tests.Serve;

public sealed class ShutdownTests
{
    [Fact]
    public async Task StopAsync_SyncRunning_LetsItFinish()
    {
        await using var store = await TestStore.CreateAsync();
        var corp = new FakeEventCorp("Acme", syncOnStart: true) { SyncDuration = TimeSpan.FromMilliseconds(800) };
        var serve = await RunningServe.StartAsync(
            RunningServe.Settings([corp], new SqliteEventInbox(store.Path, TimeProvider.System), new FakeEventApplier()) with { ProcessEvents = false });
        var gate = (Corps.Host.Scheduling.CorpWorkGate)serve.App.Services.GetService(typeof(Corps.Host.Scheduling.CorpWorkGate))!;
        await Eventually.TrueAsync(() => Task.FromResult(gate.IsBusy(corp.FullName)), "the start-up sync running");

        await serve.DisposeAsync();

        var run = Assert.Single(corp.Runs);
        Assert.Equal("start", run.Trigger);
    }
}
