using Corps.Host.Cli;

namespace Corps.Host.Tests.Support;

/// <summary>
/// A real corps setup in a temp folder (elements, the compiled test plugins, a fresh SQLite file) driven through the
/// real CLI, in-process.
/// </summary>
public sealed class CliHarness : IDisposable
{
    public const string Secret = "s3cr3t-never-printed";

    private readonly TempDirectory _temp = new();

    public CliHarness(params string[] plugins)
    {
        Elements = new ElementWriter(_temp.Combine("elements"));
        PluginsDirectory = TestPlugins.Install(_temp.Combine("plugins"), plugins.Length > 0 ? plugins : [TestPlugins.GoodCorp]);
        StorePath = _temp.Combine("data", "corps.db");
        Environment["CORPS_TEST_SECRET"] = Secret;
    }

    public ElementWriter Elements { get; }

    public string PluginsDirectory { get; }

    public string StorePath { get; }

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public string Root => _temp.Path;

    /// <summary>Adds a GoodCorp element whose upstream is <c>snapshot.json</c> in its folder; returns that file's path.</summary>
    public string AddGoodCorp(string name, Corps.Abstractions.CorpSnapshot snapshot, string? extraDefinition = null)
    {
        var folder = Elements.AddRaw(name,
            $$"""{ "title": "{{name}} Org", "type": "test.GoodCorp"{{(extraDefinition is null ? string.Empty : ", " + extraDefinition)}} }""",
            """{ "appId": "cli_test", "appSecret": "${env:CORPS_TEST_SECRET}", "encryptKey": "${env:CORPS_TEST_SECRET}", "snapshotFile": "snapshot.json" }""");
        var path = Path.Combine(folder, "snapshot.json");
        SnapshotFile.Write(path, snapshot);
        return path;
    }

    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var options = new CorpsCliOptions
        {
            Environment = Environment.GetValueOrDefault,
            Interactive = false,
            DefaultPluginsDirectory = PluginsDirectory,
        };
        var all = new List<string>(args);
        if (!args.Contains("--elements"))
            all.InsertRange(0, ["--elements", Elements.Directory]);
        if (!args.Contains("--store"))
            all.InsertRange(0, ["--store", StorePath]);
        var code = await CorpsCli.RunAsync([.. all], output, error, options);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public void Dispose() => _temp.Dispose();
}
