using System.CommandLine;
using Corps.Abstractions;
using Corps.Host.Serve;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Corps.Host.Cli.Commands;

/// <summary><c>corps serve [--urls URL]</c>: keep every corp in step — Quartz schedules and the contact-event endpoint.</summary>
public sealed partial class ServeCommand : ICliCommand
{
    private readonly Option<string> _urls = new("--urls")
    {
        Description = "Where to listen (Kestrel URLs, ';'-separated). Loopback by default: expose it through a reverse proxy.",
        DefaultValueFactory = _ => ServeSettings.DefaultUrls,
    };

    /// <inheritdoc/>
    public Command Create(CliGlobals globals)
    {
        var command = new Command("serve", "Run the service: scheduled syncs per corp, and each corp's event endpoint POST /corps/{name}/events.")
        {
            _urls,
        };
        CliAction.Set(command, globals, RunAsync);
        return command;
    }

    private async Task<int> RunAsync(CliContext context, ParseResult parseResult, CancellationToken cancellationToken)
    {
        var urls = parseResult.GetValue(_urls) ?? ServeSettings.DefaultUrls;
        using var loggerFactory = ServeLogging.CreateFactory(context.Verbose ? LogLevel.Debug : LogLevel.Information);
        var logger = loggerFactory.CreateLogger<ServeCommand>();
        await using var runtime = await ServeRuntime.OpenAsync(new ServeRuntimeOptions
        {
            ElementsDirectory = context.ElementsDirectory,
            PluginsDirectory = context.PluginsDirectory,
            StorePath = context.StorePath,
            Environment = context.Environment,
            Time = context.Time,
            LoggerFactory = loggerFactory,
        }, cancellationToken).ConfigureAwait(false);

        if (runtime.Catalog.Discovery.Problems.Count > 0)
            throw new CorpException(CorpErrorKind.Configuration, runtime.Catalog.Discovery.Problems[0].ToString());
        foreach (var entry in runtime.Catalog.Entries.Where(entry => entry.Corp is null))
            LogNotServed(logger, entry.FullName, entry.Message);
        if (runtime.Corps.All.Count == 0)
        {
            throw new CorpException(CorpErrorKind.Configuration, $"No corp in {context.ElementsDirectory} is ready to serve.",
                "Run 'corps list' to see what stops them.");
        }

        await using var service = await runtime.Database.HoldServiceAsync(cancellationToken).ConfigureAwait(false);
        var app = ServeHost.Build(runtime.CreateSettings(urls));
        await using (app.ConfigureAwait(false))
        {
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or FormatException or ArgumentException or InvalidOperationException)
            {
                // Kestrel reports a URL it cannot parse (a port over 65535, no scheme) with argument and format
                // exceptions, and one it cannot bind with an IOException: both are the operator's --urls.
                throw new CorpException(CorpErrorKind.Configuration, $"Cannot listen on {urls}: {ex.Message}",
                    "Pick a free address with --urls, e.g. --urls http://127.0.0.1:8081.", ex);
            }

            LogListening(logger, string.Join(", ", app.Urls), runtime.Corps.All.Count);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }

    [LoggerMessage(EventId = 5500, Level = LogLevel.Warning, Message = "{Corp} is not served: {Reason}")]
    private static partial void LogNotServed(ILogger logger, string corp, string reason);

    [LoggerMessage(EventId = 5501, Level = LogLevel.Information, Message = "Serving {Count} corps on {Urls}; events at /corps/{{name}}/events, status at /status")]
    private static partial void LogListening(ILogger logger, string urls, int count);
}
