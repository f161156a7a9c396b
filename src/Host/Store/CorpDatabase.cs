using Corps.Abstractions;
using Corps.Host.Store.Migrations;
using Corps.Host.Sync;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Corps.Host.Store;

/// <summary>
/// The local user pool in one SQLite file: people, members, departments, roles, runs, change log, applied event ids.
/// </summary>
/// <remarks>
/// <para>Thread-safe; open one per file and process and share it. Writes are <c>BEGIN IMMEDIATE</c> transactions on
/// pooled connections (WAL mode, so readers never wait for the writer). Syncs and event applies of one corp are
/// serialized in this process and, through a lock row, across processes sharing the file.</para>
/// <para>The event inbox is another file beside this one (<see cref="InboxPath"/>), so acknowledging an event never waits
/// for this file's writer; opening a store that still holds the inbox moves it there.</para>
/// <para>People and members: a person is a local account that signs in; a member is that person's membership of one
/// corp. A new member links to an existing person (a member of another corp) when exactly one person matches its
/// normalized email, else exactly one its normalized mobile; otherwise it gets a new person. A person's name, email and
/// mobile follow its member's changes while it has no member in another corp. Offlining a member changes only that
/// member row.</para>
/// </remarks>
public sealed class CorpDatabase : IAsyncDisposable
{
    private static readonly EventApplyResult AlreadyApplied = new() { Status = EventApplyStatus.AlreadyApplied };

    private readonly SqliteConnectionFactory _connections;
    private readonly TimeProvider _time;
    private readonly CorpSyncLocks _locks;
    private readonly ILogger _eventLogger;

    private CorpDatabase(SqliteConnectionFactory connections, TimeProvider time, ILoggerFactory loggerFactory, SyncLockOptions lockOptions)
    {
        _connections = connections;
        _time = time;
        _locks = new CorpSyncLocks(connections, time, lockOptions, loggerFactory.CreateLogger<CorpSyncLocks>());
        _eventLogger = loggerFactory.CreateLogger<CorpDatabase>();
        Sync = new SyncEngine(connections, _locks, time, loggerFactory.CreateLogger<SyncEngine>());
    }

    /// <summary>The store file.</summary>
    public string Path => _connections.Path;

    /// <summary>The event inbox's file beside the store (see <see cref="Events.SqliteEventInbox"/>).</summary>
    public string InboxPath => InboxFile.PathFor(_connections.Path);

    /// <summary>The sync engine writing to this store.</summary>
    public ICorpSync Sync { get; }

    /// <summary>
    /// Marks this process as the store's service for as long as the returned lease lives. Two services on one store would
    /// each run every corp's schedule and drain the same event inbox; the second is refused instead.
    /// </summary>
    /// <exception cref="CorpException">Another live service holds the store.</exception>
    public async Task<IAsyncDisposable> HoldServiceAsync(CancellationToken cancellationToken)
    {
        // Corp full names always have a dot ("corps.Name"), so this key never meets a corp's sync lock.
        var (lease, holder) = await _locks.TryHoldAsync("corps serve", cancellationToken).ConfigureAwait(false);
        return lease ?? throw new CorpException(CorpErrorKind.Configuration,
            $"Another corps serve (pid {holder!.Pid} on {holder.Host}, since {holder.Since}) is already serving the store {Path}.",
            $"Run one service per store: stop the other one, or give this one its own --store. A service that died is taken over after {_locks.StaleAfter.TotalSeconds:0} s.");
    }

    /// <summary>Opens (creating the folder and file if missing) and migrates the store at <paramref name="path"/>.</summary>
    /// <exception cref="CorpException">The file was written by a newer host, or cannot be opened.</exception>
    public static Task<CorpDatabase> OpenAsync(string path, TimeProvider time, ILoggerFactory loggerFactory, CancellationToken cancellationToken) =>
        OpenAsync(path, time, loggerFactory, SyncLockOptions.Default, cancellationToken);

    internal static async Task<CorpDatabase> OpenAsync(string path, TimeProvider time, ILoggerFactory loggerFactory, SyncLockOptions lockOptions,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var fullPath = System.IO.Path.GetFullPath(path);
        var logger = loggerFactory.CreateLogger<CorpDatabase>();
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
            var connections = new SqliteConnectionFactory(fullPath);
            await using (var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false))
            {
                await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode = WAL", cancellationToken: cancellationToken)).ConfigureAwait(false);
                var (from, to) = await MigrationRunner.MigrateAsync(connection, fullPath, time, cancellationToken).ConfigureAwait(false);
                if (from != to)
                    StoreLog.Migrated(logger, fullPath, from, to);
                else
                    StoreLog.Opened(logger, fullPath, to);
            }

