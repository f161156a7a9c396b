using Corps.Emulator.Options;
using Corps.Integration.Tests.Feishu.Support;

namespace Corps.Integration.Tests.Feishu;

/// <summary>Rate limits, revoked tokens and broken connections are absorbed; a failure that does not pass leaves the
/// pool exactly as it was and exits with 3.</summary>
public sealed class ResilienceTests
{
    private const string TokenEndpoint = "POST /open-apis/auth/v3/tenant_access_token/internal";

    [Fact]
    public async Task Sync_RealisticRateLimitsAndStorms_NoErrorSurfaces()
    {
        await using var harness = new CorpsHarness();
        // ~120 find_by_department calls in a burst: more than the 50/s the emulator allows.
        var emulator = await harness.StartEmulatorAsync(new OrgGenerationOptions { Users = 300, Departments = 120, Depth = 3, Seed = 13 },
            faults: FaultOptions.Parse("seed=2,storm=3%"), rateLimit: RateLimitOptions.Realistic);
        harness.AddElement("Acme", emulator, settings: new Dictionary<string, string> { ["rateLimit"] = "documented" });

        var result = await harness.RunAsync("sync", "Acme", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Json.GetProperty("results")[0].GetProperty("report").GetProperty("warnings").EnumerateArray());
        StoreAssert.HoldsWholeOrg(emulator, await harness.LocalAsync("Acme"));
    }

    [Fact]
    public async Task Sync_TokenRevokedMidSync_CompletesWithANewToken()
    {
        await using var harness = new CorpsHarness();
        var emulator = await harness.StartEmulatorAsync(new OrgGenerationOptions { Users = 250, Departments = 25, Seed = 9 },
            faults: new FaultOptions { RevokeTokensAfter = 12 });
        harness.AddElement("Acme", emulator);

        var result = await harness.RunAsync("sync", "Acme");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(emulator.Statistics.Calls(TokenEndpoint) >= 2, "a second token after the revocation");
        StoreAssert.HoldsWholeOrg(emulator, await harness.LocalAsync("Acme"));
    }

    [Fact]
    public async Task Sync_ServerErrorsAndDroppedConnections_Recovered()
    {
        await using var harness = new CorpsHarness();
        var emulator = await harness.StartEmulatorAsync(new OrgGenerationOptions { Users = 300, Departments = 30, Seed = 11 },
            faults: FaultOptions.Parse("seed=4,5xx=10%,drop=5%,malformed=3%"));
        harness.AddElement("Acme", emulator, settings: new Dictionary<string, string> { ["rateLimit"] = "off", ["maxAttempts"] = "8" });

        var result = await harness.RunAsync("sync", "Acme");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(emulator.Statistics.Endpoints.Values.Sum(c => c.Faulted) > 0, "faults were injected");
        StoreAssert.HoldsWholeOrg(emulator, await harness.LocalAsync("Acme"));
    }

    [Fact]
    public async Task Sync_FailureThatDoesNotRecover_StoreExactlyAsBeforeAndExit3()
    {
        await using var harness = new CorpsHarness();
        var emulator = await harness.StartEmulatorAsync(new OrgGenerationOptions { Users = 300, Departments = 60, Depth = 3, Seed = 17 });
        harness.AddElement("Acme", emulator, settings: new Dictionary<string, string> { ["rateLimit"] = "off", ["maxAttempts"] = "2" });
        Assert.Equal(0, (await harness.RunAsync("sync", "Acme")).ExitCode);

        // Upstream changes that a successful sync would write…
        using (var admin = new EmulatorAdmin(emulator))
        {
            var department = admin.TopDepartments()[0];
            await admin.CreateUserAsync("Late Joiner", department);
            var someone = emulator.Org.Document.Users.First(u => u.DepartmentIds.Count > 0 && !u.Status.IsResigned);
            await admin.RenameUserAsync(someone.OpenId, "Renamed Person");
        }

        // …and every page after a list's first refused: the sync fails mid-fetch (the recursive department list has two
        // pages), after the token, the scope, the root's members and a first page were read.
        var before = await harness.DumpAsync("sync_runs", "sync_locks");
        emulator.Statistics.Reset();
        emulator.Faults = FaultOptions.Parse("seed=1,page-token=100%");
        var result = await harness.RunAsync("sync", "Acme", "--json");
        var after = await harness.DumpAsync("sync_runs", "sync_locks");

        Assert.True(result.ExitCode == 3, result.ToString());
        var error = result.Json.GetProperty("results")[0].GetProperty("error");
        Assert.Equal("upstream", error.GetProperty("kind").GetString());
        Assert.True(emulator.Statistics.Endpoints.Values.Sum(c => c.Calls - c.Faulted) > 3, "the failure came mid-fetch");
        Assert.Equal(before, after);
        var runs = await harness.RunAsync("list", "--json");
        Assert.Equal("failed", runs.Json.GetProperty("corps")[0].GetProperty("lastSync").GetProperty("outcome").GetString());
    }
}
