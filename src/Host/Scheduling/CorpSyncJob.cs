using Corps.Host.Serve;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Corps.Host.Scheduling;

/// <summary>
/// The host's one Quartz job type: a full sync of the corp named in the job data. Plugins never see Quartz; the job
/// dispatches to the corp through <see cref="CorpSyncRunner"/>.
/// </summary>
/// <remarks>
/// One job exists per corp, keyed by its full name, so <see cref="DisallowConcurrentExecutionAttribute"/> means "no two
/// runs of one corp at once" while different corps run side by side.
/// </remarks>
[DisallowConcurrentExecution]
public sealed partial class CorpSyncJob : IJob
{
    /// <summary>The job-data key holding the corp's full name.</summary>
    public const string CorpKey = "corp";

    /// <summary>The trigger-data key holding the run's trigger name (<c>schedule</c> when absent).</summary>
    public const string TriggerNameKey = "trigger";

    private readonly IServedCorps _corps;
    private readonly CorpSyncRunner _runner;
    private readonly ILogger<CorpSyncJob> _logger;

    /// <summary>Creates the job (Quartz does, through the container, for every firing).</summary>
    public CorpSyncJob(IServedCorps corps, CorpSyncRunner runner, ILogger<CorpSyncJob> logger)
    {
        _corps = corps;
        _runner = runner;
        _logger = logger;
    }

    /// <inheritdoc/>
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fullName = context.MergedJobDataMap.GetString(CorpKey) ?? string.Empty;
        var trigger = context.MergedJobDataMap.GetString(TriggerNameKey) ?? "schedule";
        var corp = _corps.Find(fullName);
        if (corp is null)
        {
            LogUnknownCorp(fullName);
            return;
        }

        try
        {
            await _runner.SyncAsync(corp, trigger, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the runner logged the abandoned run; nothing to retry, the next start syncs again.
        }
#pragma warning disable CA1031 // The job is the process edge for scheduled work: the runner logged it; the next firing retries.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    [LoggerMessage(EventId = 5110, Level = LogLevel.Warning, Message = "Scheduled sync names unknown corp {Corp}; skipped")]
    private partial void LogUnknownCorp(string corp);
}
