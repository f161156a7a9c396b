using System.Text.Json;
using Corps.Abstractions;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Corps.Host.Store;

/// <summary>Reads and writes <c>sync_runs</c>.</summary>
internal static class SyncRunRepository
{
    /// <summary>Inserts the run and returns its id.</summary>
    public static long Insert(SqliteConnection connection, SqliteTransaction transaction, long corpId, SyncReport report) =>
        connection.ExecuteScalar<long>("""
            INSERT INTO sync_runs (corp_id, trigger, started_at, finished_at, outcome, counts, upstream_departments, upstream_members,
                api_calls, rows_written, guard, warnings, error)
            VALUES (@corpId, @Trigger, @StartedAt, @FinishedAt, @Outcome, @Counts, @UpstreamDepartments, @UpstreamMembers,
                @ApiCalls, @RowsWritten, @Guard, @Warnings, @Error)
            RETURNING id
            """,
            new
            {
                corpId,
                report.Trigger,
                StartedAt = StoreTime.Format(report.StartedAt),
                FinishedAt = StoreTime.Format(report.FinishedAt),
                Outcome = (int)report.Outcome,
                Counts = JsonSerializer.Serialize(report.Counts, StoreJson.Options),
                report.UpstreamDepartments,
                report.UpstreamMembers,
                report.ApiCalls,
                report.RowsWritten,
                Guard = report.Guard is null ? null : JsonSerializer.Serialize(report.Guard, StoreJson.Options),
                Warnings = JsonSerializer.Serialize(report.Warnings, StoreJson.Options),
                report.Error,
            },
            transaction);

    /// <summary>The corp's latest runs, newest first.</summary>
    public static async Task<IReadOnlyList<SyncReport>> ListAsync(SqliteConnection connection, string corpFullName, int limit, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<RunRow>(new CommandDefinition("""
            SELECT r.id AS Id, c.full_name AS CorpFullName, r.trigger AS Trigger, r.started_at AS StartedAt, r.finished_at AS FinishedAt,
                r.outcome AS Outcome, r.counts AS Counts, r.upstream_departments AS UpstreamDepartments, r.upstream_members AS UpstreamMembers,
                r.api_calls AS ApiCalls, r.rows_written AS RowsWritten, r.guard AS Guard, r.warnings AS Warnings, r.error AS Error
            FROM sync_runs r JOIN corps c ON c.id = r.corp_id
            WHERE c.full_name = @corpFullName
            ORDER BY r.id DESC
            LIMIT @limit
            """, new { corpFullName, limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(ToReport)];
    }

    private static SyncReport ToReport(RunRow row) => new()
    {
        RunId = row.Id,
        CorpFullName = row.CorpFullName,
        Trigger = row.Trigger,
        Outcome = (SyncOutcome)row.Outcome,
        StartedAt = StoreTime.Parse(row.StartedAt),
        FinishedAt = StoreTime.Parse(row.FinishedAt),
        Counts = JsonSerializer.Deserialize<SyncCounts>(row.Counts, StoreJson.Options) ?? new SyncCounts(),
        UpstreamDepartments = (int)row.UpstreamDepartments,
        UpstreamMembers = (int)row.UpstreamMembers,
        ApiCalls = (int)row.ApiCalls,
        RowsWritten = (int)row.RowsWritten,
        Guard = row.Guard is null ? null : JsonSerializer.Deserialize<GuardDecision>(row.Guard, StoreJson.Options),
        Warnings = JsonSerializer.Deserialize<List<string>>(row.Warnings, StoreJson.Options) ?? [],
        Error = row.Error,
    };

    private sealed record RunRow
    {
        public long Id { get; init; }

        public string CorpFullName { get; init; } = "";

        public string Trigger { get; init; } = "";

        public string StartedAt { get; init; } = "";

        public string FinishedAt { get; init; } = "";

        public long Outcome { get; init; }

        public string Counts { get; init; } = "{}";

        public long UpstreamDepartments { get; init; }

        public long UpstreamMembers { get; init; }

        public long ApiCalls { get; init; }

        public long RowsWritten { get; init; }

        public string? Guard { get; init; }

        public string Warnings { get; init; } = "[]";

        public string? Error { get; init; }
    }
}
