using Corps.Host.Events;
using Corps.Host.Serve;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Corps.Host.Tests.Fakes;

/// <summary>A started <c>corps serve</c> host on a free loopback port, with an HTTP client pointed at it.</summary>
internal sealed class RunningServe : IAsyncDisposable
{
    private RunningServe(WebApplication app, Uri baseAddress)
    {
        App = app;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public static async Task<RunningServe> StartAsync(ServeSettings settings)
    {
        var app = ServeHost.Build(settings with
        {
            Urls = "http://127.0.0.1:0",
            ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Warning),
        });
        await app.StartAsync();
        return new RunningServe(app, new Uri(app.Urls.First()));
    }

    public static ServeSettings Settings(IEnumerable<Abstractions.ICorp> corps, IEventInbox inbox, ICorpEventApplier applier) => new()
    {
        Corps = new ServedCorps(corps),
        Inbox = inbox,
        Applier = applier,
        Events = new EventProcessingOptions
        {
            RetryDelay = TimeSpan.FromMilliseconds(20),
            MaxRetryDelay = TimeSpan.FromMilliseconds(100),
            PollInterval = TimeSpan.FromMilliseconds(200),
        },
    };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
