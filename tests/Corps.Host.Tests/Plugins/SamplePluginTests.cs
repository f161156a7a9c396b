using System.Diagnostics;
using Corps.Host.Cli;
using Corps.Host.Tests.Support;

namespace Corps.Host.Tests.Plugins;

/// <summary>
/// The plugin-author path of docs/plugin-authors.md, end to end: build samples/CsvCorp out of tree with
/// <c>dotnet build</c>, drop the output folder into a plugins directory, and sync its example element.
/// </summary>
public sealed class SamplePluginTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task CsvCorpSample_BuiltOutOfTree_LoadsAndSyncs()
    {
        var repository = RepositoryRoot();
        var artifacts = _temp.Combine("artifacts");
        var build = await RunAsync("dotnet", "build", Path.Combine(repository, "samples", "CsvCorp", "CsvCorp.csproj"),
            "--artifacts-path", artifacts, "-nodeReuse:false", "--nologo", "-v", "q");
        Assert.True(build.ExitCode == 0, build.ToString());

        var plugins = _temp.Combine("plugins");
        TestPlugins.CopyFolder(Path.Combine(artifacts, "bin", "CsvCorp", "debug"), Path.Combine(plugins, "CsvCorp"));
        Assert.False(File.Exists(Path.Combine(plugins, "CsvCorp", "Corps.Abstractions.dll")), "the contract must come from the host");
        var elements = _temp.Combine("elements");
        TestPlugins.CopyFolder(Path.Combine(repository, "samples", "CsvCorp", "example", "elements"), elements);

        var sync = await CliAsync(elements, plugins, "sync", "--json");
        var members = await CliAsync(elements, plugins, "members", "Staff", "--json");
        var tree = await CliAsync(elements, plugins, "tree", "Staff");

        Assert.True(sync.ExitCode == 0, sync.ToString());
        Assert.Equal("applied", sync.Json.GetProperty("results")[0].GetProperty("report").GetProperty("outcome").GetString());
        Assert.Contains(members.Json.GetProperty("members").EnumerateArray(), member => member.GetProperty("name").GetString() == "Hamilton, Margaret");
        Assert.Contains("Flight Software", tree.Output, StringComparison.Ordinal);
    }

    private async Task<CliResult> CliAsync(string elements, string plugins, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var options = new CorpsCliOptions
        {
            Environment = name => name == "STAFF_APP_SECRET" ? "unused-by-csv" : null,
            Interactive = false,
        };
        var code = await CorpsCli.RunAsync(["--elements", elements, "--plugins", plugins, "--store", _temp.Combine("corps.db"), .. args], output, error, options);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    private static async Task<CliResult> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Framework.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException("Framework.sln not found above the test assembly.");
    }
}
