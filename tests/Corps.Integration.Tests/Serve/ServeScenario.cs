using System.Text.Json.Nodes;
using Corps.Abstractions;
using Corps.Emulator;
using Corps.Emulator.Options;
using Corps.Host.Events;
using Corps.Host.Plugins;
using Corps.Host.Serve;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Corps.Integration.Tests.Serve;

/// <summary>
/// The emulator pushing real encrypted, signed events to a real <c>corps serve</c> host (in-process), with the real
/// Feishu plugin loaded by the real loader from elements on disk and a real store file.
/// </summary>
internal sealed class ServeScenario : IAsyncDisposable
{
    public const string EncryptKey = "serve-it-encrypt-key";
    public const string Token = "serve-it-verification-token";

    /// <summary>Deliveries encrypted and signed with this scenario's keys.</summary>
    public static SignedDelivery Delivery { get; } = new(EncryptKey, Token, Corps.Emulator.Options.EmulatorOptions.DefaultApp.AppId);

    private readonly ScenarioOptions _options;
    private readonly ILoggerFactory _loggers = ServeLogging.CreateFactory(LogLevel.Warning);

    private ServeScenario(ScenarioOptions options, string root, int port, EmulatorServer emulator)
    {
        _options = options;
        Root = root;
        Port = port;
        Emulator = emulator;
        Admin = new EmulatorAdmin(emulator);
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public string Root { get; }

    public int Port { get; }

    public EmulatorServer Emulator { get; }

    public EmulatorAdmin Admin { get; }

    /// <summary>A client for the service.</summary>
    public HttpClient Client { get; }

    public ServeRuntime Runtime { get; private set; } = null!;

    public WebApplication? App { get; private set; }

    public string StorePath => Path.Combine(Root, "data", "corps.db");

    public static async Task<ServeScenario> StartAsync(ScenarioOptions? options = null)
    {
        options ??= new ScenarioOptions();
        var root = Path.Combine(Path.GetTempPath(), "corps-serve-it", Guid.NewGuid().ToString("N"));
        var port = FreePort.Next();
        var emulator = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            Generate = new OrgGenerationOptions { Users = options.Users, Departments = 4, Depth = 2, Seed = 7 },
            Apps = [EmulatorOptions.DefaultApp with { Scope = options.Scope }],
            EventTargets = [.. options.Corps.Select(name => new EventTargetOptions
            {
                Url = new Uri($"http://127.0.0.1:{port}/corps/{name}/events"),
                EncryptKey = EncryptKey,
                VerificationToken = Token,
                OutOfOrder = options.OutOfOrder,
                DuplicateRate = options.DuplicateRate,
            })],
            // Re-deliveries after 15 ms, 300 ms, 3.6 s… instead of 15 s, 5 min, 1 h.
            TimeFactor = 0.001,
        });
        var scenario = new ServeScenario(options, root, port, emulator);
        foreach (var name in options.Corps)
            scenario.WriteElement(name);
        await scenario.StartServeAsync(options.ProcessEvents);
        return scenario;
    }

    /// <summary>Starts a service over the scenario's elements and store (again, after <see cref="StopServeAsync"/>).</summary>
    public async Task StartServeAsync(bool processEvents = true)
    {
        Runtime = await ServeRuntime.OpenAsync(new ServeRuntimeOptions
        {
            ElementsDirectory = Path.Combine(Root, "elements"),
            PluginsDirectory = PluginLoader.DefaultDirectory,
            StorePath = StorePath,
            LoggerFactory = _loggers,
        }, CancellationToken.None);
        Assert.Equal(_options.Corps.Count, Runtime.Corps.All.Count);
        App = ServeHost.Build(Runtime.CreateSettings($"http://127.0.0.1:{Port}") with
        {
            ProcessEvents = processEvents,
            Events = new EventProcessingOptions
            {
                PollInterval = TimeSpan.FromMilliseconds(250),
                RetryDelay = TimeSpan.FromMilliseconds(50),
                MaxRetryDelay = TimeSpan.FromMilliseconds(200),
            },
        });
        await App.StartAsync();
    }

    /// <summary>Stops the service the way a stop (or a crash after the acknowledgement) leaves it: store and inbox on disk.</summary>
    public async Task StopServeAsync()
    {
        if (App is null)
            return;
        await App.StopAsync();
        await App.DisposeAsync();
        App = null;
        await Runtime.DisposeAsync();
    }

    public ICorp Corp(string name = "Acme") => Runtime.Corps.Find(name) ?? throw new InvalidOperationException($"No corp {name}.");

    public async Task<SyncReport> SyncAsync(string name = "Acme") =>
        await Corp(name).SyncCorpAsync(new SyncOptions { Trigger = "test" }, CancellationToken.None);

    public async Task<LocalMember?> MemberAsync(string openId, string name = "Acme")
    {
        var data = await Corp(name).GetLocalCorpDataAsync(CancellationToken.None);
        return data.Members.FirstOrDefault(m => m.ExternalId == openId);
    }

    /// <summary>The upstream ids of the departments the member is in, from the store.</summary>
    public async Task<IReadOnlyList<string>> DepartmentsOfAsync(string openId, string name = "Acme")
    {
        var data = await Corp(name).GetLocalCorpDataAsync(CancellationToken.None);
        var member = data.Members.First(m => m.ExternalId == openId);
        var byId = data.Departments.ToDictionary(d => d.Id, d => d.ExternalId);
        return member.Memberships.Select(m => byId[m.DepartmentId]).ToList();
    }

    public InboxCounts Inbox(string name = "Acme") =>
        new SqliteEventInbox(StorePath, TimeProvider.System).GetCountsAsync("corps." + name, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Deliveries the service acknowledged with 200, per event id.</summary>
    public bool Acknowledged(string eventId) => Emulator.Events.Deliveries.Any(d => d.EventId == eventId && d.Status == 200);

    /// <summary>The newest event the emulator emitted of <paramref name="eventType"/>.</summary>
    public Corps.Emulator.Events.EmittedEvent LastEmitted(string eventType) => Emulator.Events.Emitted.Last(e => e.EventType == eventType);

    public async ValueTask DisposeAsync()
    {
        await StopServeAsync();
        Client.Dispose();
        Admin.Dispose();
        await Emulator.DisposeAsync();
        _loggers.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A pooled connection still closing; the OS cleans the temp folder eventually.
        }
    }

    private void WriteElement(string name)
    {
        var folder = Path.Combine(Root, "elements", "corps", name);
        Directory.CreateDirectory(folder);
        var element = new JsonObject { ["title"] = name + " Inc.", ["type"] = "corps.FSInnerType" };
        if (_options.Schedule is { } schedule)
            element["schedule"] = schedule;
        File.WriteAllText(Path.Combine(folder, "e.json"), element.ToJsonString());
        File.WriteAllText(Path.Combine(folder, name + ".json"), new JsonObject
        {
            ["appId"] = Corps.Emulator.Options.EmulatorOptions.DefaultApp.AppId,
            ["appSecret"] = EmulatorOptions.DefaultApp.AppSecret,
            ["baseUrl"] = Emulator.BaseUrl.ToString(),
            ["encryptKey"] = EncryptKey,
            ["verificationToken"] = Token,
        }.ToJsonString());
    }
}
