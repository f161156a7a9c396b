using System.Text.Json;
using Corps.Abstractions;
using Corps.Host.Tests.Support;
using static Corps.Host.Tests.Support.SnapshotFile;

namespace Corps.Host.Tests.Cli;

public sealed class SyncCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private static JsonElement Report(CliResult result) => result.Json.GetProperty("results")[0].GetProperty("report");

    private static int Count(JsonElement report, string name) => report.GetProperty("counts").GetProperty(name).GetInt32();

    private async Task<JsonElement> MembersAsync(string name)
    {
        var result = await _cli.RunAsync("members", name, "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Json.GetProperty("members");
    }

    [Fact]
    public async Task Sync_FreshStore_CreatesDepartmentsAndMembers()
    {
        _cli.AddGoodCorp("Acme", Company(4));

        var result = await _cli.RunAsync("sync", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(_cli.StorePath));
        var report = Report(result);
        Assert.Equal("applied", report.GetProperty("outcome").GetString());
        Assert.Equal(3, Count(report, "departmentsCreated")); // the root (the tenant) is not counted
        Assert.Equal(4, Count(report, "membersCreated"));
        Assert.Equal(4, (await MembersAsync("Acme")).GetArrayLength());
    }

    [Fact]
    public async Task Sync_SameSnapshotTwice_SecondWritesNothing()
    {
        _cli.AddGoodCorp("Acme", Company(4));
        Assert.Equal(0, (await _cli.RunAsync("sync", "Acme")).ExitCode);

        var second = await _cli.RunAsync("sync", "Acme", "--json");

        Assert.True(second.ExitCode == 0, second.ToString());
        var report = Report(second);
        Assert.Equal("unchanged", report.GetProperty("outcome").GetString());
        Assert.Equal(0, report.GetProperty("rowsWritten").GetInt32());
        Assert.Equal(0, report.GetProperty("counts").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Sync_DepartmentMovedAndParentsSwapped_MovesKeepIds()
    {
        var snapshotPath = _cli.AddGoodCorp("Acme", new CorpSnapshot
        {
            RootName = "Acme",
            Departments = [Department("a", "A"), Department("b", "B", "a"), Department("c", "C")],
            Members = [Member("u1", "Ada", "b")],
        });
        await _cli.RunAsync("sync", "Acme");
        var before = (await _cli.RunAsync("tree", "Acme", "--json")).Json;

        // b was under a; now a is under b (a swap of parent and child), and c moves under a.
        Write(snapshotPath, new CorpSnapshot
        {
            RootName = "Acme",
            Departments = [Department("b", "B"), Department("a", "A", "b"), Department("c", "C", "a")],
            Members = [Member("u1", "Ada", "b")],
        });
        var result = await _cli.RunAsync("sync", "Acme", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(3, Count(Report(result), "departmentsMoved"));
        Assert.Equal(0, Count(Report(result), "departmentsCreated"));
        var after = (await _cli.RunAsync("tree", "Acme", "--json")).Json.GetProperty("root");
        var b = Assert.Single(after.GetProperty("children").EnumerateArray());
        Assert.Equal("b", b.GetProperty("externalId").GetString());
        Assert.Equal(Id(before.GetProperty("root"), "b"), b.GetProperty("id").GetInt64());
        var a = Assert.Single(b.GetProperty("children").EnumerateArray());
        Assert.Equal("c", Assert.Single(a.GetProperty("children").EnumerateArray()).GetProperty("externalId").GetString());
    }

    [Fact]
    public async Task Sync_MemberGoneThenBack_OfflinedThenRestored()
    {
        var snapshotPath = _cli.AddGoodCorp("Acme", Company(3));
        await _cli.RunAsync("sync", "Acme");

        Write(snapshotPath, Company(2));
        var gone = await _cli.RunAsync("sync", "Acme", "--json");
        Assert.True(gone.ExitCode == 0, gone.ToString());
        Assert.Equal(1, Count(Report(gone), "membersOfflined"));
        Assert.Equal("Resigned", Status(await MembersAsync("Acme"), "u3"));

        Write(snapshotPath, Company(3));
        var back = await _cli.RunAsync("sync", "Acme", "--json");
        Assert.Equal(1, Count(Report(back), "membersRestored"));
        Assert.Equal("Active", Status(await MembersAsync("Acme"), "u3"));
    }

    [Fact]
    public async Task Sync_GuardHolds_Exit4ThenForceApplies()
    {
        var snapshotPath = _cli.AddGoodCorp("Acme", Company(10), "\"guard\": { \"maxOfflines\": 2 }");
        await _cli.RunAsync("sync", "Acme");
        Write(snapshotPath, Company(5));

        var held = await _cli.RunAsync("sync", "Acme");

        Assert.True(held.ExitCode == 4, held.ToString());
        Assert.Contains("held", held.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("corps sync Acme --force", held.Output, StringComparison.Ordinal);
        Assert.Equal(10, (await MembersAsync("Acme")).EnumerateArray().Count(member => member.GetProperty("status").GetString() == "active"));

        var forced = await _cli.RunAsync("sync", "Acme", "--force", "--json");

        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Equal(5, Count(Report(forced), "membersOfflined"));
        Assert.True(Report(forced).GetProperty("guard").GetProperty("forced").GetBoolean());
    }

    [Fact]
    public async Task Sync_DryRun_PrintsPlanAndWritesNothing()
    {
        var snapshotPath = _cli.AddGoodCorp("Acme", Company(2));
        await _cli.RunAsync("sync", "Acme");
        Write(snapshotPath, Company(4));

        var dry = await _cli.RunAsync("sync", "Acme", "--dry-run");

        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.Contains("dry run", dry.Output, StringComparison.Ordinal);
        Assert.Contains("create member u4", dry.Output, StringComparison.Ordinal);
        Assert.Equal(2, (await MembersAsync("Acme")).GetArrayLength());
        var list = await _cli.RunAsync("list", "--json");
        Assert.Equal("applied", list.Json.GetProperty("corps")[0].GetProperty("lastSync").GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Sync_UpstreamFails_Exit3WithUpstreamCodeAndOthersStillRun()
    {
        var failing = _cli.AddGoodCorp("Broken", Company(1));
        WriteUpstreamError(failing, 99991663, "app access token invalid");
        _cli.AddGoodCorp("Fine", Company(2));

        var result = await _cli.RunAsync("sync");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("code 99991663", result.Error, StringComparison.Ordinal);
        Assert.Contains("log id test-log-id", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, (await MembersAsync("Fine")).GetArrayLength());
    }

    [Fact]
    public async Task Sync_TwoElementsOfOneType_EachHasItsOwnPool()
    {
        _cli.AddGoodCorp("One", Company(2, "One Inc"));
        _cli.AddGoodCorp("Two", Company(5, "Two Inc"));

        var result = await _cli.RunAsync("sync", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, result.Json.GetProperty("results").GetArrayLength());
        Assert.Equal(2, (await MembersAsync("One")).GetArrayLength());
        Assert.Equal(5, (await MembersAsync("Two")).GetArrayLength());
    }

    [Fact]
    public async Task Sync_UnknownName_Exit2()
    {
        _cli.AddGoodCorp("Acme", Company(1));

        var result = await _cli.RunAsync("sync", "Nobody");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no element named 'Nobody'", result.Error, StringComparison.Ordinal);
    }

    private static string? Status(JsonElement members, string externalId) =>
        members.EnumerateArray().Single(member => member.GetProperty("externalId").GetString() == externalId).GetProperty("status").GetString() switch
        {
            "active" => "Active",
            "resigned" => "Resigned",
            var other => other,
        };

    private static long Id(JsonElement node, string externalId)
    {
        if (node.GetProperty("externalId").GetString() == externalId)
            return node.GetProperty("id").GetInt64();
        return node.GetProperty("children").EnumerateArray().Select(child => Id(child, externalId)).FirstOrDefault(id => id != 0);
    }
}
