using Corps.Abstractions;
using Corps.Host.Serve;
using Microsoft.Extensions.Logging;

namespace Corps.Host.Scheduling;

/// <summary>
/// The one path every full sync of a running service takes (Quartz, start-up, scope-change events): it holds the
/// corp's <see cref="CorpWorkGate"/>, opens a logging scope with the corp and a run id, and records the activity.
/// </summary>
public sealed partial class CorpSyncRunner
{
    private readonly CorpWorkGate _gate;
    private readonly CorpActivityTracker _activity;
    private readonly TimeProvider _time;
    private readonly ILogger<CorpSyncRunner> _logger;

    /// <summary>Creates the runner.</summary>
    public CorpSyncRunner(CorpWorkGate gate, CorpActivityTracker activity, TimeProvider time, ILogger<CorpSyncRunner> logger)
    {
        _gate = gate;
        _activity = activity;
        _time = time;
        _logger = logger;
    }

    /// <summary>Runs a full sync of <paramref name="corp"/> once no other work on it is running.</summary>
    /// <remarks>
    /// Failures travel to the caller after they are logged; the sync engine has recorded the failed run already.
    /// Cancellation abandons the run (the engine writes nothing but its run record).
    /// </remarks>
    public async Task<SyncReport> SyncAsync(ICorp corp, string trigger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corp);
        var runId = $"{trigger}-{Guid.NewGuid():N}"[..(trigger.Length + 9)];
        using var scope = _logger.BeginScope(LogScope.For(corp.FullName, runId));
        using var held = await _gate.EnterAsync(corp.FullName, cancellationToken).ConfigureAwait(false);

        var startedAt = _time.GetUtcNow();
        _activity.Update(corp.FullName, a => a with { RunningTrigger = trigger, RunningSince = startedAt });
        LogSyncStarting(corp.FullName, trigger);
        try
        {
            var report = await corp.SyncCorpAsync(new SyncOptions { Trigger = trigger }, cancellationToken).ConfigureAwait(false);
            var complete = report.Outcome is SyncOutcome.Applied or SyncOutcome.Unchanged;
            _activity.Update(corp.FullName, a => a with
            {
                RunningTrigger = null,
                RunningSince = null,
                LastCompleteSyncStartedAt = complete ? startedAt : a.LastCompleteSyncStartedAt,
                LastError = complete ? null : report.Error ?? a.LastError,
            });
            LogSyncFinished(corp.FullName, report.Outcome, report.RunId, report.Counts.Total, (_time.GetUtcNow() - startedAt).TotalMilliseconds);
            return report;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _activity.Update(corp.FullName, a => a with { RunningTrigger = null, RunningSince = null });
            LogSyncAbandoned(corp.FullName);
            throw;
        }
        catch (Exception ex)
        {
            // A CorpException's message says what happened and what to do, and never carries a secret.
            var error = ex is CorpException ? ex.Message : $"Unexpected {ex.GetType().Name}; see the service log.";
            _activity.Update(corp.FullName, a => a with { RunningTrigger = null, RunningSince = null, LastError = error });
            LogSyncFailed(ex, corp.FullName);
            throw;
        }
    }

    [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "Sync of {Corp} starting (trigger {Trigger})")]
    private partial void LogSyncStarting(string corp, string trigger);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information,
        Message = "Sync of {Corp} finished: {Outcome}, store run {StoreRunId}, {Changes} changes in {ElapsedMs:F0} ms")]
    private partial void LogSyncFinished(string corp, SyncOutcome outcome, long storeRunId, int changes, double elapsedMs);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Sync of {Corp} abandoned: the service is stopping")]
    private partial void LogSyncAbandoned(string corp);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Error, Message = "Sync of {Corp} failed")]
    private partial void LogSyncFailed(Exception exception, string corp);
}
