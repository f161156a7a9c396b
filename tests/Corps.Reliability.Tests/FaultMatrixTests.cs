using Corps.Emulator.Options;
using Corps.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace Corps.Reliability.Tests;

/// <summary>
/// Promise 1: a full sync under any upstream fault either completes with the store exactly equal to the upstream org,
/// or fails with the store exactly as it was (only the failed run is recorded). Nothing lost, nothing duplicated, no
/// offline caused by a failed fetch.
/// </summary>
public sealed class FaultMatrixTests(ITestOutputHelper output)
{
    // A client that gives up early (2 attempts, 1 s per attempt), so every fault kind produces failed runs too.
    private const string StrictClient = "\"rateLimit\": \"off\", \"maxAttempts\": 2, \"timeoutSeconds\": 1";

    public static TheoryData<string, string> Faults => new()
    {
        { "5xx bursts", "5xx=25%" },
        { "slow responses past the client timeout", "slow=15%:1300ms" },
        { "dropped connections", "drop=15%" },
        { "malformed JSON", "malformed=15%" },
        { "a page token the server rejects", "page-token=35%" },
        { "429 storms", "storm=8%" },
        { "token revoked mid-run", "revoke-after=" },
        { "everything at once", "5xx=6%,drop=4%,malformed=4%,storm=3%,page-token=8%" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task FullSync_UnderFault_CompletesExactlyOrLeavesTheStoreAsBefore(string fault, string spec)
    {
        await using var rig = await Rig.StartAsync(new RigOptions
        {
            // Few, large departments: member lists run over several pages, so page tokens are used (and rejected).
            Users = Scale.FaultUsers,
            Departments = Math.Max(4, Scale.FaultUsers / 80),
            Seed = 11,
            ExtraAuth = StrictClient,
        });
        var first = await rig.CliAsync("sync", "--json");
        Assert.True(first.ExitCode == 0, first.ToString());
        AssertStoreEqualsUpstream(rig, previous: null);

        int completed = 0, failed = 0;
        long faulted = 0;
        for (var seed = 1; seed <= Scale.Seeds; seed++)
        {
            await rig.Admin.ChurnAsync(changes: 6, seed);
            var known = rig.StoreState();
            var before = rig.Dump();
            rig.Emulator.Statistics.Reset();
            rig.Emulator.Faults = FaultOptions.Parse($"seed={seed}," + (spec == "revoke-after=" ? $"revoke-after={3 + (seed * 5)}" : spec));
            var run = await rig.CliAsync("sync", "--json");
            rig.Emulator.Faults = FaultOptions.None;
            faulted += rig.Emulator.Statistics.Endpoints.Values.Sum(e => e.Faulted + e.Throttled);
            // A revocation is not a faulted call: it shows as the host fetching its token again.
            if (spec == "revoke-after=")
                faulted += Math.Max(0, rig.Emulator.Statistics.Calls("POST /open-apis/auth/v3/tenant_access_token/internal") - 1);

            var after = rig.Dump();
            if (run.ExitCode == 0)
            {
                completed++;
                AssertStoreEqualsUpstream(rig, known);
            }
            else
            {
                failed++;
                Assert.True(run.ExitCode == 3, $"{fault}, seed {seed}: a failed fetch is an upstream failure (exit 3)\n{run}");
                Assert.Null(after.Without("sync_runs", "sync_locks").DifferenceFrom(before.Without("sync_runs", "sync_locks")));
                Assert.Equal(before.Rows("sync_runs") + 1, after.Rows("sync_runs"));
                Assert.Contains(after.Tables["sync_runs"], row => row.Contains("outcome=4", StringComparison.Ordinal) && !before.Tables["sync_runs"].Contains(row));

                // The next clean run converges.
                var clean = await rig.CliAsync("sync", "--json");
                Assert.True(clean.ExitCode == 0, clean.ToString());
                AssertStoreEqualsUpstream(rig, known);
            }
        }

        output.WriteLine(Figures.Record($"fault matrix: {fault}",
            $"org {Scale.FaultUsers} people, {Scale.Seeds} seeds: {completed} completed exactly, {failed} failed with the store unchanged, {faulted} faulted or throttled calls, losses 0"));
        Assert.True(faulted > 0, $"{fault}: no fault was injected; the test proves nothing");
    }

    private static string Explain(Rig rig, string? difference)
    {
        if (difference is null)
            return "";
        var ids = System.Text.RegularExpressions.Regex.Matches(difference, "ou_[0-9a-f]+").Select(m => m.Value).Distinct().Take(3);
        using var read = rig.Emulator.Org.EnterRead();
        return string.Join('\n', ids.Select(id =>
        {
            var user = rig.Emulator.Org.FindUserAny(id);
            if (user is null)
                return id + ": not in the emulator";
            var listedIn = rig.Emulator.Org.Document.Departments.Select(d => d.OpenDepartmentId).Append("0")
                .Where(d => rig.Emulator.Org.DirectMembers(d).Contains(user));
            return $"{id}: departments [{string.Join(",", user.DepartmentIds)}], orders [{string.Join(",", user.Orders.Select(o => o.DepartmentId))}], listed in [{string.Join(",", listedIn)}], manager {user.IsTenantManager}, status resigned {user.Status.IsResigned}";
        }));
    }

    private static void AssertStoreEqualsUpstream(Rig rig, OrgState? previous)
    {
        var store = rig.StoreState();
        Assert.Empty(store.Duplicates());
        var difference = store.DifferenceFrom(rig.EmulatorState(previous));
        Assert.True(difference is null, difference + "\n" + Explain(rig, difference));
    }
}
