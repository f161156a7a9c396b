using Corps.Emulator.Options;
using Corps.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace Corps.Reliability.Tests;

/// <summary>
/// Promise 6: two <c>corps sync</c> processes on one store and corp never run at once: one runs, the other waits (or
/// says a sync is running); the store stays consistent.
/// </summary>
public sealed class ConcurrencyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TwoSyncProcesses_OneStoreOneCorp_RunOneAfterTheOtherAndTheStoreIsConsistent()
    {
        await using var rig = await Rig.StartAsync(new RigOptions { Users = Scale.Users / 2, Seed = 71 });
        // Slow answers stretch each run, so the two processes surely overlap.
        rig.Emulator.Faults = new FaultOptions { Seed = 71, SlowRate = 0.3, SlowDelay = TimeSpan.FromMilliseconds(150) };
        var rounds = Scale.Long ? 5 : 2;
        int applied = 0, waitedThenUnchanged = 0, refused = 0;
        for (var round = 0; round < rounds; round++)
        {
            if (round > 0)
                await rig.Admin.ChurnAsync(changes: 10, seed: 700 + round);
            var known = rig.StoreState();
            using var first = rig.Start("sync", "--json");
            using var second = rig.Start("sync", "--json");
            var results = new[] { await first.WaitAsync(TimeSpan.FromMinutes(3)), await second.WaitAsync(TimeSpan.FromMinutes(3)) };

            foreach (var run in results)
            {
                Assert.True(run.ExitCode is 0 or 2, run.ToString());
                if (run.ExitCode == 2)
                {
                    Assert.Contains("already running", run.All, StringComparison.Ordinal);
                    refused++;
                }
                else
                {
                    var outcome = run.Json.GetProperty("results")[0].GetProperty("report").GetProperty("outcome").GetString();
                    if (outcome == "applied")
                        applied++;
                    else
                        waitedThenUnchanged++;
                }
            }

            Assert.Empty(StoreDump.IntegrityProblems(rig.StorePath));
            Assert.Empty(rig.StoreState().Duplicates());
            Assert.Null(rig.StoreState().DifferenceFrom(rig.EmulatorState(known)));
        }

        // The runs of the corp never overlapped in time.
        var runs = await ReadRunsAsync(rig);
        for (var i = 1; i < runs.Count; i++)
            Assert.True(runs[i].Started >= runs[i - 1].Finished, $"runs {i - 1} and {i} overlap: {runs[i - 1]} / {runs[i]}");
        Assert.True(applied >= rounds, $"every round applied its changes once ({applied} applied)");
        output.WriteLine(Figures.Record("concurrency", $"{rounds} rounds of two concurrent corps sync processes: {applied} applied, {waitedThenUnchanged} waited then found nothing to do, {refused} said a sync is running; 0 overlaps"));
    }

    private static Task<List<(DateTimeOffset Started, DateTimeOffset Finished)>> ReadRunsAsync(Rig rig)
    {
        using var connection = StoreDump.Open(rig.StorePath);
        var rows = StoreDump.Query(connection, "SELECT started_at, finished_at FROM sync_runs WHERE outcome IN (0, 1) ORDER BY started_at");
        return Task.FromResult(rows.Select(r => r.Split('|'))
            .Select(p => (DateTimeOffset.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList());
    }
}
