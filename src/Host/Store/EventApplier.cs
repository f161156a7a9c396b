using Corps.Abstractions;
using Corps.Host.Sync.Local;
using Corps.Host.Sync.Plan;
using Microsoft.Data.Sqlite;

namespace Corps.Host.Store;

/// <summary>Applies one decoded upstream event in one transaction, through the same planner and applier as a full sync.</summary>
/// <remarks>
/// Out-of-order protection: each member and department keeps the <see cref="CorpEvent.OccurredAt"/> of the last event
/// applied to it (<c>last_event_at</c>); an older event changes nothing and reports <see cref="EventApplyStatus.Stale"/>.
/// Full syncs do not move that mark, so an event is never refused because a sync ran after it.
/// </remarks>
internal static class EventApplier
{
    public static EventApplyResult Apply(SqliteConnection connection, SqliteTransaction transaction, long corpId, CorpEvent corpEvent, DateTimeOffset now)
    {
        switch (corpEvent.Kind)
        {
            case CorpEventKind.MemberUpserted when corpEvent.Member is { } member:
                return UpsertMember(connection, transaction, corpId, corpEvent, member, now);
            case CorpEventKind.MemberDeleted when (corpEvent.ObjectExternalId ?? corpEvent.Member?.ExternalId) is { } memberId:
                return DeleteMember(connection, transaction, corpId, corpEvent, memberId, now);
            case CorpEventKind.DepartmentUpserted when corpEvent.Department is { } department:
                return UpsertDepartment(connection, transaction, corpId, corpEvent, department, now);
            case CorpEventKind.DepartmentDeleted when (corpEvent.ObjectExternalId ?? corpEvent.Department?.ExternalId) is { } departmentId:
                return DeleteDepartment(connection, transaction, corpId, corpEvent, departmentId, now);
            case CorpEventKind.ScopeChanged or CorpEventKind.RefreshRequested:
                return new EventApplyResult { Status = EventApplyStatus.NeedsFullSync };
            default:
                return new EventApplyResult
                {
                    Status = EventApplyStatus.Ignored,
                    Warnings = [$"Event {corpEvent.EventId} ({corpEvent.EventType}) says {corpEvent.Kind} but carries no object; ignored."],
                };
        }
    }

    private static EventApplyResult UpsertMember(SqliteConnection connection, SqliteTransaction transaction, long corpId, CorpEvent corpEvent,
        UpstreamMember member, DateTimeOffset now)
    {
        var local = LocalStateLoader.LoadPartial(connection, transaction, corpId, [member.ExternalId], Leaders(member.LeaderExternalId),
            identities: member.Identities, departmentExternalIds: [.. (member.Memberships ?? []).Select(m => m.DepartmentExternalId)]);
        local.Members.TryGetValue(member.ExternalId, out var stored);
        if (IsStale(stored?.LastEventAt, corpEvent))
            return new EventApplyResult { Status = EventApplyStatus.Stale };

        var snapshot = new CorpSnapshot { RootName = "", Departments = [], Members = [member] };
        var plan = SyncPlanner.Plan(local, snapshot, PlanScope.Partial);
        return Finish(connection, transaction, corpId, corpEvent, local, plan, now, stored is null ? null : ("members", stored.Id));
    }

    private static EventApplyResult DeleteMember(SqliteConnection connection, SqliteTransaction transaction, long corpId, CorpEvent corpEvent,
        string memberId, DateTimeOffset now)
    {
        var local = LocalStateLoader.LoadPartial(connection, transaction, corpId, [memberId], [], departmentExternalIds: []);
        if (!local.Members.TryGetValue(memberId, out var stored))
            return new EventApplyResult { Status = EventApplyStatus.Ignored, Warnings = [$"Member {memberId} is not in the pool; nothing to offline."] };
        if (IsStale(stored.LastEventAt, corpEvent))
            return new EventApplyResult { Status = EventApplyStatus.Stale };

        var context = new PlanningContext(local, new CorpSnapshot { RootName = "", Departments = [], Members = [] }, PlanScope.Partial);
        MemberPlanner.PlanOffline(context, stored, $"deleted upstream ({corpEvent.EventType})");
        return Finish(connection, transaction, corpId, corpEvent, local, context.Complete(), now, ("members", stored.Id));
    }

