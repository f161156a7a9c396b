using Corps.Emulator;
using Corps.Emulator.Options;
using Corps.Host.Cli;
using Corps.Host.Plugins;

namespace Corps.Reliability.Tests.Support;

/// <summary>
/// A real corps setup: the emulator on loopback with a generated org, one Feishu element (<c>Acme</c>) pointing at it
/// with distinctive secrets, the real plugin builds, and a store file in a temp folder. Runs the real CLI in-process or
/// the built <c>corps</c> executable as a child process.
/// </summary>
internal sealed class Rig : IAsyncDisposable
{
    private readonly TempFolder _temp = new();

    private Rig(RigOptions options, EmulatorServer emulator)
    {
        Options = options;
        Emulator = emulator;
        Admin = new EmulatorAdmin(emulator, Secrets.AppId, Secrets.AppSecret);
        ElementsDirectory = _temp.Combine("elements");
        StorePath = _temp.Combine("data", "corps.db");
    }

    public RigOptions Options { get; }

    public EmulatorServer Emulator { get; }

    public EmulatorAdmin Admin { get; }

    public string Root => _temp.Path;

    public string ElementsDirectory { get; }

    public string StorePath { get; }

    /// <summary>The event inbox's own file beside the store.</summary>
    public string InboxPath => new Corps.Host.Events.SqliteEventInbox(StorePath, TimeProvider.System).Path;

    public static string PluginsDirectory => PluginLoader.DefaultDirectory;

    public static async Task<Rig> StartAsync(RigOptions? options = null)
    {
        options ??= new RigOptions();
        var emulator = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            Generate = new OrgGenerationOptions { Users = options.Users, Departments = options.Departments ?? Scale.Departments(options.Users), Depth = 4, Seed = options.Seed },
            Apps = [new AppOptions { AppId = Secrets.AppId, AppSecret = Secrets.AppSecret, Scope = options.Scope }],
            EventTargets = options.EventsPort is { } port
                ? [new EventTargetOptions
                {
                    Url = new Uri($"http://127.0.0.1:{port}/corps/Acme/events"),
                    EncryptKey = Secrets.EncryptKey,
                    VerificationToken = Secrets.VerificationToken,
                }]
                : [],
            // By default re-deliveries after 15 ms, 300 ms, 3.6 s, 21.6 s instead of 15 s, 5 min, 1 h, 6 h.
            TimeFactor = options.TimeFactor,
        });
        var rig = new Rig(options, emulator);
        rig.WriteElement("Acme", emulator.BaseUrl, Secrets.AppId, Secrets.AppSecret);
        return rig;
    }

    /// <summary>(Re)writes an element's two files.</summary>
    public void WriteElement(string name, Uri baseUrl, string appId, string appSecret, string? extraAuth = null)
    {
        var folder = Path.Combine(ElementsDirectory, "corps", name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "e.json"),
            $$"""{ "title": "{{name}} Inc.", "type": "corps.FSInnerType", {{Options.ExtraDefinition}} }""");
        File.WriteAllText(Path.Combine(folder, name + ".json"), $$"""
            {
              "appId": "{{appId}}",
              "appSecret": "{{appSecret}}",
              "baseUrl": "{{baseUrl}}",
              "encryptKey": "{{Secrets.EncryptKey}}",
              "verificationToken": "{{Secrets.VerificationToken}}",
              {{extraAuth ?? Options.ExtraAuth}}
            }
            """);
    }

    /// <summary>Runs the CLI in-process (same code as the executable, without the process start-up).</summary>
    public async Task<CliRun> CliAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CorpsCli.RunAsync([.. Globals(), .. args], output, error, new CorpsCliOptions { Interactive = false });
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Starts the built executable with the rig's elements, store and plugins.</summary>
    public CorpsProcess Start(params string[] args) => CorpsProcess.Start(Root, [.. Globals(), .. args]);

    /// <summary>Runs the built executable to its end.</summary>
    public async Task<CliRun> RunAsync(params string[] args)
    {
        using var process = Start(args);
        return await process.WaitAsync(TimeSpan.FromMinutes(3));
    }

    public OrgState StoreState() => OrgState.FromStore(StorePath);

    /// <summary>What a complete sync must leave, given what the store held before it.</summary>
    public OrgState EmulatorState(OrgState? previous = null) => OrgState.FromEmulator(Emulator, previous);

    /// <summary>The store and its event inbox (the inbox's file holds only <c>event_inbox</c>).</summary>
    public StoreDump Dump() => StoreDump.Read(StorePath).With(StoreDump.Read(InboxPath));

    private string[] Globals() => ["--elements", ElementsDirectory, "--store", StorePath, "--plugins", PluginsDirectory];

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Emulator.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }
}
