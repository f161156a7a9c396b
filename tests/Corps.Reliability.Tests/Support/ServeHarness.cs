using Corps.Abstractions;
using Corps.Host.Events;
using Corps.Host.Serve;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Corps.Reliability.Tests.Support;

/// <summary>A real <c>corps serve</c> host in-process over a <see cref="Rig"/>'s elements and store, logging everything
/// at Trace level into <see cref="Logs"/>.</summary>
internal sealed class ServeHarness : IAsyncDisposable
{
    private readonly ILoggerFactory _loggers;

    private ServeHarness(Rig rig, int port, ServeRuntime runtime, WebApplication app, ILoggerFactory loggers, CapturingLoggerProvider logs)
    {
        Rig = rig;
        Port = port;
        Runtime = runtime;
        App = app;
        _loggers = loggers;
        Logs = logs;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public Rig Rig { get; }

    public int Port { get; }

    public ServeRuntime Runtime { get; }

    public WebApplication App { get; }

    public CapturingLoggerProvider Logs { get; }

    public HttpClient Client { get; }

    public const string EventsPath = "/corps/Acme/events";

    public static async Task<ServeHarness> StartAsync(Rig rig, int? port = null, bool processEvents = true)
    {
        var logs = new CapturingLoggerProvider();
        var loggers = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var runtime = await ServeRuntime.OpenAsync(new ServeRuntimeOptions
        {
            ElementsDirectory = rig.ElementsDirectory,
            PluginsDirectory = Rig.PluginsDirectory,
            StorePath = rig.StorePath,
            LoggerFactory = loggers,
        }, CancellationToken.None);
        var listen = port ?? FreePort.Next();
        var app = ServeHost.Build(runtime.CreateSettings($"http://127.0.0.1:{listen}") with
        {
            ProcessEvents = processEvents,
            RunSchedules = false,
            ConfigureLogging = builder => builder.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(logs),
            Events = new EventProcessingOptions
            {
                PollInterval = TimeSpan.FromMilliseconds(200),
                RetryDelay = TimeSpan.FromMilliseconds(20),
                MaxRetryDelay = TimeSpan.FromMilliseconds(100),
            },
        });
        await app.StartAsync();
        return new ServeHarness(rig, listen, runtime, app, loggers, logs);
    }

    public ICorp Corp => Runtime.Corps.Find("Acme") ?? throw new InvalidOperationException("Acme is not served");

    public InboxCounts Inbox() =>
        new SqliteEventInbox(Rig.StorePath, TimeProvider.System).GetCountsAsync("corps.Acme", CancellationToken.None).GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Runtime.DisposeAsync();
        _loggers.Dispose();
    }
}
