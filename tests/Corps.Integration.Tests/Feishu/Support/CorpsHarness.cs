using System.Text.Json.Nodes;
using Corps.Abstractions;
using Corps.Emulator;
using Corps.Emulator.Options;
using Corps.Host.Cli;
using Corps.Host.Plugins;
using Corps.Host.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corps.Integration.Tests.Feishu.Support;

/// <summary>
/// A real corps setup in a temp folder: element folders pointing the real Feishu/Lark plugins (loaded by the real loader
/// from the test output's plugins folder) at emulators on loopback, a real SQLite store, and the real CLI run in-process.
/// Secrets reach the elements only as <c>${env:…}</c>.
/// </summary>
internal sealed class CorpsHarness : IAsyncDisposable
{
    private readonly List<EmulatorServer> _emulators = [];
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);

    public CorpsHarness()
    {
        Root = Path.Combine(Path.GetTempPath(), "corps-feishu-it", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(ElementsDirectory, "corps"));
    }

    public string Root { get; }

    public string ElementsDirectory => Path.Combine(Root, "elements");

    public string StorePath => Path.Combine(Root, "data", "corps.db");

    /// <summary>Every secret handed to an element (no CLI output may contain one).</summary>
    public IEnumerable<string> Secrets => _environment.Values;

    public async Task<EmulatorServer> StartEmulatorAsync(OrgGenerationOptions org, IReadOnlyList<AppOptions>? apps = null,
        FaultOptions? faults = null, RateLimitOptions? rateLimit = null)
    {
        var emulator = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            Generate = org,
            Apps = apps ?? [EmulatorOptions.DefaultApp],
            Faults = faults ?? FaultOptions.None,
            RateLimit = rateLimit ?? RateLimitOptions.Off,
        });
        _emulators.Add(emulator);
        return emulator;
    }

    /// <summary>Sets an environment variable the elements may reference as <c>${env:NAME}</c>.</summary>
    public void SetEnvironment(string name, string value) => _environment[name] = value;

    /// <summary>Writes <c>corps/&lt;name&gt;/</c>; the client's pacing is off unless <paramref name="settings"/> says otherwise.</summary>
    public void AddElement(string name, EmulatorServer emulator, string type = "corps.FSInnerType", AppOptions? app = null, string? secret = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        app ??= EmulatorOptions.DefaultApp;
        var variable = name.ToUpperInvariant() + "_APP_SECRET";
        _environment[variable] = secret ?? app.AppSecret;
        var folder = Path.Combine(ElementsDirectory, "corps", name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "e.json"), new JsonObject { ["title"] = name + " Org", ["type"] = type }.ToJsonString());
        var auth = new JsonObject
        {
            ["appId"] = app.AppId,
            ["appSecret"] = "${env:" + variable + "}",
            ["baseUrl"] = emulator.BaseUrl.ToString(),
            ["rateLimit"] = "off",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            auth[key] = value;
        File.WriteAllText(Path.Combine(folder, name + ".json"), auth.ToJsonString());
    }

    /// <summary>Runs <c>corps</c> in-process over this setup's elements, store and the test output's plugins.</summary>
    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var options = new CorpsCliOptions
        {
            Environment = _environment.GetValueOrDefault,
            Interactive = false,
            DefaultPluginsDirectory = PluginLoader.DefaultDirectory,
        };
        string[] all = [.. args.Contains("--elements") ? [] : new[] { "--elements", ElementsDirectory },
            .. args.Contains("--store") ? [] : new[] { "--store", StorePath }, .. args];
        var code = await CorpsCli.RunAsync(all, output, error, options);
        var result = new CliResult(code, output.ToString(), error.ToString());
        foreach (var secret in Secrets)
            Assert.DoesNotContain(secret, result.Output + result.Error, StringComparison.Ordinal);
        return result;
    }

    /// <summary>The corp's local data, read through the store.</summary>
    public async Task<LocalCorpData> LocalAsync(string name)
    {
        var database = await CorpDatabase.OpenAsync(StorePath, TimeProvider.System, NullLoggerFactory.Instance, CancellationToken.None);
        await using (database)
        {
            var element = new CorpElement
            {
                Name = name,
                Title = name + " Org",
                Type = "corps.FSInnerType",
                Directory = Path.Combine(ElementsDirectory, "corps", name),
                Auth = new CorpAuthConfig { AppId = "unused", AppSecret = new Secret("unused") },
            };
            return await database.ForCorp(element).GetLocalCorpDataAsync(CancellationToken.None);
        }
    }

    /// <summary>Every row of every table (but <paramref name="except"/>), in a stable order, as text.</summary>
    public async Task<string> DumpAsync(params string[] except)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = StorePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }

        var dump = new System.Text.StringBuilder();
        foreach (var table in tables.Except(except, StringComparer.Ordinal))
        {
            dump.Append("## ").AppendLine(table);
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                var row = new System.Text.StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                    row.Append(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                rows.Add(row.ToString());
            }

            // Some tables have no rowid: sort the rows themselves.
            foreach (var row in rows.Order(StringComparer.Ordinal))
                dump.AppendLine(row);
        }

        return dump.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var emulator in _emulators)
            await emulator.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A pooled connection still closing; the OS cleans the temp folder eventually.
        }
    }
}
