using Corps.Integration.Tests.Feishu.Support;

namespace Corps.Integration.Tests.Feishu;

/// <summary><c>corps demo</c> end to end on a small organisation.</summary>
public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_SmallOrgNoRateLimits_FullSyncAtTheMinimumCallsThenNothingWritten()
    {
        await using var harness = new CorpsHarness();
        var store = Path.Combine(harness.Root, "demo", "demo.db");

        var result = await harness.RunAsync("demo", "--users", "300", "--seed", "7", "--no-rate-limits", "--store", store, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var demo = result.Json;
        var upstream = demo.GetProperty("upstream");
        var pool = demo.GetProperty("pool");
        var full = demo.GetProperty("fullSync");
        var second = demo.GetProperty("secondSync");
        Assert.Equal(300, upstream.GetProperty("users").GetInt32());
        Assert.Equal(upstream.GetProperty("departments").GetInt32(), pool.GetProperty("departments").GetInt32());
        Assert.Equal(full.GetProperty("report").GetProperty("upstreamMembers").GetInt32(),
            pool.GetProperty("activeMembers").GetInt32() + pool.GetProperty("inactiveMembers").GetInt32());
        Assert.Equal(full.GetProperty("report").GetProperty("counts").GetProperty("membershipsAdded").GetInt32(), pool.GetProperty("memberships").GetInt32());
        Assert.Equal("applied", full.GetProperty("report").GetProperty("outcome").GetString());
        // With no faults and no throttling the sync makes exactly the fewest calls this organisation can be read with.
        Assert.Equal(demo.GetProperty("minimumApiCallsTotal").GetInt64(), full.GetProperty("calls").GetProperty("total").GetInt64());
        Assert.Equal("unchanged", second.GetProperty("report").GetProperty("outcome").GetString());
        Assert.Equal(0, second.GetProperty("report").GetProperty("rowsWritten").GetInt32());
        Assert.NotEmpty(demo.GetProperty("topDepartments").EnumerateArray());
        Assert.True(File.Exists(store));
    }

    [Fact]
    public async Task Demo_PlainOutputWithRateLimits_SummaryTreeAndAnUnchangedSecondSync()
    {
        await using var harness = new CorpsHarness();
        var store = Path.Combine(harness.Root, "demo.db");

        var result = await harness.RunAsync("demo", "--users", "200", "--store", store);
        var again = await harness.RunAsync("demo", "--users", "200", "--store", store);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("rate limits on", result.Output, StringComparison.Ordinal);
        Assert.Contains("memberships", result.Output, StringComparison.Ordinal);
        Assert.Contains("corps.Demo: applied (run 1)", result.Output, StringComparison.Ordinal);
        Assert.Contains("corps.Demo: unchanged (run 2): no changes, 0 rows written", result.Output, StringComparison.Ordinal);
        Assert.Contains(store, result.Output, StringComparison.Ordinal);
        // A second demo replaces the first demo's store and starts over.
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("corps.Demo: applied (run 1)", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_StoreHoldingOtherCorps_RefusedExit2()
    {
        await using var harness = new CorpsHarness();
        harness.AddElement("Acme", await harness.StartEmulatorAsync(new Corps.Emulator.Options.OrgGenerationOptions { Users = 20, Departments = 2 }));
        Assert.Equal(0, (await harness.RunAsync("sync")).ExitCode);
        var before = await harness.DumpAsync();

        var result = await harness.RunAsync("demo", "--users", "50");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("corps.Acme", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await harness.DumpAsync());
    }
}
