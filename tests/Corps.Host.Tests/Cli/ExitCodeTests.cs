using Corps.Host.Tests.Support;

namespace Corps.Host.Tests.Cli;

public sealed class ExitCodeTests : IDisposable
{
    private readonly CliHarness _cli = new(TestPlugins.GoodCorp, TestPlugins.ThrowingCorp);

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("offline", "Acme", "not-a-number")]
    [InlineData("no-such-command")]
    [InlineData("signature", "get", "Acme")]
    [InlineData("sync", "--bogus-option")]
    public async Task Run_BadArguments_Exit2WithUsageHint(params string[] args)
    {
        var result = await _cli.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("corps --help", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Help_Exit0()
    {
        var result = await _cli.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("sync", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_ThrowingConstructor_Exit2NamesCorp()
    {
        _cli.Elements.Add("Throws", "test.Throwing");

        var result = await _cli.RunAsync("sync", "Throws", "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(2, result.Json.GetProperty("exitCode").GetInt32());
        Assert.Contains("ThrowingCorp refuses to be created", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_NoNameWithOneBrokenElement_SyncsOthersAndExit2()
    {
        _cli.AddGoodCorp("Acme", SnapshotFile.Company(2));
        _cli.Elements.AddRaw("Bad", "{", null);

        var result = await _cli.RunAsync("sync", "--json");

        Assert.Equal(2, result.ExitCode);
        var results = result.Json.GetProperty("results").EnumerateArray().ToDictionary(entry => entry.GetProperty("name").GetString()!);
        Assert.Equal(0, results["Acme"].GetProperty("exitCode").GetInt32());
        Assert.Equal("configuration", results["Bad"].GetProperty("error").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Run_AnyCommand_NeverPrintsSecrets()
    {
        _cli.AddGoodCorp("Acme", SnapshotFile.Company(2));
        _cli.Elements.AddRaw("Bad", """{ "title": "x", "type": "test.GoodCorp" }""", """{ "appId": 7, "appSecret": "${env:CORPS_TEST_SECRET}" }""");

        var outputs = new List<CliResult>
        {
            await _cli.RunAsync("list", "--verbose"),
            await _cli.RunAsync("list", "--json"),
            await _cli.RunAsync("sync", "--verbose"),
            await _cli.RunAsync("sync", "--json", "--dry-run"),
            await _cli.RunAsync("members", "Acme", "--json"),
        };

        Assert.All(outputs, output => Assert.DoesNotContain(CliHarness.Secret, output.Output + output.Error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Members_UnknownCorpWithJson_ErrorDocumentOnStdoutAndLineOnStderr()
    {
        _cli.AddGoodCorp("Acme", SnapshotFile.Company(1));

        var result = await _cli.RunAsync("members", "Nope", "--json");

        Assert.Equal(2, result.ExitCode);
        var error = result.Json.GetProperty("error");
        Assert.Equal("configuration", error.GetProperty("kind").GetString());
        Assert.Equal(2, error.GetProperty("exitCode").GetInt32());
        Assert.StartsWith("error: There is no element named 'Nope'", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
    }
}
