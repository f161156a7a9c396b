namespace Corps.Integration.Tests.Serve;

public sealed class RecoveryTests
{
    [Fact]
    public async Task Restart_EventAcknowledgedButNotApplied_IsAppliedByTheNextService()
    {
        // The first service acknowledges and stores but never applies: the state a crash between the 200 and the
        // apply leaves behind.
        await using var scenario = await ServeScenario.StartAsync(new ScenarioOptions { ProcessEvents = false });
        await scenario.SyncAsync();
        var openId = await scenario.Admin.CreateUserAsync("Survivor", scenario.Admin.TopDepartments()[0]);
        var created = scenario.LastEmitted("contact.user.created_v3");
        await Eventually.TrueAsync(() => scenario.Acknowledged(created.EventId), "the delivery acknowledged");
        Assert.Equal(1, scenario.Inbox().Pending);
        Assert.Null(await scenario.MemberAsync(openId));

        await scenario.StopServeAsync();
        await scenario.StartServeAsync(processEvents: true);

        await Eventually.TrueAsync(async () => await scenario.MemberAsync(openId) is { Name: "Survivor" }, "the member applied after the restart");
        // The inbox is another file, marked just after the store's commit.
        await Eventually.TrueAsync(() => scenario.Inbox() == new Corps.Host.Events.InboxCounts(Pending: 0, Parked: 0, Applied: 1), "the inbox row marked applied");
        // Acknowledged once: upstream had no reason to re-deliver.
        Assert.Single(scenario.Emulator.Events.Deliveries, d => d.EventId == created.EventId);
    }
}
