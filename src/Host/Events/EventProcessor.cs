using System.Runtime.ExceptionServices;
using Corps.Abstractions;
using Corps.Host.Scheduling;
using Corps.Host.Serve;
using Corps.Host.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Corps.Host.Events;

/// <summary>
/// Applies stored events: one loop per corp that receives events, each applying its inbox in arrival order, in batches
/// of one store transaction each; corps run in parallel. Pending rows left by a previous process are picked up at start.
/// </summary>
/// <remarks>
/// <para>The store records each inbox event it applies in its own transaction; the processor marks the event's inbox row
/// applied after that commit (the inbox is another file). An event whose row is still pending after a crash between the
/// two is handed to the store again, which writes nothing for it (<see cref="EventApplyStatus.AlreadyApplied"/>), and
/// is then marked.</para>
/// <para>Member and department events go through <see cref="ICorpEventApplier"/> under the corp's
/// <see cref="CorpWorkGate"/>; scope and refresh events run a full sync through <see cref="CorpSyncRunner"/>, the same
/// path as Quartz, so events and syncs of one corp never interleave.</para>
/// <para>A batch stops at an event that fails or needs a full sync; that event then goes alone. A failing event is
/// retried in place with doubling waits (later events of the corp wait behind it, so order
/// holds), then parked after <see cref="EventProcessingOptions.MaxAttempts"/> and the queue moves on. Stopping the
/// service abandons the event in hand; it stays pending and is applied on the next start.</para>
/// </remarks>
public sealed partial class EventProcessor : BackgroundService
{
    // Rows read from the inbox at a time, and events handed to the store in one transaction at most (the store also
    // commits early once a batch has held the file for a few milliseconds, so acknowledgements never wait long).
    private const int ReadSize = 500;
    private const int MaxBatch = 250;

    private readonly IServedCorps _corps;
    private readonly IEventInbox _inbox;
    private readonly ICorpEventApplier _applier;
    private readonly CorpSyncRunner _runner;
    private readonly CorpWorkGate _gate;
    private readonly CorpActivityTracker _activity;
    private readonly EventSignal _signal;
    private readonly EventProcessingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<EventProcessor> _logger;

    /// <summary>Creates the processor.</summary>
    public EventProcessor(IServedCorps corps, IEventInbox inbox, ICorpEventApplier applier, CorpSyncRunner runner, CorpWorkGate gate,
        CorpActivityTracker activity, EventSignal signal, IOptions<EventProcessingOptions> options, TimeProvider time,
        ILogger<EventProcessor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _corps = corps;
        _inbox = inbox;
        _applier = applier;
        _runner = runner;
        _gate = gate;
        _activity = activity;
        _signal = signal;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc/>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_corps.All.Where(c => c is ICorpEventSource).Select(c => RunCorpAsync(c, stoppingToken)));

