using Corps.Host.Scheduling;
using Corps.Host.Events;
using Corps.Host.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Corps.Host.Tests.Scheduling;

public sealed class CorpSchedulerTests
{
    [Fact]
    public async Task ScheduleAllAsync_TwoCorpsOfOneType_GetOneJobEachKeyedByFullName()
    {
        await using var store = await TestStore.CreateAsync();
        var a = new FakeEventCorp("FeishuA", schedule: "0 0/5 * * * ?");
        var b = new FakeEventCorp("FeishuB");
        await using var serve = await RunningServe.StartAsync(
            RunningServe.Settings([a, b], new SqliteEventInbox(store.Path, TimeProvider.System), new FakeEventApplier()) with { ProcessEvents = false });

        var factory = serve.App.Services.GetRequiredService<ISchedulerFactory>();
        var scheduler = await factory.GetScheduler(CancellationToken.None);
        var jobA = await scheduler.GetJobDetail(new JobKey("corps.FeishuA", CorpScheduler.Group), CancellationToken.None);
        var jobB = await scheduler.GetJobDetail(new JobKey("corps.FeishuB", CorpScheduler.Group), CancellationToken.None);

        Assert.NotNull(jobA);
        Assert.NotNull(jobB);
        Assert.True(jobA.ConcurrentExecutionDisallowed);
        Assert.Equal("corps.FeishuA", jobA.JobDataMap.GetString(CorpSyncJob.CorpKey));
        var corpScheduler = serve.App.Services.GetRequiredService<CorpScheduler>();
        Assert.NotNull(await corpScheduler.GetNextFireTimeAsync("corps.FeishuA", CancellationToken.None));
        Assert.NotNull(await corpScheduler.GetNextFireTimeAsync("corps.FeishuB", CancellationToken.None));
    }

    [Fact]
    public async Task ScheduleAllAsync_NoSchedule_UsesHourlyDefault()
    {
        await using var store = await TestStore.CreateAsync();
        var corp = new FakeEventCorp("Acme");
        await using var serve = await RunningServe.StartAsync(
            RunningServe.Settings([corp], new SqliteEventInbox(store.Path, TimeProvider.System), new FakeEventApplier()) with { ProcessEvents = false });

        var next = await serve.App.Services.GetRequiredService<CorpScheduler>().GetNextFireTimeAsync(corp.FullName, CancellationToken.None);

        Assert.NotNull(next);
        var local = TimeZoneInfo.ConvertTime(next.Value, TimeZoneInfo.Local);
        Assert.Equal((0, 0), (local.Minute, local.Second));
        Assert.Equal(ScheduleOptions.HourlyCron, serve.App.Services.GetRequiredService<CorpScheduler>().CronFor(corp.CorpData));
    }

    [Fact]
    public async Task ScheduleAllAsync_BadCron_ReportsItAndSchedulesTheOthers()
    {
        await using var store = await TestStore.CreateAsync();
        var bad = new FakeEventCorp("Bad", schedule: "every hour please");
        var good = new FakeEventCorp("Good", schedule: "0 0 3 * * ?");
        await using var serve = await RunningServe.StartAsync(
            RunningServe.Settings([bad, good], new SqliteEventInbox(store.Path, TimeProvider.System), new FakeEventApplier()) with { ProcessEvents = false });
        var scheduler = serve.App.Services.GetRequiredService<CorpScheduler>();

        Assert.Null(await scheduler.GetNextFireTimeAsync(bad.FullName, CancellationToken.None));
        Assert.Contains("e.json", scheduler.GetProblem(bad.FullName), StringComparison.Ordinal);
        Assert.NotNull(await scheduler.GetNextFireTimeAsync(good.FullName, CancellationToken.None));
        Assert.Null(scheduler.GetProblem(good.FullName));
    }

    [Fact]
    public async Task SyncOnStart_RunsOneSyncAtStart()
    {
        await using var store = await TestStore.CreateAsync();
        var eager = new FakeEventCorp("Eager", syncOnStart: true);
        var lazy = new FakeEventCorp("Lazy");
        await using var serve = await RunningServe.StartAsync(
            RunningServe.Settings([eager, lazy], new SqliteEventInbox(store.Path, TimeProvider.System), new FakeEventApplier()) with { ProcessEvents = false });

        await Eventually.TrueAsync(() => eager.Runs.Count == 1, "the start-up sync");

        Assert.Equal("start", eager.Runs[0].Trigger);
        Assert.Empty(lazy.Runs);
    }

    [Fact]
    public async Task ShortCrons_TwoCorps_RunSideBySideWithoutOverlappingThemselves()
    {
        await using var store = await TestStore.CreateAsync();
        // Every second, with runs that take longer than a second: firings of a corp fall on its own running job.
        var a = new FakeEventCorp("A", schedule: "* * * * * ?") { SyncDuration = TimeSpan.FromMilliseconds(1300) };
        var b = new FakeEventCorp("B", schedule: "* * * * * ?") { SyncDuration = TimeSpan.FromMilliseconds(1300) };
        await using var serve = await RunningServe.StartAsync(
            RunningServe.Settings([a, b], new SqliteEventInbox(store.Path, TimeProvider.System), new FakeEventApplier()) with { ProcessEvents = false });

        await Eventually.TrueAsync(() => a.Runs.Count >= 2 && b.Runs.Count >= 2, "two runs of each corp", TimeSpan.FromSeconds(20));

        Assert.Equal(1, a.MaxConcurrentSyncs);
        Assert.Equal(1, b.MaxConcurrentSyncs);
        Assert.All(a.Runs, r => Assert.Equal("schedule", r.Trigger));
        // Side by side: the two corps' first runs overlapped in time.
        Assert.True(a.Runs[0].StartedAt < b.Runs[0].FinishedAt && b.Runs[0].StartedAt < a.Runs[0].FinishedAt);
    }
}