    private static EventApplyResult UpsertDepartment(SqliteConnection connection, SqliteTransaction transaction, long corpId, CorpEvent corpEvent,
        UpstreamDepartment department, DateTimeOffset now)
    {
        if (department.ExternalId == CorpSnapshot.RootExternalId)
            return new EventApplyResult { Status = EventApplyStatus.NeedsFullSync, Warnings = ["The root department changes only with a full sync."] };

        var local = LocalStateLoader.LoadPartial(connection, transaction, corpId, [], Leaders(department.LeaderExternalId));
        local.Departments.TryGetValue(department.ExternalId, out var stored);
        if (IsStale(stored?.LastEventAt, corpEvent))
            return new EventApplyResult { Status = EventApplyStatus.Stale };

        var parent = DepartmentPlanner.ParentOf(department);
        if (!local.Departments.TryGetValue(parent, out var parentRow) || parentRow.IsDeleted)
        {
            return new EventApplyResult
            {
                Status = EventApplyStatus.NeedsFullSync,
                Warnings = [$"Department {department.ExternalId} names parent {parent}, which the pool does not have; a full sync will place it."],
            };
        }

        if (stored is not null && IsUnder(local, parentRow, stored.Id))
        {
            return new EventApplyResult
            {
                Status = EventApplyStatus.NeedsFullSync,
                Warnings = [$"Moving department {department.ExternalId} under {parent} would make a cycle in the pool; a full sync will sort it out."],
            };
        }

        var snapshot = new CorpSnapshot { RootName = "", Departments = [department], Members = [] };
        var plan = SyncPlanner.Plan(local, snapshot, PlanScope.Partial);
        return Finish(connection, transaction, corpId, corpEvent, local, plan, now, stored is null ? null : ("departments", stored.Id));
    }

    private static EventApplyResult DeleteDepartment(SqliteConnection connection, SqliteTransaction transaction, long corpId, CorpEvent corpEvent,
        string departmentId, DateTimeOffset now)
    {
        var id = CorpRowsLookup.DepartmentId(connection, transaction, corpId, departmentId);
        if (id is null || departmentId == CorpSnapshot.RootExternalId)
            return new EventApplyResult { Status = EventApplyStatus.Ignored, Warnings = [$"Department {departmentId} is not in the pool; nothing to delete."] };

        var local = LocalStateLoader.LoadPartial(connection, transaction, corpId, [], [], id);
        var stored = local.Departments[departmentId];
        if (IsStale(stored.LastEventAt, corpEvent))
            return new EventApplyResult { Status = EventApplyStatus.Stale };
        if (stored.IsDeleted)
            return new EventApplyResult { Status = EventApplyStatus.Unchanged };

        var context = new PlanningContext(local, new CorpSnapshot { RootName = "", Departments = [], Members = [] }, PlanScope.Partial);
        DepartmentPlanner.PlanDeletion(context, stored);
        return Finish(connection, transaction, corpId, corpEvent, local, context.Complete(), now, ("departments", stored.Id));
    }

    private static EventApplyResult Finish(SqliteConnection connection, SqliteTransaction transaction, long corpId, CorpEvent corpEvent,
        LocalState local, SyncPlan plan, DateTimeOffset now, (string Table, long Id)? touched)
    {
        if (plan.IsEmpty)
        {
            // Nothing to change, but the object has now seen this event: an older one arriving later must stay stale.
            var rows = touched is { } row ? Touch(connection, transaction, row.Table, row.Id, corpEvent.OccurredAt) : 0;
            return new EventApplyResult { Status = EventApplyStatus.Unchanged, RowsWritten = rows, Warnings = plan.Warnings };
        }

        var written = new PlanApplier(connection, transaction, corpId, local, now, corpEvent.OccurredAt).Apply(plan);
        written += new ChangeLogWriter(connection, transaction, corpId, runId: null, corpEvent.EventId, now).Write(plan.Changes);
        return new EventApplyResult { Status = EventApplyStatus.Applied, Changes = plan.Changes, RowsWritten = written, Warnings = plan.Warnings };
    }

    // Equal times are not stale: upstream stamps one object's changes in order, so a tie is the same change re-sent.
    private static bool IsStale(DateTimeOffset? lastApplied, CorpEvent corpEvent) => lastApplied is { } last && corpEvent.OccurredAt < last;

    private static bool IsUnder(LocalState local, LocalDepartmentRow start, long ancestorId)
    {
        var byId = local.Departments.Values.ToDictionary(d => d.Id);
        for (var current = start; ; current = byId[current.ParentId!.Value])
        {
            if (current.Id == ancestorId)
                return true;
            if (current.ParentId is null || !byId.ContainsKey(current.ParentId.Value))
                return false;
        }
    }

    private static string[] Leaders(string? leader) => string.IsNullOrEmpty(leader) ? [] : [leader];

    private static int Touch(SqliteConnection connection, SqliteTransaction transaction, string table, long id, DateTimeOffset at)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"UPDATE {table} SET last_event_at = $at WHERE id = $id AND (last_event_at IS NULL OR last_event_at < $at)";
        command.Parameters.AddWithValue("$at", StoreTime.Format(at));
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteNonQuery();
    }
}
