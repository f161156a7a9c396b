using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Corps.Emulator.Tests.Fakes;

/// <summary>An event subscription endpoint on 127.0.0.1 that records every push and fails the first N.</summary>
internal sealed class EventReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failuresLeft;

    private EventReceiver(WebApplication app, int failures)
    {
        _app = app;
        _failuresLeft = failures;
    }

    public ConcurrentQueue<ReceivedPush> Received { get; } = new();

    public Uri Url { get; private set; } = null!;

    public static async Task<EventReceiver> StartAsync(int failFirst = 0, Func<string, string>? answer = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new EventReceiver(app, failFirst);
        app.MapPost("/events", async http =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            receiver.Received.Enqueue(new ReceivedPush(
                body,
                http.Request.Headers["X-Lark-Request-Timestamp"].ToString(),
                http.Request.Headers["X-Lark-Request-Nonce"].ToString(),
                http.Request.Headers["X-Lark-Signature"].ToString()));
            if (Interlocked.Decrement(ref receiver._failuresLeft) >= 0)
            {
                http.Response.StatusCode = 500;
                return;
            }
            await http.Response.WriteAsync(answer?.Invoke(body) ?? "{\"msg\":\"success\"}");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address + "/events");
        return receiver;
    }

    public async Task<IReadOnlyList<ReceivedPush>> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Received.Count < count && DateTime.UtcNow < deadline) await Task.Delay(20);
        return [.. Received];
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
