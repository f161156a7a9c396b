using Corps.Abstractions;
using Microsoft.Extensions.Logging;

namespace Corps.Host.Sync;

/// <summary>The sync engine's log lines (event ids 3000–3099).</summary>
internal static partial class SyncLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Sync of {Corp} ({Trigger}) finished: {Outcome}, {Changes} changes, {Rows} rows in {ElapsedMs} ms")]
    public static partial void Finished(ILogger logger, string corp, string trigger, SyncOutcome outcome, int changes, int rows, long elapsedMs);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Sync of {Corp} held by the deletion guard: {Reason}")]
    public static partial void Held(ILogger logger, string corp, string? reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "Sync of {Corp} ({Trigger}) failed: {Error}")]
    public static partial void Failed(ILogger logger, string corp, string trigger, string error);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "Could not record the failed sync of {Corp}")]
    public static partial void RecordFailed(ILogger logger, string corp, Exception exception);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Sync of {Corp}: {Warning}")]
    public static partial void PlanWarning(ILogger logger, string corp, string warning);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Forced sync of {Corp} applies a plan the deletion guard would hold: {Reason}")]
    public static partial void Forced(ILogger logger, string corp, string? reason);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Debug, Message = "Sync of {Corp}: local state loaded in {LoadMs} ms, planned in {PlanMs} ms, written in {WriteMs} ms, change log in {ChangeLogMs} ms, committed in {CommitMs} ms")]
    public static partial void Phases(ILogger logger, string corp, long loadMs, long planMs, long writeMs, long changeLogMs, long commitMs);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Waiting for the running sync of {Corp} (pid {Pid} on {Host} since {Since})")]
    public static partial void LockWaiting(ILogger logger, string corp, long pid, string host, string since);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "Took over the abandoned sync lock of {Corp} (pid {Pid} on {Host}, last heartbeat {Heartbeat})")]
    public static partial void LockTakenOver(ILogger logger, string corp, long pid, string host, string heartbeat);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning, Message = "Could not refresh the sync lock of {Corp}")]
    public static partial void HeartbeatFailed(ILogger logger, string corp, Exception exception);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Debug, Message = "Event {EventId} ({EventType}) for {Corp}: {Status}, {Changes} changes")]
    public static partial void EventApplied(ILogger logger, string eventId, string eventType, string corp, Store.EventApplyStatus status, int changes);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Debug, Message = "Sync of {Corp}: local state {How}")]
    public static partial void Preload(ILogger logger, string corp, string how);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Debug, Message = "Sync of {Corp}: could not read the local state during the fetch; it is read after")]
    public static partial void PreloadFailed(ILogger logger, string corp, Exception exception);
}
