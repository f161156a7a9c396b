using System.Collections.Concurrent;
using Corps.Abstractions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Corps.Feishu.Tests.Fakes;

/// <summary>A real HTTP endpoint on loopback that hands every delivery to a corp's decoder, answering as the host would.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public ConcurrentQueue<WebhookResult> Decoded { get; } = new();

    public static async Task<WebhookReceiver> StartAsync(ICorpEventSource source)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/events", async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var result = source.Decode(new WebhookRequest(headers, buffer.ToArray()));
            receiver!.Decoded.Enqueue(result);
            return result switch
            {
                WebhookResult.Challenge c => Microsoft.AspNetCore.Http.Results.Text(c.ResponseJson, "application/json"),
                WebhookResult.Rejected r => Microsoft.AspNetCore.Http.Results.Text(r.Reason, statusCode: r.StatusCode),
                _ => Microsoft.AspNetCore.Http.Results.Text("""{"msg":"success"}""", "application/json"),
            };
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new WebhookReceiver(app, new Uri(new Uri(address), "/events"));
        return receiver;
    }

    public async Task<WebhookResult.Accepted> WaitForAsync(Func<WebhookResult.Accepted, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            if (Decoded.OfType<WebhookResult.Accepted>().FirstOrDefault(match) is { } found)
                return found;
            await Task.Delay(20, cts.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
