using Corps.Host.Tests.Support;

namespace Corps.Host.Tests.Cli;

/// <summary><c>corps check</c> with types that cannot check and names that are not there (the Feishu checks are in the
/// integration tests).</summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Check_TypeWithoutConnectionCheck_Exit2SayingWhy()
    {
        _cli.AddGoodCorp("Acme", SnapshotFile.Company(3));

        var result = await _cli.RunAsync("check", "Acme", "--json");

        Assert.True(result.ExitCode == 2, result.ToString());
        var error = result.Json.GetProperty("error");
        Assert.Equal("configuration", error.GetProperty("kind").GetString());
        Assert.Contains("ICorpConnectionCheck", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.StorePath), "check never creates the store");
    }

    [Fact]
    public async Task Check_UnknownName_Exit2()
    {
        _cli.AddGoodCorp("Acme", SnapshotFile.Company(1));

        var result = await _cli.RunAsync("check", "Nope");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("no element named 'Nope'", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }
}
