using System.Diagnostics;
using System.Text.Json;
using Corps.Host.Tests.Support;

namespace Corps.Host.Tests.Cli;

/// <summary>The built <c>corps</c> executable as a real process: arguments, streams and exit codes end to end.</summary>
public sealed class ExecutableTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task<CliResult> RunProcessAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _cli.Root,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "corps.dll"));
        foreach (var arg in (string[])["--elements", _cli.Elements.Directory, "--store", _cli.StorePath, "--plugins", _cli.PluginsDirectory, .. args])
            start.ArgumentList.Add(arg);
        start.Environment["CORPS_TEST_SECRET"] = CliHarness.Secret;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task Executable_SyncThenList_Exit0AndJsonOnStdout()
    {
        _cli.AddGoodCorp("Acme", SnapshotFile.Company(3));

        var sync = await RunProcessAsync("sync", "--json");
        var list = await RunProcessAsync("list", "--json");

        Assert.True(sync.ExitCode == 0, sync.ToString());
        Assert.Equal("applied", sync.Json.GetProperty("results")[0].GetProperty("report").GetProperty("outcome").GetString());
        Assert.Contains("Syncing corps.Acme", sync.Error, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Object, list.Json.GetProperty("corps")[0].GetProperty("lastSync").ValueKind);
        Assert.DoesNotContain(CliHarness.Secret, sync.Output + sync.Error + list.Output + list.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Executable_HeldSyncAndBadArguments_ExitCodes4And2()
    {
        var snapshot = _cli.AddGoodCorp("Acme", SnapshotFile.Company(6), "\"guard\": { \"maxOfflines\": 1 }");
        Assert.Equal(0, (await RunProcessAsync("sync")).ExitCode);
        SnapshotFile.Write(snapshot, SnapshotFile.Company(2));

        var held = await RunProcessAsync("sync", "Acme");
        var bad = await RunProcessAsync("offline", "Acme");

        Assert.True(held.ExitCode == 4, held.ToString());
        Assert.True(bad.ExitCode == 2, bad.ToString());
        Assert.Empty(bad.Output);
    }
}
