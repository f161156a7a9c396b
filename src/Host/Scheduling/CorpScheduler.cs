using Corps.Abstractions;
using Corps.Host.Serve;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Corps.Host.Scheduling;

/// <summary>Puts one <see cref="CorpSyncJob"/> per corp into Quartz and answers next fire times.</summary>
/// <remarks>
/// <para>Keys: job and trigger <c>(fullName, "corps")</c>, never the corp type, so two elements of one type never collide.</para>
/// <para>Misfires: <see cref="CronTriggerMisfireInstruction.DoNothing"/>. A firing is missed when the previous run of
/// the same corp is still going (the job disallows concurrency) or the scheduler was paused; the run that overran has
/// just brought the pool up to date, so a catch-up run right after it would fetch the same snapshot again. The next
/// regular firing follows.</para>
/// </remarks>
public sealed partial class CorpScheduler
{
    /// <summary>The Quartz group of the corps' jobs and cron triggers.</summary>
    public const string Group = "corps";

    /// <summary>The Quartz group of the one-shot start-up triggers.</summary>
    public const string StartupGroup = "corps-startup";

    private readonly ISchedulerFactory _factory;
    private readonly IServedCorps _corps;
    private readonly ScheduleOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<CorpScheduler> _logger;
    private readonly Dictionary<string, string> _problems = new(StringComparer.Ordinal);

    /// <summary>Creates the scheduler facade.</summary>
    public CorpScheduler(ISchedulerFactory factory, IServedCorps corps, IOptions<ScheduleOptions> options, TimeProvider time,
        ILogger<CorpScheduler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _factory = factory;
        _corps = corps;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>The cron a corp runs on: its element's <c>schedule</c>, or the default.</summary>
    public string CronFor(CorpElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return string.IsNullOrWhiteSpace(element.Schedule) ? _options.DefaultCron : element.Schedule.Trim();
    }

    /// <summary>Schedules every corp; a corp with a bad cron is logged, reported by <see cref="GetProblem"/> and skipped.</summary>
    public async Task ScheduleAllAsync(CancellationToken cancellationToken)
    {
        var scheduler = await _factory.GetScheduler(cancellationToken).ConfigureAwait(false);
        foreach (var corp in _corps.All)
        {
            var cron = CronFor(corp.CorpData);
            CronExpression expression;
            try
            {
                expression = new CronExpression(cron, _options.TimeZone);
            }
            catch (FormatException ex)
            {
                lock (_problems)
                    _problems[corp.FullName] = $"'schedule' in {Path.Combine(corp.CorpData.Directory, "e.json")} is not a Quartz cron ({ex.Message}); the corp is not scheduled. Fix it, e.g. \"0 0 * * * ?\" for hourly.";
                LogBadCron(corp.FullName, cron, ex.Message);
                continue;
            }

            var job = JobBuilder.Create<CorpSyncJob>()
                .WithIdentity(corp.FullName, Group)
                .WithDescription($"Full sync of {corp.FullName}")
                .UsingJobData(CorpSyncJob.CorpKey, corp.FullName)
                .StoreDurably()
                .Build();
            var trigger = TriggerBuilder.Create(_time)
                .WithIdentity(corp.FullName, Group)
                .ForJob(job)
                .WithSchedule(CronScheduleBuilder.Create(expression).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
                .Build();
            await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken).ConfigureAwait(false);
            LogScheduled(corp.FullName, cron, trigger.NextFireTimeUtc);

            if (corp.CorpData.SyncOnStart)
            {
                var startup = TriggerBuilder.Create(_time)
                    .WithIdentity(corp.FullName, StartupGroup)
                    .ForJob(job)
                    .UsingJobData(CorpSyncJob.TriggerNameKey, "start")
                    .StartNow()
                    .Build();
                await scheduler.ScheduleJob(startup, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The corp's next scheduled firing, or null when it is not scheduled.</summary>
    public async Task<DateTimeOffset?> GetNextFireTimeAsync(string corpFullName, CancellationToken cancellationToken)
    {
        var scheduler = await _factory.GetScheduler(cancellationToken).ConfigureAwait(false);
        var trigger = await scheduler.GetTrigger(new TriggerKey(corpFullName, Group), cancellationToken).ConfigureAwait(false);
        return trigger?.NextFireTimeUtc;
    }

    /// <summary>Why the corp is not scheduled, or null.</summary>
    public string? GetProblem(string corpFullName)
    {
        lock (_problems)
            return _problems.GetValueOrDefault(corpFullName);
    }

    [LoggerMessage(EventId = 5120, Level = LogLevel.Information, Message = "Scheduled {Corp} on '{Cron}', next at {NextFireTime}")]
    private partial void LogScheduled(string corp, string cron, DateTimeOffset? nextFireTime);

    [LoggerMessage(EventId = 5121, Level = LogLevel.Error, Message = "Corp {Corp} not scheduled: '{Cron}' is not a Quartz cron ({Problem})")]
    private partial void LogBadCron(string corp, string cron, string problem);
}
