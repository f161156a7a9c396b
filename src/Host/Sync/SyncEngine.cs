using System.Diagnostics;
using Corps.Abstractions;
using Corps.Host.Store;
using Corps.Host.Sync.Local;
using Corps.Host.Sync.Plan;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Corps.Host.Sync;

/// <summary>The host's <see cref="ICorpSync"/>: validate → plan → guard → apply, in one transaction per run.</summary>
internal sealed class SyncEngine(SqliteConnectionFactory connections, CorpSyncLocks locks, TimeProvider time, ILogger<SyncEngine> logger) : ICorpSync
{
    /// <inheritdoc/>
    public async Task<SyncReport> SyncAsync(ICorp corp, SyncOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corp);
        ArgumentNullException.ThrowIfNull(options);
        await using var lease = await LockAsync(corp, options, cancellationToken).ConfigureAwait(false);
        var started = time.GetUtcNow();
        // The local state is read while the snapshot is fetched (a dry run, which writes nothing, reads it after).
        await using var preload = options.DryRun ? null : await TryPreloadAsync(corp, cancellationToken).ConfigureAwait(false);
        SnapshotHolder holder;
        try
        {
            // Only the holder keeps the snapshot: the engine lets go of it once the plan is built (see Apply).
            holder = new SnapshotHolder(await corp.GetThirdCorpDataAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new CorpException(CorpErrorKind.Unexpected, $"The corp type of {corp.FullName} returned no snapshot."));
        }
        catch (Exception exception) when (!options.DryRun)
        {
            await RecordFailureAsync(corp, options, started, null, exception).ConfigureAwait(false);
            throw;
        }

