using System.Net;
using System.Text.Json;
using Corps.Host.Events;
using Corps.Host.Serve;
using Corps.Host.Tests.Fakes;

namespace Corps.Host.Tests.Serve;

public sealed class StatusEndpointTests
{
    [Fact]
    public async Task GetStatus_CorpWithRunsAndParkedEvent_ShowsScheduleLastSyncInboxAndParked()
    {
        await using var store = await TestStore.CreateAsync();
        var inbox = new SqliteEventInbox(store.Path, TimeProvider.System);
        var corp = new FakeEventCorp("Acme", schedule: "0 0 3 * * ?");
        await corp.SyncCorpAsync(new Abstractions.SyncOptions { Trigger = "cli" }, CancellationToken.None);
        await inbox.AddAsync(corp.FullName, TestEvents.MemberUpserted("bad", "ou_1", "a"), CancellationToken.None);
        var parkedId = (await inbox.GetPendingAsync(corp.FullName, 1, CancellationToken.None))[0].Id;
        await inbox.RecordFailureAsync(parkedId, "it broke", park: true, CancellationToken.None);
        await inbox.AddAsync(corp.FullName, TestEvents.MemberUpserted("waiting", "ou_2", "b"), CancellationToken.None);
        await using var serve = await RunningServe.StartAsync(RunningServe.Settings([corp], inbox, new FakeEventApplier()) with { ProcessEvents = false });

        using var response = await serve.Client.GetAsync("/status");
        var json = await response.Content.ReadAsStringAsync();
        var status = JsonSerializer.Deserialize<ServeStatus>(json, StatusEndpoints.Json)!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(status.Live);
        var acme = Assert.Single(status.Corps);
        Assert.Equal(("Acme", "corps.Acme", "0 0 3 * * ?", "/corps/Acme/events"), (acme.Name, acme.FullName, acme.Schedule, acme.EventsPath));
        Assert.NotNull(acme.NextFireTime);
        Assert.Equal("cli", acme.LastSync?.Trigger);
        Assert.Equal(new InboxCounts(Pending: 1, Parked: 1, Applied: 0), acme.Inbox);
        var parked = Assert.Single(acme.Parked);
        Assert.Equal(("bad", "it broke"), (parked.EventId, parked.LastError));
        Assert.Contains("\"outcome\": \"unchanged\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("fake-secret", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetHealthz_Running_ReturnsOk()
    {
        await using var store = await TestStore.CreateAsync();
        await using var serve = await RunningServe.StartAsync(
            RunningServe.Settings([new FakeEventCorp("Acme")], new SqliteEventInbox(store.Path, TimeProvider.System), new FakeEventApplier()));

        using var response = await serve.Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReadAsync_WithoutScheduler_ComputesNextFireTimeFromTheCron()
    {
        await using var store = await TestStore.CreateAsync();
        var corp = new FakeEventCorp("Acme", schedule: "0 30 2 * * ?");
        var reader = new CorpStatusReader(new ServedCorps([corp]), new SqliteEventInbox(store.Path, TimeProvider.System),
            Microsoft.Extensions.Options.Options.Create(new Corps.Host.Scheduling.ScheduleOptions { TimeZone = TimeZoneInfo.Utc }), TimeProvider.System);

        var status = await reader.ReadAsync(CancellationToken.None);

        Assert.False(status.Live);
        var next = Assert.Single(status.Corps).NextFireTime!.Value.ToUniversalTime();
        Assert.Equal((2, 30, 0), (next.Hour, next.Minute, next.Second));
    }
}
