using System.Text.Json;
using Corps.Abstractions;
using Microsoft.Data.Sqlite;

namespace Corps.Host.Store;

/// <summary>Appends change log rows, tagged with a run id or an event id. Details never hold secrets.</summary>
internal sealed class ChangeLogWriter : IDisposable
{
    private readonly PreparedCommand _insert;
    private readonly long _corpId;
    private readonly long? _runId;
    private readonly string? _eventId;
    private readonly string _at;

    public ChangeLogWriter(SqliteConnection connection, SqliteTransaction transaction, long corpId, long? runId, string? eventId, DateTimeOffset at)
    {
        _corpId = corpId;
        _runId = runId;
        _eventId = eventId;
        _at = StoreTime.Format(at);
        _insert = new PreparedCommand(connection, transaction, """
            INSERT INTO change_log (corp_id, run_id, event_id, object_kind, external_id, action, detail, at)
            VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7)
            """, 8);
    }

    /// <summary>Writes one row per planned change; returns the rows written.</summary>
    public int Write(IEnumerable<PlannedChange> changes)
    {
        var rows = 0;
        foreach (var change in changes)
            rows += Write(change.Kind.ToString(), change.ExternalId, change.Action.ToString(), Detail(change.Name, change.Detail));
        return rows;
    }

    /// <summary>Writes one row for a store operation (roles, admins, signature, offline).</summary>
    public int Write(string objectKind, string externalId, string action, object? detail) =>
        _insert.Execute(_corpId, _runId, _eventId, objectKind, externalId, action, detail is null ? null : JsonSerializer.Serialize(detail, StoreJson.Options), _at);

    private static string? Detail(string? name, string? detail) =>
        name is null && detail is null ? null : JsonSerializer.Serialize(new ChangeDetail(name, detail), StoreJson.Options);

    public void Dispose() => _insert.Dispose();

    private sealed record ChangeDetail(string? Name, string? Detail);
}
