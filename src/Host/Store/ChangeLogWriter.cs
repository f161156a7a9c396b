using System.Text.Json;
using Corps.Abstractions;
using Microsoft.Data.Sqlite;

namespace Corps.Host.Store;

/// <summary>Appends change log rows, tagged with a run id or an event id. Details never hold secrets.</summary>
internal sealed class ChangeLogWriter(SqliteConnection connection, SqliteTransaction transaction, long corpId, long? runId, string? eventId, DateTimeOffset at)
{
    /// <summary>Writes one row per planned change; returns the rows written.</summary>
    public int Write(IEnumerable<PlannedChange> changes)
    {
        // SQLite builds the detail JSON: no serializer call per row.
        using var insert = new PreparedCommand(connection, transaction, """
            INSERT INTO change_log (corp_id, run_id, event_id, object_kind, external_id, action, detail, at)
            VALUES ($p0, $p1, $p2, $p3, $p4, $p5,
                CASE WHEN $p6 IS NULL AND $p7 IS NULL THEN NULL
                     WHEN $p7 IS NULL THEN json_object('name', $p6)
                     ELSE json_object('name', $p6, 'detail', $p7) END,
                $p8)
            """, 9);
        var time = StoreTime.Format(at);
        var written = 0;
        foreach (var change in changes)
            written += insert.Execute(corpId, runId, eventId, Name(change.Kind), change.ExternalId, Name(change.Action), change.Name, change.Detail, time);
        return written;
    }

    /// <summary>Writes one row for a store operation (roles, admins, signature, offline).</summary>
    public int Write(string objectKind, string externalId, string action, object? detail)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO change_log (corp_id, run_id, event_id, object_kind, external_id, action, detail, at)
            VALUES ($corp, $run, $event, $kind, $external, $action, $detail, $at)
            """;
        command.Parameters.AddWithValue("$corp", corpId);
        command.Parameters.AddWithValue("$run", (object?)runId ?? DBNull.Value);
        command.Parameters.AddWithValue("$event", (object?)eventId ?? DBNull.Value);
        command.Parameters.AddWithValue("$kind", objectKind);
        command.Parameters.AddWithValue("$external", externalId);
        command.Parameters.AddWithValue("$action", action);
        command.Parameters.AddWithValue("$detail", detail is null ? DBNull.Value : JsonSerializer.Serialize(detail, StoreJson.Options));
        command.Parameters.AddWithValue("$at", StoreTime.Format(at));
        return command.ExecuteNonQuery();
    }

    // Enum names without ToString()'s reflection on every row.
    private static string Name(ObjectKind kind) => kind switch
    {
        ObjectKind.Department => nameof(ObjectKind.Department),
        ObjectKind.Member => nameof(ObjectKind.Member),
        ObjectKind.Membership => nameof(ObjectKind.Membership),
        ObjectKind.Group => nameof(ObjectKind.Group),
        _ => kind.ToString(),
    };

    private static string Name(ChangeAction action) => action switch
    {
        ChangeAction.Create => nameof(ChangeAction.Create),
        ChangeAction.Update => nameof(ChangeAction.Update),
        ChangeAction.Move => nameof(ChangeAction.Move),
        ChangeAction.Offline => nameof(ChangeAction.Offline),
        ChangeAction.Restore => nameof(ChangeAction.Restore),
        _ => action.ToString(),
    };
}
