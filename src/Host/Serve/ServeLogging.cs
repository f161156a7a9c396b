using Microsoft.Extensions.Logging;

namespace Corps.Host.Serve;

/// <summary>The service's logging: one console line per entry, UTC timestamps, with scopes (corp and run id).</summary>
public static class ServeLogging
{
    /// <summary>Configures <paramref name="logging"/> for the service.</summary>
    public static ILoggingBuilder Configure(ILoggingBuilder logging, LogLevel minimum = LogLevel.Information)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.ClearProviders();
        logging.SetMinimumLevel(minimum);
        logging.AddSimpleConsole(console =>
        {
            console.IncludeScopes = true;
            console.SingleLine = true;
            console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            console.UseUtcTimestamp = true;
        });
        // Request-level chatter from the framework and Quartz's own bookkeeping drown the corps' lines.
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        logging.AddFilter("Quartz", LogLevel.Warning);
        return logging;
    }

    /// <summary>A logger factory configured like the service's (for the corps it creates before the host exists).</summary>
    public static ILoggerFactory CreateFactory(LogLevel minimum = LogLevel.Information) =>
        LoggerFactory.Create(builder => Configure(builder, minimum));
}
