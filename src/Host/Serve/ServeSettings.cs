using Corps.Host.Events;
using Corps.Host.Scheduling;
using Corps.Host.Webhooks;
using Microsoft.Extensions.Logging;

namespace Corps.Host.Serve;

/// <summary>What <see cref="ServeHost"/> needs to build a running service.</summary>
public sealed record ServeSettings
{
    /// <summary>The listening URLs (Kestrel syntax, <c>;</c>-separated). Default <see cref="DefaultUrls"/>.</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>The default listening URL: loopback only, so exposing the host is a deliberate act (a reverse proxy).</summary>
    public const string DefaultUrls = "http://127.0.0.1:8080";

    /// <summary>The corps to keep in step.</summary>
    public required IServedCorps Corps { get; init; }

    /// <summary>Elements that are not served, shown by <c>/status</c>.</summary>
    public IReadOnlyList<UnavailableCorp> Unavailable { get; init; } = [];

    /// <summary>The durable event inbox.</summary>
    public required IEventInbox Inbox { get; init; }

    /// <summary>Applies member and department events to the pool.</summary>
    public required ICorpEventApplier Applier { get; init; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Scheduling defaults.</summary>
    public ScheduleOptions Schedule { get; init; } = new();

    /// <summary>Event retry and polling.</summary>
    public EventProcessingOptions Events { get; init; } = new();

    /// <summary>Endpoint limits.</summary>
    public WebhookOptions Webhooks { get; init; } = new();

    /// <summary>Whether stored events are applied; off only to test recovery (events then wait in the inbox).</summary>
    public bool ProcessEvents { get; init; } = true;

    /// <summary>Whether Quartz runs the schedules; off only to test the other parts in isolation.</summary>
    public bool RunSchedules { get; init; } = true;

    /// <summary>How long a stop waits for the run in progress before abandoning it. Default 30 s.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The logger factory to log through (the one the corps were created with); null for the host's own.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Adjusts logging (the default is the console with scopes, which carry the corp and run id).</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }
}