            return new CorpDatabase(connections, time, loggerFactory, lockOptions);
        }
        catch (Exception exception) when (exception is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new CorpException(CorpErrorKind.Configuration, $"Cannot open the store '{fullPath}': {exception.Message}",
                "Check that the folder is writable and the file is a corps store (or point --store at another file).", exception);
        }
    }

    /// <summary>The store as <paramref name="element"/>'s corp sees it (hand it to the corp in its <see cref="CorpContext"/>).</summary>
    public ICorpStore ForCorp(CorpElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return new CorpStore(_connections, element, _time);
    }

    /// <summary>The corp's latest sync runs, newest first (held and failed ones included).</summary>
    public async Task<IReadOnlyList<SyncReport>> GetRunsAsync(string corpFullName, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(corpFullName);
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await SyncRunRepository.ListAsync(connection, corpFullName, Math.Max(1, limit), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Counts per corp the pool knows, by full name.</summary>
    public async Task<IReadOnlyList<CorpSummary>> GetCorpSummariesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition($"""
            SELECT c.full_name AS FullName, c.title AS Title, c.type AS Type,
                (SELECT COUNT(*) FROM members m WHERE m.corp_id = c.id AND m.status <> {(int)MemberStatus.Resigned}) AS ActiveMembers,
                (SELECT COUNT(*) FROM members m WHERE m.corp_id = c.id AND m.status = {(int)MemberStatus.Resigned}) AS ResignedMembers,
                (SELECT COUNT(*) FROM departments d WHERE d.corp_id = c.id AND d.is_deleted = 0 AND d.external_id <> '0') AS Departments,
                r.finished_at AS LastRunAt, r.outcome AS LastRunOutcome
            FROM corps c
            LEFT JOIN sync_runs r ON r.id = (SELECT MAX(id) FROM sync_runs WHERE corp_id = c.id)
            ORDER BY c.full_name
            """, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new CorpSummary
        {
            FullName = r.FullName,
            Title = r.Title,
            Type = r.Type,
            ActiveMembers = (int)r.ActiveMembers,
            ResignedMembers = (int)r.ResignedMembers,
            Departments = (int)r.Departments,
            LastRunAt = StoreTime.ParseOrNull(r.LastRunAt),
            LastRunOutcome = r.LastRunOutcome is { } outcome ? (SyncOutcome)outcome : null,
        })];
    }

    /// <summary>Applies one decoded upstream event in one transaction (see <see cref="EventApplyStatus"/>).</summary>
    /// <remarks>
    /// Serialized with the corp's syncs. An event older than the last one applied to the same member or department
    /// changes nothing (<see cref="EventApplyStatus.Stale"/>). <see cref="CorpEventKind.ScopeChanged"/> and
    /// <see cref="CorpEventKind.RefreshRequested"/> are not applied here: the result asks for a full sync. Change log
    /// rows carry the event id. Deduplication by event id is the event inbox's job, not this method's.
    /// </remarks>
    public async Task<EventApplyResult> ApplyEventAsync(CorpElement element, CorpEvent corpEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corpEvent);
        var batch = await ApplyEventsAsync(element, [new StoredEvent(null, corpEvent)], cancellationToken).ConfigureAwait(false);
        if (batch.Failure is { } failure)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        return batch.Applied.Count == 1 ? batch.Applied[0] : batch.NeedsFullSync!;
    }

    /// <summary>
    /// Applies a run of one corp's events, oldest first, in one write transaction that also records each inbox event's id
    /// in <c>applied_events</c>: an event that came through the inbox (<see cref="StoredEvent.InboxId"/> set) is applied
    /// at most once, however often it is handed in.
    /// </summary>
    /// <remarks>
    /// <para>Each event runs in its own savepoint, with the same rules as <see cref="ApplyEventAsync"/>. The batch stops
    /// before the first event that throws or asks for a full sync (that event writes nothing), and once it has held the
    /// store for <see cref="EventBatchBudget"/>, so writers queued behind it (acknowledgements) wait little;
    /// <see cref="EventBatchResult"/> says where and why.</para>
    /// <para>The inbox is another file, so this does not mark its rows: the caller marks the applied events' rows after
    /// this returns. An inbox event whose id is already recorded (the caller crashed before marking it) writes nothing and
    /// is <see cref="EventApplyStatus.AlreadyApplied"/>; the caller then only marks it.</para>
    /// <para>Serialized with the corp's syncs in this process; a sync of another process holding the corp is waited for,
    /// as <c>corps sync</c> does. No lock row is written when no other process holds the corp: the check runs inside the
    /// write transaction, where no other process can take it meanwhile.</para>
    /// </remarks>
    /// <exception cref="CorpException">Another process's sync kept the corp past the lock wait.</exception>
    public async Task<EventBatchResult> ApplyEventsAsync(CorpElement element, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
            return new EventBatchResult { Applied = [] };
        if (events[0].Event.Kind is CorpEventKind.ScopeChanged or CorpEventKind.RefreshRequested)
            return new EventBatchResult { Applied = [], NeedsFullSync = new EventApplyResult { Status = EventApplyStatus.NeedsFullSync } };

        using (await _locks.AcquireLocalAsync(element.FullName, cancellationToken).ConfigureAwait(false))
        {
            if (await TryApplyEventsAsync(element, events, checkOtherProcesses: true, cancellationToken).ConfigureAwait(false) is { } result)
                return result;
        }

        // Another process is syncing this corp: wait for it like any run does, then apply holding the lock row.
        await using var lease = await _locks.AcquireAsync(element.FullName, cancellationToken).ConfigureAwait(false);
        return (await TryApplyEventsAsync(element, events, checkOtherProcesses: false, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>How long one batch of events may hold the store before it commits what it has: 10 ms, a few commits' worth,
    /// so an acknowledgement queued behind a batch waits about that long at most. The first event always goes in.</summary>
    internal TimeSpan EventBatchBudget { get; set; } = TimeSpan.FromMilliseconds(10);

    private async Task<EventBatchResult?> TryApplyEventsAsync(CorpElement element, IReadOnlyList<StoredEvent> events, bool checkOtherProcesses,
        CancellationToken cancellationToken)
    {
        using var turn = await StoreWriteTurn.TakeAsync(_connections.Path, cancellationToken).ConfigureAwait(false);
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: false);
        if (checkOtherProcesses && _locks.IsHeldElsewhere(connection, transaction, element.FullName))
            return null;

        var started = _time.GetTimestamp();
        var now = _time.GetUtcNow();
        var corpId = CorpRows.Ensure(connection, transaction, element, now);
        if (events.Any(e => e.InboxId is not null))
            AppliedEvents.Prune(connection, transaction, now);
        using var appliedEvents = new AppliedEvents(connection, transaction, corpId, now);
        var applied = new List<EventApplyResult>(events.Count);
        EventApplyResult? needsFullSync = null;
        Exception? failure = null;
        foreach (var stored in events)
        {
            if (applied.Count > 0 && _time.GetElapsedTime(started) >= EventBatchBudget)
                break;
            transaction.Save("event");
            try
            {
                // The record goes first: an event this store applied before (its inbox row was not marked: a crash came
                // between the two files' commits) writes nothing more.
                var result = stored.InboxId is not null && !appliedEvents.TryRecord(stored.Event.EventId)
                    ? AlreadyApplied
                    : EventApplier.Apply(connection, transaction, corpId, stored.Event, now);
                if (result.Status == EventApplyStatus.NeedsFullSync)
                {
                    transaction.Rollback("event");
                    needsFullSync = result;
                    break;
                }

                transaction.Release("event");
                applied.Add(result);
                SyncLog.EventApplied(_eventLogger, stored.Event.EventId, stored.Event.EventType, element.FullName, result.Status, result.Changes.Count);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Only this event's writes go; the ones before it commit below.
                transaction.Rollback("event");
                failure = exception;
                break;
            }
        }

        transaction.Commit();
        return new EventBatchResult { Applied = applied, NeedsFullSync = needsFullSync, Failure = failure };
    }

    /// <summary>Opens a connection to the file (tests and benchmarks).</summary>
    internal Task<Microsoft.Data.Sqlite.SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken) => _connections.OpenAsync(cancellationToken);

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        // Pooled connections keep the files open; release them so the files can be moved, deleted or reopened.
        _connections.ClearPool();
        new SqliteConnectionFactory(InboxPath).ClearPool();
        return ValueTask.CompletedTask;
    }

    private sealed record SummaryRow
    {
        public string FullName { get; init; } = "";

        public string? Title { get; init; }

        public string? Type { get; init; }

        public long ActiveMembers { get; init; }

        public long ResignedMembers { get; init; }

        public long Departments { get; init; }

        public string? LastRunAt { get; init; }

        public long? LastRunOutcome { get; init; }
    }
}
