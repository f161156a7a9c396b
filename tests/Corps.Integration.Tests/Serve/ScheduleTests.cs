using Corps.Abstractions;
using Corps.Emulator.Options;

namespace Corps.Integration.Tests.Serve;

public sealed class ScheduleTests
{
    [Fact]
    public async Task ShortCrons_TwoCorpsOfOneType_RunSideBySideAndNeverOverlapThemselves()
    {
        await using var scenario = await ServeScenario.StartAsync(new ScenarioOptions { Corps = ["Acme", "Beta"], Schedule = "* * * * * ?" });
        // Some calls answer slowly, so some runs outlast the one-second period and firings fall on running jobs.
        scenario.Emulator.Faults = new FaultOptions { Seed = 3, SlowRate = 0.3, SlowDelay = TimeSpan.FromMilliseconds(400) };

        IReadOnlyList<SyncReport> acme = [], beta = [];
        await Eventually.TrueAsync(async () =>
        {
            acme = await scenario.Runtime.Database.GetRunsAsync("corps.Acme", 50, CancellationToken.None);
            beta = await scenario.Runtime.Database.GetRunsAsync("corps.Beta", 50, CancellationToken.None);
            return acme.Count(r => r.Trigger == "schedule") >= 3 && beta.Count(r => r.Trigger == "schedule") >= 3;
        }, "three scheduled runs of each corp", TimeSpan.FromSeconds(30));

        foreach (var runs in new[] { acme, beta })
        {
            var ordered = runs.OrderBy(r => r.StartedAt).ToList();
            for (var i = 1; i < ordered.Count; i++)
                Assert.True(ordered[i].StartedAt >= ordered[i - 1].FinishedAt, $"runs {ordered[i - 1].RunId} and {ordered[i].RunId} of {ordered[i].CorpFullName} overlap");
            Assert.All(ordered, r => Assert.NotEqual(SyncOutcome.Failed, r.Outcome));
        }

        // Side by side: some run of one corp overlapped some run of the other.
        Assert.Contains(acme, a => beta.Any(b => a.StartedAt < b.FinishedAt && b.StartedAt < a.FinishedAt));
    }
}
