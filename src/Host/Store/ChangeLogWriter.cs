using System.Text.Json;
using Corps.Abstractions;
using Microsoft.Data.Sqlite;

namespace Corps.Host.Store;

/// <summary>Appends change log rows, tagged with a run id or an event id. Details never hold secrets.</summary>
/// <remarks>A sync can log hundreds of thousands of changes, so they go through <see cref="BulkRows"/>; SQLite builds the detail JSON.</remarks>
internal sealed class ChangeLogWriter(SqliteConnection connection, SqliteTransaction transaction, long corpId, long? runId, string? eventId, DateTimeOffset at)
{
    private const string Insert = """
        INSERT INTO change_log (corp_id, run_id, event_id, object_kind, external_id, action, detail, at)
        SELECT $corp, $run, $event, r.value ->> 0, r.value ->> 1, r.value ->> 2,
            CASE WHEN r.value ->> 3 IS NULL AND r.value ->> 4 IS NULL THEN NULL
                 WHEN r.value ->> 4 IS NULL THEN json_object('name', r.value ->> 3)
                 ELSE json_object('name', r.value ->> 3, 'detail', r.value ->> 4) END,
            $at
        FROM json_each($rows) AS r
        """;

    /// <summary>Writes one row per planned change; returns the rows written.</summary>
    public int Write(IEnumerable<PlannedChange> changes)
    {
        using var rows = new BulkRows(connection, transaction, Insert)
            .With("$corp", corpId).With("$run", runId).With("$event", eventId).With("$at", StoreTime.Format(at));
        var written = 0;
        foreach (var change in changes)
        {
            rows.Add(Name(change.Kind), change.ExternalId, Name(change.Action), change.Name, change.Detail);
            if (rows.IsFull)
                written += rows.Flush();
        }

        return written + rows.Flush();
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