    private async Task RunCorpAsync(ICorp corp, CancellationToken stoppingToken)
    {
        // Let the host finish starting before the first store read.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DrainAsync(corp, stoppingToken).ConfigureAwait(false);
                await _signal.WaitAsync(corp.FullName, _options.PollInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop must outlive a store hiccup (file locked, disk full): log, wait, read again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogLoopFailed(ex, corp.FullName);
                await DelayAsync(_options.PollInterval, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task DrainAsync(ICorp corp, CancellationToken stoppingToken)
    {
        while (true)
        {
            var pending = await _inbox.GetPendingAsync(corp.FullName, ReadSize, stoppingToken).ConfigureAwait(false);
            if (pending.Count == 0)
                return;
            var decoded = new DecodedEntries(pending);
            var index = 0;
            while (index < pending.Count)
            {
                var (applied, stopped) = await ApplyRunAsync(corp, decoded, index, stoppingToken).ConfigureAwait(false);
                index += applied;
                if (index < pending.Count && (stopped || applied == 0))
                {
                    // The event the run stopped at goes alone, with its retries: failed before, failing now, or a full sync.
                    await ProcessAsync(corp, pending[index], stoppingToken).ConfigureAwait(false);
                    index++;
                }
            }
        }
    }

    /// <summary>
    /// Applies the events from <paramref name="start"/> on as one store batch, as far as they are plain member and
    /// department events that never failed. Returns how many were applied (and marked), and whether the batch stopped at
    /// an event that must go alone through <see cref="ProcessAsync"/> (it failed, or needs a full sync).
    /// </summary>
    private async Task<(int Applied, bool Stopped)> ApplyRunAsync(ICorp corp, DecodedEntries pending, int start, CancellationToken stoppingToken)
    {
        var run = new List<StoredEvent>();
        for (var i = start; i < pending.Count && run.Count < MaxBatch; i++)
        {
            if (pending.Entries[i].Attempts > 0 || pending.Event(i) is not { } corpEvent || NeedsFullSync(corpEvent))
                break;
            run.Add(new StoredEvent(pending.Entries[i].Id, corpEvent));
        }

        if (run.Count == 0)
            return (0, true);
        var started = _time.GetTimestamp();
        EventBatchResult batch;
        try
        {
            using (await _gate.EnterAsync(corp.FullName, stoppingToken).ConfigureAwait(false))
                batch = await _applier.ApplyAsync(corp.CorpData, run, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The batch's transaction failed and wrote nothing: the first event retries alone, on its schedule.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogBatchFailed(ex, corp.FullName, run.Count);
            return (0, true);
        }

        // The store committed (and recorded these events as applied); now their rows here. A crash or failure in between
        // leaves them pending, and the next read hands them to the store again, which only answers AlreadyApplied.
        if (batch.Applied.Count > 0)
            await _inbox.MarkAppliedAsync([.. run.Take(batch.Applied.Count).Select(e => e.InboxId!.Value)], stoppingToken).ConfigureAwait(false);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            for (var i = 0; i < batch.Applied.Count; i++)
                LogEventApplied(corp.FullName, run[i].Event.EventId, run[i].Event.EventType, Describe(batch.Applied[i]));
        }
        if (batch.Applied.Count > 0)
            LogBatchApplied(corp.FullName, batch.Applied.Count, _time.GetElapsedTime(started).TotalMilliseconds, Tally(batch.Applied));
        return (batch.Applied.Count, batch.Failure is not null || batch.NeedsFullSync is not null);
    }

    private async Task ProcessAsync(ICorp corp, InboxEntry entry, CancellationToken stoppingToken)
    {
        using var scope = _logger.BeginScope(LogScope.For(corp.FullName, $"event-{entry.EventId}"));
        var failures = entry.Attempts;
        while (true)
        {
            try
            {
                var result = await ApplyAsync(corp, entry, stoppingToken).ConfigureAwait(false);
                LogEventApplied(corp.FullName, entry.EventId, entry.EventType, result);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // Any failure of one event is recorded on its row; it must not stop the corp's queue.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures++;
                var park = failures >= _options.MaxAttempts;
                var error = Describe(ex);
                await _inbox.RecordFailureAsync(entry.Id, error, park, stoppingToken).ConfigureAwait(false);
                if (park)
                {
                    LogEventParked(ex, corp.FullName, entry.EventId, entry.EventType, failures);
                    return;
                }

                var delay = _options.DelayAfter(failures);
                LogEventRetrying(ex, corp.FullName, entry.EventId, failures, delay.TotalMilliseconds);
                await DelayAsync(delay, stoppingToken).ConfigureAwait(false);
                stoppingToken.ThrowIfCancellationRequested();
            }
        }
    }

    private async Task<string> ApplyAsync(ICorp corp, InboxEntry entry, CancellationToken cancellationToken)
    {
        var corpEvent = CorpEventJson.Deserialize(entry.Payload);
        if (NeedsFullSync(corpEvent))
            return await FullSyncAndMarkAsync(corp, entry, cancellationToken).ConfigureAwait(false);

        EventBatchResult batch;
        using (await _gate.EnterAsync(corp.FullName, cancellationToken).ConfigureAwait(false))
            batch = await _applier.ApplyAsync(corp.CorpData, [new StoredEvent(entry.Id, corpEvent)], cancellationToken).ConfigureAwait(false);

        if (batch.Failure is { } failure)
            ExceptionDispatchInfo.Throw(failure);
        if (batch.Applied.Count == 1)
        {
            await _inbox.MarkAppliedAsync([entry.Id], cancellationToken).ConfigureAwait(false);
            return Describe(batch.Applied[0]);
        }

        return await FullSyncAndMarkAsync(corp, entry, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> FullSyncAndMarkAsync(ICorp corp, InboxEntry entry, CancellationToken cancellationToken)
    {
        var result = await FullSyncAsync(corp, entry, cancellationToken).ConfigureAwait(false);
        await _inbox.MarkAppliedAsync([entry.Id], cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Pending entries with their payloads decoded once each (a batch that stops early reads the rest again).</summary>
    private sealed class DecodedEntries(IReadOnlyList<InboxEntry> entries)
    {
        private readonly CorpEvent?[] _events = new CorpEvent?[entries.Count];
        private readonly bool[] _decoded = new bool[entries.Count];

        public IReadOnlyList<InboxEntry> Entries => entries;

        public int Count => entries.Count;

        /// <summary>The decoded event, or null when the payload does not decode (the event then fails alone, and is parked).</summary>
        public CorpEvent? Event(int index)
        {
            if (!_decoded[index])
            {
                _events[index] = TryDecode(entries[index]);
                _decoded[index] = true;
            }

            return _events[index];
        }

        private static CorpEvent? TryDecode(InboxEntry entry)
        {
            try
            {
                return CorpEventJson.Deserialize(entry.Payload);
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
    }

    private static bool NeedsFullSync(CorpEvent corpEvent) => corpEvent.Kind is CorpEventKind.ScopeChanged or CorpEventKind.RefreshRequested;

    private static string Describe(EventApplyResult result) => result.Warnings.Count == 0
        ? $"{result.Status}, {result.Changes.Count} changes"
        : $"{result.Status}, {result.Changes.Count} changes ({string.Join("; ", result.Warnings)})";

    private static string Tally(IReadOnlyList<EventApplyResult> results) =>
        string.Join(", ", results.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));

    private async Task<string> FullSyncAsync(ICorp corp, InboxEntry entry, CancellationToken cancellationToken)
    {
        // A full sync that started after this event was received already saw its effect: several scope changes in a
        // row (or one just after a scheduled run) cost one sync, not one each.
        if (_activity.Get(corp.FullName).LastCompleteSyncStartedAt is { } lastSync && lastSync > entry.ReceivedAt)
            return "covered by the sync of " + lastSync.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

        var report = await _runner.SyncAsync(corp, "event", cancellationToken).ConfigureAwait(false);
        return $"full sync {report.Outcome} (run {report.RunId})";
    }

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        Task.Delay(delay, _time, cancellationToken).ContinueWith(static _ => { }, CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private static string Describe(Exception exception) =>
        exception is CorpException or System.Text.Json.JsonException
            ? exception.Message
            : $"{exception.GetType().Name}: {exception.Message}";

    [LoggerMessage(EventId = 5200, Level = LogLevel.Debug, Message = "Event {EventId} ({EventType}) of {Corp} applied: {Result}")]
    private partial void LogEventApplied(string corp, string eventId, string eventType, string result);

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning,
        Message = "Event {EventId} of {Corp} failed (attempt {Attempt}); retrying in {DelayMs:F0} ms")]
    private partial void LogEventRetrying(Exception exception, string corp, string eventId, int attempt, double delayMs);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Error,
        Message = "Event {EventId} ({EventType}) of {Corp} parked after {Attempts} failed attempts; see 'corps status'")]
    private partial void LogEventParked(Exception exception, string corp, string eventId, string eventType, int attempts);

    [LoggerMessage(EventId = 5204, Level = LogLevel.Information, Message = "Applied {Count} events of {Corp} in {ElapsedMs:F0} ms: {Tally}")]
    private partial void LogBatchApplied(string corp, int count, double elapsedMs, string tally);

    [LoggerMessage(EventId = 5205, Level = LogLevel.Warning, Message = "A batch of {Count} events of {Corp} failed; its first event is retried alone")]
    private partial void LogBatchFailed(Exception exception, string corp, int count);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Error, Message = "Event loop of {Corp} failed; retrying")]
    private partial void LogLoopFailed(Exception exception, string corp);
}
