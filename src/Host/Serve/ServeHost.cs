using Corps.Host.Events;
using Corps.Host.Scheduling;
using Corps.Host.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace Corps.Host.Serve;

/// <summary>Builds the <c>corps serve</c> Generic Host: Kestrel with the event and status endpoints, Quartz with one job
/// per corp, and the event processor.</summary>
public static class ServeHost
{
    /// <summary>Builds (does not start) the service.</summary>
    public static WebApplication Build(ServeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ServeHost).Assembly.GetName().Name,
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.WebHost.UseUrls(settings.Urls);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = settings.Webhooks.MaxBodyBytes + 1L);

        ServeLogging.Configure(builder.Logging);
        settings.ConfigureLogging?.Invoke(builder.Logging);
        if (settings.LoggerFactory is { } loggerFactory)
        {
            // The corps were created with this factory; the host logs through it too, so every line looks alike.
            builder.Services.Replace(ServiceDescriptor.Singleton(loggerFactory));
        }

        AddServeServices(builder.Services, settings);
        var app = builder.Build();
        app.UseMiddleware<ErrorShieldMiddleware>();
        app.MapCorpEventsApi();
        app.MapStatusApi();
        return app;
    }

    private static void AddServeServices(IServiceCollection services, ServeSettings settings)
    {
        services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.ShutdownTimeout);
        services.AddSingleton(settings.Time);
        services.AddSingleton(settings.Corps);
        services.AddSingleton(settings.Inbox);
        services.AddSingleton(settings.Applier);
        services.AddSingleton(Options.Create(settings.Schedule));
        services.AddSingleton(Options.Create(settings.Events));
        services.AddSingleton(Options.Create(settings.Webhooks));
        services.AddSingleton<CorpWorkGate>();
        services.AddSingleton<CorpActivityTracker>();
        services.AddSingleton<EventSignal>();
        services.AddSingleton<CorpSyncRunner>();
        services.AddSingleton<CorpScheduler>();
        services.AddSingleton(sp => new CorpStatusReader(
            sp.GetRequiredService<IServedCorps>(), sp.GetRequiredService<IEventInbox>(), sp.GetRequiredService<IOptions<ScheduleOptions>>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<CorpScheduler>(), sp.GetRequiredService<CorpActivityTracker>(),
            settings.Unavailable));

        services.AddQuartz(quartz =>
        {
            quartz.UseInMemoryStore();
            quartz.UseTimeProvider(settings.Time);
            // Corps run in parallel; one thread per corp is plenty, and a few spare keep start-up triggers from waiting.
            quartz.UseDefaultThreadPool(Math.Max(4, settings.Corps.All.Count + 1));
        });
        if (settings.RunSchedules)
        {
            // Registered before Quartz's hosted service, so the jobs are in place when the scheduler starts.
            services.AddHostedService<CorpScheduleStarter>();
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }

        if (settings.ProcessEvents)
            services.AddHostedService<EventProcessor>();
    }
}