        return await RunAsync(corp, holder, options, started, preload, cancellationToken).ConfigureAwait(false);
    }

    private async Task<LocalStatePreload?> TryPreloadAsync(ICorp corp, CancellationToken cancellationToken)
    {
        try
        {
            return await LocalStatePreload.StartAsync(connections, corp.FullName, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is SqliteException or IOException or InvalidOperationException)
        {
            // The run opens its own connection after the fetch and reports what is wrong with the store then, as a
            // failed run like any other.
            SyncLog.PreloadFailed(logger, corp.FullName, exception);
            return null;
        }
    }

    /// <inheritdoc/>
    public async Task<SyncReport> ApplyAsync(ICorp corp, CorpSnapshot snapshot, SyncOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corp);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(options);
        await using var lease = await LockAsync(corp, options, cancellationToken).ConfigureAwait(false);
        return await RunAsync(corp, new SnapshotHolder(snapshot), options, time.GetUtcNow(), preload: null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IAsyncDisposable?> LockAsync(ICorp corp, SyncOptions options, CancellationToken cancellationToken) =>
        options.DryRun ? null : await locks.AcquireAsync(corp.FullName, cancellationToken).ConfigureAwait(false);

    private async Task<SyncReport> RunAsync(ICorp corp, SnapshotHolder holder, SyncOptions options, DateTimeOffset started, LocalStatePreload? preload,
        CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            SnapshotValidator.Validate(corp.FullName, holder.Snapshot);
            await using var opened = preload is null ? await connections.OpenAsync(cancellationToken).ConfigureAwait(false) : null;
            var connection = opened ?? await preload!.ConnectionAsync().ConfigureAwait(false);
            return options.DryRun
                ? DryRun(connection, corp, holder, options, started)
                : Apply(connection, corp, holder, options, started, preload, cancellationToken);
        }
        catch (Exception exception) when (!options.DryRun)
        {
            await RecordFailureAsync(corp, options, started, holder, exception).ConfigureAwait(false);
            throw;
        }
    }

    private SyncReport DryRun(SqliteConnection connection, ICorp corp, SnapshotHolder holder, SyncOptions options, DateTimeOffset started)
    {
        using var transaction = connection.BeginTransaction(deferred: true);
        var corpId = CorpRows.Find(connection, transaction, corp.FullName);
        var local = LocalStateLoader.LoadFull(connection, transaction, corpId);
        var plan = SyncPlanner.Plan(local, holder.Snapshot);
        var guard = Guard(corp, local, plan, options);
        transaction.Rollback();
        return Report(corp, holder, options, started, 0, SyncOutcome.DryRun, plan, guard, 0, includePlan: true);
    }

    private SyncReport Apply(SqliteConnection connection, ICorp corp, SnapshotHolder holder, SyncOptions options, DateTimeOffset started,
        LocalStatePreload? preload, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var phases = new long[5];
        using var transaction = connection.BeginTransaction(deferred: false);
        var corpId = CorpRows.Ensure(connection, transaction, corp.CorpData, started);
        // Loaded again (under the write lock) only when another connection wrote since the preload read it. The load reads
        // members in index order, so it needs the connection's full cache: at 16 MiB a 100k-person store re-read its pages
        // from the file system and the load took twice as long.
        var local = preload?.TakeIfCurrent(transaction, corpId);
        if (preload?.ReadError is { } readError)
            SyncLog.PreloadFailed(logger, corp.FullName, readError);
        else if (preload is not null)
            SyncLog.Preload(logger, corp.FullName, local is null ? "loaded again: the store changed during the fetch" : "read during the fetch");

        local ??= LocalStateLoader.LoadFull(connection, transaction, corpId);
        // The writes stream through far more pages than any cache holds, so a large cache buys them nothing but memory;
        // 16 MiB measured no slower (bench/RESULTS.md §1). Lowering it frees the pages above it; the pool's next user
        // gets the full cache again.
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA cache_size = -16384";
            pragma.ExecuteNonQuery();
        }

        phases[0] = stopwatch.ElapsedMilliseconds;
        var plan = SyncPlanner.Plan(local, holder.Snapshot);
        // The plan holds what it writes; the snapshot's member objects, identity maps and membership lists can go.
        holder.Release();
        phases[1] = stopwatch.ElapsedMilliseconds;
        foreach (var warning in plan.Warnings)
            SyncLog.PlanWarning(logger, corp.FullName, warning);
        var guard = Guard(corp, local, plan, options);
        cancellationToken.ThrowIfCancellationRequested();

        if (guard.Held)
        {
            SyncLog.Held(logger, corp.FullName, guard.Reason);
            var held = Report(corp, holder, options, started, 0, SyncOutcome.Held, plan, guard, 0, options.IncludePlan);
            held = held with { RunId = SyncRunRepository.Insert(connection, transaction, corpId, held) };
            transaction.Commit();
            return held;
        }

        if (guard.Forced)
            SyncLog.Forced(logger, corp.FullName, guard.Reason);
        var rows = plan.IsEmpty ? 0 : new PlanApplier(connection, transaction, corpId, local, started, eventAt: null).Apply(plan);
        phases[2] = stopwatch.ElapsedMilliseconds;
        cancellationToken.ThrowIfCancellationRequested();
        var outcome = plan.IsEmpty ? SyncOutcome.Unchanged : SyncOutcome.Applied;
        var report = Report(corp, holder, options, started, 0, outcome, plan, guard, rows + plan.Changes.Count, options.IncludePlan);
        var runId = SyncRunRepository.Insert(connection, transaction, corpId, report);
        new ChangeLogWriter(connection, transaction, corpId, runId, eventId: null, started).Write(plan.Changes);
        phases[3] = stopwatch.ElapsedMilliseconds;
        transaction.Commit();
        phases[4] = stopwatch.ElapsedMilliseconds;
        SyncLog.Phases(logger, corp.FullName, phases[0], phases[1] - phases[0], phases[2] - phases[1], phases[3] - phases[2], phases[4] - phases[3]);
        SyncLog.Finished(logger, corp.FullName, options.Trigger, outcome, plan.Changes.Count, report.RowsWritten, stopwatch.ElapsedMilliseconds);
        return report with { RunId = runId };
    }

    private static GuardDecision Guard(ICorp corp, LocalState local, SyncPlan plan, SyncOptions options) =>
        DeletionGuard.Evaluate(corp.CorpData.Name, plan.Counts, local.ActiveMemberCount(), local.ActiveDepartmentCount(), corp.CorpData.Guard, options.Force);

    private SyncReport Report(ICorp corp, SnapshotHolder snapshot, SyncOptions options, DateTimeOffset started, long runId, SyncOutcome outcome,
        SyncPlan plan, GuardDecision guard, int rows, bool includePlan) => new()
        {
            RunId = runId,
            CorpFullName = corp.FullName,
            Trigger = options.Trigger,
            Outcome = outcome,
            StartedAt = started,
            FinishedAt = time.GetUtcNow(),
            Counts = plan.Counts,
            UpstreamDepartments = snapshot.Departments,
            UpstreamMembers = snapshot.Members,
            ApiCalls = snapshot.ApiCalls,
            RowsWritten = rows,
            Guard = guard,
            Plan = includePlan || options.IncludePlan ? plan.Changes : null,
            Warnings = plan.Warnings,
        };

    /// <summary>Records a failed run in its own transaction (the run's own transaction was rolled back).</summary>
    private async Task RecordFailureAsync(ICorp corp, SyncOptions options, DateTimeOffset started, SnapshotHolder? snapshot, Exception exception)
    {
        var error = Describe(exception);
        SyncLog.Failed(logger, corp.FullName, options.Trigger, error);
        try
        {
            await using var connection = await connections.OpenAsync(CancellationToken.None).ConfigureAwait(false);
            using var transaction = connection.BeginTransaction(deferred: false);
            var corpId = CorpRows.Ensure(connection, transaction, corp.CorpData, started);
            SyncRunRepository.Insert(connection, transaction, corpId, new SyncReport
            {
                RunId = 0,
                CorpFullName = corp.FullName,
                Trigger = options.Trigger,
                Outcome = SyncOutcome.Failed,
                StartedAt = started,
                FinishedAt = time.GetUtcNow(),
                UpstreamDepartments = snapshot?.Departments ?? 0,
                UpstreamMembers = snapshot?.Members ?? 0,
                ApiCalls = snapshot?.ApiCalls ?? 0,
                Error = error,
            });
            transaction.Commit();
        }
        catch (Exception recordFailure) when (recordFailure is SqliteException or InvalidOperationException)
        {
            SyncLog.RecordFailed(logger, corp.FullName, recordFailure);
        }
    }

    /// <summary>The error text kept in the run: a <see cref="CorpException"/>'s message is written for people; other
    /// exceptions get their type so a bug report can find them. Stack traces stay in the log.</summary>
    internal static string Describe(Exception exception) => exception switch
    {
        CorpException corpException => corpException.Message,
        OperationCanceledException => "The run was cancelled.",
        _ => $"{exception.GetType().FullName}: {exception.Message}",
    };
}
