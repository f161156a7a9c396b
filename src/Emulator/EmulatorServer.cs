using Corps.Emulator.Api;
using Corps.Emulator.Apps;
using Corps.Emulator.Control;
using Corps.Emulator.Events;
using Corps.Emulator.OAuth;
using Corps.Emulator.Options;
using Corps.Emulator.Org;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Corps.Emulator;

/// <summary>
/// The Feishu/Lark Open Platform emulator, running in-process on Kestrel. API paths are under
/// <see cref="BaseUrl"/><c>/open-apis/…</c>; the control API is under <c>/_emulator/…</c>.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorContext _context;

    private EmulatorServer(WebApplication app, EmulatorContext context, Uri baseUrl)
    {
        _app = app;
        _context = context;
        BaseUrl = baseUrl;
    }

    /// <summary>Where the emulator listens, e.g. <c>http://127.0.0.1:54321</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The organisation (read it under <see cref="EmulatedOrg.EnterRead"/> while calls may be writing).</summary>
    public EmulatedOrg Org => _context.Org;

    /// <summary>The installed apps.</summary>
    public AppRegistry Apps => _context.Apps;

    /// <summary>Per-endpoint call counts.</summary>
    public CallStatistics Statistics => _context.Statistics;

    /// <summary>Emitted events and delivery attempts.</summary>
    public EventPublisher Events => _context.Events;

    /// <summary>The options the server started with.</summary>
    public EmulatorOptions Options => _context.Options;

    /// <summary>Changes rate limiting at run time.</summary>
    public RateLimitOptions RateLimit
    {
        get => _context.RateLimiter.Options;
        set => _context.RateLimiter.Options = value;
    }

    /// <summary>Changes injected faults at run time (the call numbering restarts).</summary>
    public FaultOptions Faults
    {
        get => _context.Faults.Options;
        set
        {
            _context.Faults.Options = value;
            _context.Faults.Reset();
        }
    }

    /// <summary>Changes an app's contact scope and emits <c>contact.scope.updated_v3</c> for it.</summary>
    public void ChangeScope(string appId, ContactScopeOptions scope) => ScopeEvents.ChangeScope(_context, _context.Apps[appId], scope);

    /// <summary>Revokes every token of one app (all apps when null); returns how many were live.</summary>
    public int RevokeTokens(string? appId = null) => _context.Tokens.Revoke(appId);

    /// <summary>Who the OAuth authorize endpoint logs in next when the request names nobody (open_id, user_id or email).</summary>
    public void SetNextLoginUser(string? user) => _context.OAuth.NextLoginUser = user;

    /// <summary>Loads or generates the organisation and starts listening.</summary>
    /// <exception cref="InvalidDataException">The organisation file is invalid (the message names it).</exception>
    public static async Task<EmulatorServer> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var org = options.OrgFile is not null ? OrgFile.Load(options.OrgFile) : new EmulatedOrg(OrgGenerator.Generate(options.Generate));
        var apps = options.Apps.Count > 0 ? options.Apps : [EmulatorOptions.DefaultApp];
        var targets = options.EventTargets.Select(t => new EventTarget(t, t.AppId ?? apps[0].AppId)).ToList();
        var publisher = new EventPublisher(targets, options.TimeProvider, options.TimeFactor, options.Faults.Seed,
            options.LoggerFactory?.CreateLogger<EventPublisher>());
        var context = new EmulatorContext(options, org, publisher);
        publisher.Apps = context.Apps;
        publisher.TenantKey = org.Tenant.TenantKey;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (options.LoggerFactory is not null) builder.Services.AddSingleton(options.LoggerFactory);
        builder.WebHost.UseKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(System.Net.IPAddress.Parse(options.Host), options.Port);
        });
        var app = builder.Build();
        var pipeline = new ApiPipeline(context);
        app.MapAuthApi(context, pipeline);
        app.MapContactReadApi(pipeline);
        app.MapContactWriteApi(pipeline);
        app.MapTenantApi(pipeline);
        app.MapOAuthApi(context, pipeline);
        app.MapControlApi(context);
        app.MapFallback(async http =>
        {
            http.Response.Headers["X-Tt-Logid"] = LogIds.Next(context.Time);
            http.Response.StatusCode = 404;
            http.Response.ContentType = ApiResponses.JsonContentType;
            await http.Response.WriteAsync("{\"code\":404,\"msg\":\"404 page not found\"}", http.RequestAborted).ConfigureAwait(false);
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        publisher.Start();
        return new EmulatorServer(app, context, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _context.Events.DisposeAsync().ConfigureAwait(false);
    }
}
