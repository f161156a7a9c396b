using Corps.Abstractions;
using Corps.Host.Events;
using Corps.Host.Scheduling;
using Microsoft.Extensions.Options;
using Quartz;

namespace Corps.Host.Serve;

/// <summary>Reads every corp's status from the store, and, inside a running service, from its scheduler and activity.</summary>
public sealed class CorpStatusReader
{
    private const int ParkedShown = 20;

    private readonly IServedCorps _corps;
    private readonly IEventInbox _inbox;
    private readonly ScheduleOptions _schedule;
    private readonly TimeProvider _time;
    private readonly CorpScheduler? _scheduler;
    private readonly CorpActivityTracker? _activity;
    private readonly IReadOnlyList<UnavailableCorp> _unavailable;

    /// <summary>Creates a reader; without <paramref name="scheduler"/> it computes next fire times from the crons.</summary>
    public CorpStatusReader(IServedCorps corps, IEventInbox inbox, IOptions<ScheduleOptions> schedule, TimeProvider time,
        CorpScheduler? scheduler = null, CorpActivityTracker? activity = null, IReadOnlyList<UnavailableCorp>? unavailable = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        _corps = corps;
        _inbox = inbox;
        _schedule = schedule.Value;
        _time = time;
        _scheduler = scheduler;
        _activity = activity;
        _unavailable = unavailable ?? [];
    }

    /// <summary>Reads the status of every corp.</summary>
    public async Task<ServeStatus> ReadAsync(CancellationToken cancellationToken)
    {
        var corps = new List<CorpStatus>(_corps.All.Count);
        foreach (var corp in _corps.All)
            corps.Add(await ReadAsync(corp, cancellationToken).ConfigureAwait(false));
        return new ServeStatus { GeneratedAt = _time.GetUtcNow(), Live = _scheduler is not null, Corps = corps, Unavailable = _unavailable };
    }

    private async Task<CorpStatus> ReadAsync(ICorp corp, CancellationToken cancellationToken)
    {
        var element = corp.CorpData;
        var cron = string.IsNullOrWhiteSpace(element.Schedule) ? _schedule.DefaultCron : element.Schedule.Trim();
        var (next, problem) = _scheduler is null
            ? NextFromCron(cron)
            : (await _scheduler.GetNextFireTimeAsync(corp.FullName, cancellationToken).ConfigureAwait(false), _scheduler.GetProblem(corp.FullName));
        var info = await corp.GetCorpInfoAsync(cancellationToken).ConfigureAwait(false);
        var activity = _activity?.Get(corp.FullName);
        var events = corp is ICorpEventSource;
        var parked = events
            ? await _inbox.GetParkedAsync(corp.FullName, ParkedShown, cancellationToken).ConfigureAwait(false)
            : [];
        return new CorpStatus
        {
            Name = element.Name,
            FullName = corp.FullName,
            Title = corp.Title,
            Type = element.Type,
            Schedule = cron,
            NextFireTime = next,
            ScheduleProblem = problem,
            EventsPath = events ? $"/corps/{Uri.EscapeDataString(element.Name)}/events" : null,
            RunningTrigger = activity?.RunningTrigger,
            LastSync = info.LastSync is null ? null : LastSyncStatus.From(info.LastSync),
            LastError = activity?.LastError,
            Inbox = events ? await _inbox.GetCountsAsync(corp.FullName, cancellationToken).ConfigureAwait(false) : new InboxCounts(0, 0, 0),
            Parked = parked.Select(p => new ParkedEvent(p.EventId, p.EventType, p.ReceivedAt, p.Attempts, p.LastError)).ToList(),
        };
    }

    private (DateTimeOffset? Next, string? Problem) NextFromCron(string cron)
    {
        try
        {
            return (new CronExpression(cron, _schedule.TimeZone).GetNextValidTimeAfter(_time.GetUtcNow()), null);
        }
        catch (FormatException ex)
        {
            return (null, $"'{cron}' is not a Quartz cron: {ex.Message}");
        }
    }
}
