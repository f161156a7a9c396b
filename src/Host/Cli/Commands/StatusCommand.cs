using System.CommandLine;
using System.Globalization;
using System.Net.Http.Json;
using Corps.Abstractions;
using Corps.Host.Cli.Output;
using Corps.Host.Events;
using Corps.Host.Scheduling;
using Corps.Host.Serve;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Corps.Host.Cli.Commands;

/// <summary><c>corps status [--url URL]</c>: each corp's last and next sync, event inbox depth and parked events.</summary>
public sealed class StatusCommand : ICliCommand
{
    private readonly Option<string?> _url = new("--url")
    {
        Description = "Ask the running service at this address (e.g. http://127.0.0.1:8080) instead of reading the store.",
    };

    /// <inheritdoc/>
    public Command Create(CliGlobals globals)
    {
        var command = new Command("status", "Show each corp's last sync, next scheduled sync, event inbox depth and parked events.")
        {
            _url,
        };
        CliAction.Set(command, globals, RunAsync);
        return command;
    }

    private async Task<int> RunAsync(CliContext context, ParseResult parseResult, CancellationToken cancellationToken)
    {
        var url = parseResult.GetValue(_url);
        var status = url is null
            ? await ReadStoreAsync(context, cancellationToken).ConfigureAwait(false)
            : await QueryAsync(url, cancellationToken).ConfigureAwait(false);

        if (context.Json)
            context.WriteJson(status);
        else
            Render(context.Console, status);
        return ExitCodes.Ok;
    }

    private static async Task<ServeStatus> ReadStoreAsync(CliContext context, CancellationToken cancellationToken)
    {
        await using var session = await context.OpenSessionAsync(openStore: false, cancellationToken).ConfigureAwait(false);
        if (session.Catalog.Discovery.Problems.Count > 0)
            throw new CorpException(CorpErrorKind.Configuration, session.Catalog.Discovery.Problems[0].ToString());
        var corps = new ServedCorps(session.Catalog.Entries.Where(e => e.Corp is not null).Select(e => e.Corp!));
        IEventInbox inbox = session.Database is { } database ? new SqliteEventInbox(database.Path, context.Time) : new EmptyEventInbox();
        var reader = new CorpStatusReader(corps, inbox, Options.Create(new ScheduleOptions()), context.Time,
            unavailable: ServeRuntime.Unavailable(session.Catalog));
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<ServeStatus> QueryAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url.TrimEnd('/') + "/status", UriKind.Absolute, out var statusUri) || statusUri.Scheme is not ("http" or "https"))
            throw new CorpException(CorpErrorKind.Configuration, $"--url '{url}' is not an http(s) URL.", "Pass the service's address, e.g. --url http://127.0.0.1:8080.");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            return await http.GetFromJsonAsync<ServeStatus>(statusUri, StatusEndpoints.Json, cancellationToken).ConfigureAwait(false)
                ?? throw new CorpException(CorpErrorKind.Unexpected, $"{statusUri} answered an empty status.");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            throw new CorpException(CorpErrorKind.Configuration, $"No corps service answered at {statusUri} ({ex.Message}).",
                "Check that 'corps serve' runs there, or drop --url to read the store.", ex);
        }
    }

    private static void Render(IAnsiConsole console, ServeStatus status)
    {
        foreach (var corp in status.Unavailable)
            console.WriteLine($"not served: {corp.FullName} ({corp.Status}): {corp.Reason}");
        if (status.Corps.Count == 0)
        {
            if (status.Unavailable.Count == 0)
                console.WriteLine("No corps. Add elements under elements/corps/ ('corps list' shows what is there).");
            return;
        }

        var table = Cells.Table("Name", "Schedule", "Next sync", "Last sync", "Inbox", "Parked", "Events path");
        foreach (var corp in status.Corps)
        {
            table.AddRow(Cells.Of(corp.Name, corp.Schedule, Time(corp.NextFireTime) + (corp.RunningTrigger is { } t ? $" (running: {t})" : ""),
                LastSync(corp.LastSync), corp.Inbox.Pending.ToString(CultureInfo.InvariantCulture),
                corp.Inbox.Parked.ToString(CultureInfo.InvariantCulture), corp.EventsPath ?? "-"));
        }

        console.Write(table);
        foreach (var corp in status.Corps)
        {
            if (corp.ScheduleProblem is { } problem)
                console.WriteLine($"error: {corp.FullName}: {problem}");
            if (corp.LastSync?.Error is { } error)
                console.WriteLine($"{corp.FullName}: last sync {corp.LastSync.Outcome}: {error}");
            foreach (var parked in corp.Parked)
                console.WriteLine($"parked: {corp.FullName} event {parked.EventId} ({parked.EventType}) after {parked.Attempts} attempts: {parked.LastError}");
        }

        if (!status.Live)
            console.WriteLine("Read from the store; pass --url to ask a running 'corps serve'.");
    }

    private static string Time(DateTimeOffset? value) =>
        value is { } time ? time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "Z" : "-";

    private static string LastSync(LastSyncStatus? run) =>
        run is null ? "never" : $"{run.Outcome} {Time(run.FinishedAt)} ({RunSummary.Changes(run.Counts)})";
}
