using Corps.Host.Tests.Support;

namespace Corps.Host.Tests.Cli;

public sealed class ListCommandTests : IDisposable
{
    private readonly CliHarness _cli = new(TestPlugins.GoodCorp, TestPlugins.OwnContractCorp, TestPlugins.ThrowingCorp, TestPlugins.DependencyCorp);

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task List_MixedElements_JsonShowsEachStatusAndExit2()
    {
        _cli.AddGoodCorp("Good", SnapshotFile.Company(1));
        _cli.Elements.Add("Contract", "test.OwnContract");
        _cli.Elements.Add("Throws", "test.Throwing");
        _cli.Elements.Add("Mystery", "test.Nobody");
        _cli.Elements.AddRaw("Broken", """{ "title": "B", "type": "test.GoodCorp" }""", """{ "appId": "cli_b" }""");
        Directory.CreateDirectory(Path.Combine(_cli.PluginsDirectory, "Empty"));

        var result = await _cli.RunAsync("list", "--json");

        Assert.True(result.ExitCode == 2, result.ToString());
        var corps = result.Json.GetProperty("corps").EnumerateArray().ToDictionary(corp => corp.GetProperty("name").GetString()!);
        Assert.Equal("ready", corps["Good"].GetProperty("status").GetString());
        Assert.Equal("corps.Good", corps["Good"].GetProperty("fullName").GetString());
        Assert.Equal("GoodCorp", corps["Good"].GetProperty("plugin").GetString());
        Assert.Equal("ready", corps["Contract"].GetProperty("status").GetString());
        Assert.Equal("createFailed", corps["Throws"].GetProperty("status").GetString());
        // A plugin failed, so the unknown type may be the failed plugin's: the entry says so.
        Assert.Equal("pluginFailed", corps["Mystery"].GetProperty("status").GetString());
        Assert.Contains("Empty.dll is missing", corps["Mystery"].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("elementInvalid", corps["Broken"].GetProperty("status").GetString());
        var problem = Assert.Single(corps["Broken"].GetProperty("problems").EnumerateArray());
        Assert.Equal("error", problem.GetProperty("severity").GetString());
        Assert.Equal("appSecret", problem.GetProperty("key").GetString());
        Assert.Equal("elements/corps/Broken/Broken.json", problem.GetProperty("file").GetString());
        var plugins = result.Json.GetProperty("plugins").EnumerateArray().ToDictionary(plugin => plugin.GetProperty("name").GetString()!);
        Assert.Equal("failed", plugins["Empty"].GetProperty("status").GetString());
        Assert.Equal("loaded", plugins["DependencyCorp"].GetProperty("status").GetString());
        Assert.Equal("test.GoodCorp", plugins["GoodCorp"].GetProperty("types")[0].GetString());
    }

    [Fact]
    public async Task List_AllReady_Exit0TableAndNoStoreCreated()
    {
        _cli.AddGoodCorp("Good", SnapshotFile.Company(1));

        var result = await _cli.RunAsync("list");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Good", result.Output, StringComparison.Ordinal);
        Assert.Contains("never", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.StorePath));
    }

    [Fact]
    public async Task List_AfterSync_ShowsLastSync()
    {
        _cli.AddGoodCorp("Good", SnapshotFile.Company(2));
        await _cli.RunAsync("sync", "Good");

        var result = await _cli.RunAsync("list", "--json");

        var lastSync = result.Json.GetProperty("corps")[0].GetProperty("lastSync");
        Assert.Equal("applied", lastSync.GetProperty("outcome").GetString());
        Assert.Equal("cli", lastSync.GetProperty("trigger").GetString());
    }

    [Fact]
    public async Task List_MissingElementsDirectory_Exit2WithFix()
    {
        var result = await _cli.RunAsync("--elements", Path.Combine(_cli.Root, "nope"), "list");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nope/corps: does not exist.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_PluginsWithOwnContractAndOwnDependency_Work()
    {
        _cli.Elements.Add("Contract", "test.OwnContract");
        _cli.Elements.Add("Dep", "test.Dependency");

        var result = await _cli.RunAsync("sync", "Contract", "Dep", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var members = (await _cli.RunAsync("members", "Dep", "--json")).Json.GetProperty("members");
        Assert.Equal("HOPPER, Grace", members[0].GetProperty("name").GetString());
    }
}
