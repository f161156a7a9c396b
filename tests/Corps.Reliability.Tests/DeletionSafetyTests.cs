using Corps.Emulator;
using Corps.Emulator.Options;
using Corps.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace Corps.Reliability.Tests;

/// <summary>
/// Promise 3: when the app suddenly sees much less — its contact scope shrunk to one department or to nothing, or the
/// credentials swapped for another tenant's app — the deletion guard holds the plan: nothing is offlined, the run says
/// why and how to release it, and the exit code is 4.
/// </summary>
public sealed class DeletionSafetyTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases => new() { "scope shrunk to one department", "scope shrunk to nothing", "another tenant's app" };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Sync_UpstreamSeesFarLess_GuardHoldsAndNothingIsOfflined(string change)
    {
        await using var rig = await Rig.StartAsync(new RigOptions { Users = Scale.Users, Seed = 31 });
        var first = await rig.CliAsync("sync", "--json");
        Assert.True(first.ExitCode == 0, first.ToString());
        var active = rig.StoreState().ActiveMembers;
        EmulatorServer? other = null;
        try
        {
            switch (change)
            {
                case "scope shrunk to one department":
                    var smallest = rig.Admin.Departments().First();
                    rig.Emulator.ChangeScope(Secrets.AppId, new ContactScopeOptions { DepartmentIds = [smallest] });
                    break;
                case "scope shrunk to nothing":
                    rig.Emulator.ChangeScope(Secrets.AppId, new ContactScopeOptions());
                    break;
                default:
                    // Another tenant (another org, another app) behind the same element: a copy-paste of the wrong credentials.
                    other = await EmulatorServer.StartAsync(new EmulatorOptions
                    {
                        Generate = new OrgGenerationOptions { Users = 300, Departments = 10, Depth = 3, Seed = 99 },
                        Apps = [new AppOptions { AppId = "cli_0ther0ther0ther0", AppSecret = "other-tenant-secret-000000000000" }],
                    });
                    rig.WriteElement("Acme", other.BaseUrl, "cli_0ther0ther0ther0", "other-tenant-secret-000000000000");
                    break;
            }

            var before = rig.Dump();
            var held = await rig.CliAsync("sync", "--json");
            var text = await rig.CliAsync("sync", "Acme");
            var after = rig.Dump();

            Assert.True(held.ExitCode == 4, held.ToString());
            Assert.True(text.ExitCode == 4, text.ToString());
            var report = held.Json.GetProperty("results")[0].GetProperty("report");
            Assert.Equal("held", report.GetProperty("outcome").GetString());
            var guard = report.GetProperty("guard");
            Assert.True(guard.GetProperty("held").GetBoolean());
            Assert.True(guard.GetProperty("offlines").GetInt32() > 0);
            Assert.Contains("corps sync Acme --force", guard.GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.Contains("--force", text.All, StringComparison.Ordinal);
            Assert.Contains("HELD", text.All, StringComparison.Ordinal);

            // Nothing but the two held runs' records changed; every active member is still active.
            Assert.Null(after.Without("sync_runs", "sync_locks").DifferenceFrom(before.Without("sync_runs", "sync_locks")));
            Assert.Equal(before.Rows("sync_runs") + 2, after.Rows("sync_runs"));
            Assert.Equal(active, rig.StoreState().ActiveMembers);
            output.WriteLine(Figures.Record($"deletion guard: {change}",
                $"org {Scale.Users} people ({active} active): held {guard.GetProperty("offlines").GetInt32()} offlines, 0 applied; reason: {guard.GetProperty("reason").GetString()}"));
        }
        finally
        {
            if (other is not null)
                await other.DisposeAsync();
        }
    }
}
