using Corps.Host.Sync.Local;
using Corps.Host.Sync.Plan;
using Microsoft.Data.Sqlite;

namespace Corps.Host.Store;

/// <summary>Writes a plan inside the caller's transaction, with prepared statements reused across rows.</summary>
/// <remarks>
/// <para>Order matters: members are inserted before departments (department leaders name members), departments parents
/// first (the parent foreign key), identities are freed before they are set (the unique index), memberships after both
/// sides exist. Every statement is a <see cref="PreparedCommand"/>, prepared once per apply and
/// reused for every row. A department move only rewrites <c>parent_id</c>, so swaps and deep moves keep ids and memberships; no
/// constraint sees an intermediate cycle because the tree's shape is not constrained, only that parents exist.</para>
/// <para>New rows get ids from <c>MAX(id) + 1</c>: the caller holds the write lock (<c>BEGIN IMMEDIATE</c>), and the
/// applier needs the ids before the rows that point at them are written.</para>
/// </remarks>
internal sealed class PlanApplier
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly long _corpId;
    private readonly LocalState _local;
    private readonly string _now;
    private readonly string? _eventAt;
    private readonly Dictionary<string, long> _memberIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _departmentIds = new(StringComparer.Ordinal);
    private int _rows;

    public PlanApplier(SqliteConnection connection, SqliteTransaction transaction, long corpId, LocalState local, DateTimeOffset now, DateTimeOffset? eventAt)
    {
        _connection = connection;
        _transaction = transaction;
        _corpId = corpId;
        _local = local;
        _now = StoreTime.Format(now);
        _eventAt = eventAt is { } at ? StoreTime.Format(at) : null;
        foreach (var member in local.Members.Values)
            _memberIds[member.ExternalId] = member.Id;
        foreach (var (id, externalId) in local.OtherMemberExternalIds)
            _memberIds.TryAdd(externalId, id);
        foreach (var department in local.Departments.Values)
            _departmentIds[department.ExternalId] = department.Id;
    }

    /// <summary>Applies the plan's writes (not its change log) and returns the rows written.</summary>
    public int Apply(SyncPlan plan)
    {
        ApplyMembers(plan);
        ApplyDepartments(plan);
        ApplyIdentities(plan);
        ApplyMemberships(plan);
        ApplyGroups(plan);
        return _rows;
    }

    private void ApplyMembers(SyncPlan plan)
    {
        var creates = plan.MemberWrites.Where(w => w.LocalId is null).ToList();
        if (creates.Count > 0)
            InsertMembers(creates);
        // Statements are prepared only for work the plan has: an event's plan touches one or two tables, and preparing
        // the others cost more than its writes.
        if (creates.Count == plan.MemberWrites.Count)
            return;

        using var update = new PreparedCommand(_connection, _transaction, """
            UPDATE members SET name = $p1, english_name = $p2, email = $p3, mobile = $p4, avatar_url = $p5, job_title = $p6,
                employee_no = $p7, employee_type = $p8, status = $p9, leader_member_id = $p10, is_tenant_manager = $p11,
                attributes = $p12, last_event_at = COALESCE($p13, last_event_at), updated_at = $p14
            WHERE id = $p0
            """, 15);
        PreparedCommand? refreshPerson = null;
        try
        {
            foreach (var write in plan.MemberWrites)
            {
                if (write.LocalId is not { } id)
                    continue;
                _rows += update.Execute(id, write.Name, write.EnglishName, write.Email, write.Mobile, write.AvatarUrl, write.JobTitle,
                    write.EmployeeNo, write.EmployeeType, (int)write.Status, MemberId(write.LeaderExternalId), Flag(write.IsTenantManager),
                    write.AttributesText(), _eventAt, _now);
                if (_local.Members.TryGetValue(write.ExternalId, out var stored) && PersonFieldsChanged(stored, write))
                {
                    // The person (the account that signs in) follows its member's name, email and mobile — when it has no
                    // membership of another corp, whose directory might say otherwise.
                    refreshPerson ??= new PreparedCommand(_connection, _transaction, """
                        UPDATE people SET display_name = $p2, email_norm = $p3, mobile_norm = $p4
                        WHERE id = $p0 AND NOT EXISTS (SELECT 1 FROM members WHERE person_id = $p0 AND id <> $p1)
                        """, 5);
                    _rows += refreshPerson.Execute(stored.PersonId, id, write.Name, PersonKeys.Email(write.Email), PersonKeys.Mobile(write.Mobile));
                }
            }
        }
        finally
        {
            refreshPerson?.Dispose();
        }
    }

    private static bool PersonFieldsChanged(LocalMemberRow stored, MemberWrite write) =>
        stored.Name != write.Name || stored.Email != write.Email || stored.Mobile != write.Mobile;

    private void InsertMembers(List<MemberWrite> creates)
    {
        // Ids first: a new member's leader may be another new member (leader_member_id has no foreign key to order by).
        var nextMember = NextId("members");
        foreach (var write in creates)
            _memberIds[write.ExternalId] = nextMember++;

        var linker = PersonLinker.Load(_connection, _transaction, _corpId,
            creates.Count > 50 ? null : [.. creates.Select(w => (PersonKeys.Email(w.Email), PersonKeys.Mobile(w.Mobile)))]);
        var nextPerson = NextId("people");
        using var insertPerson = new PreparedCommand(_connection, _transaction,
            "INSERT INTO people (id, display_name, email_norm, mobile_norm, created_at) VALUES ($p0, $p1, $p2, $p3, $p4)", 5);
        using var insertMember = new PreparedCommand(_connection, _transaction, """
            INSERT INTO members (id, corp_id, person_id, external_id, name, english_name, email, mobile, avatar_url, job_title,
                employee_no, employee_type, status, leader_member_id, is_tenant_manager, attributes, last_event_at, created_at, updated_at)
            VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13, $p14, $p15, $p16, $p17, $p17)
            """, 18);
        foreach (var write in creates)
        {
            var email = PersonKeys.Email(write.Email);
            var mobile = PersonKeys.Mobile(write.Mobile);
            if (linker.Claim(email, mobile) is not { } personId)
            {
                personId = nextPerson++;
                _rows += insertPerson.Execute(personId, write.Name, email, mobile, _now);
            }

            _rows += insertMember.Execute(_memberIds[write.ExternalId], _corpId, personId, write.ExternalId, write.Name, write.EnglishName,
                write.Email, write.Mobile, write.AvatarUrl, write.JobTitle, write.EmployeeNo, write.EmployeeType, (int)write.Status,
                MemberId(write.LeaderExternalId), Flag(write.IsTenantManager), write.AttributesText(), _eventAt, _now);
        }
    }

    private void ApplyDepartments(SyncPlan plan)
    {
        if (plan.DepartmentWrites.Count > 0)
        {
            var nextDepartment = NextId("departments");
            using var insert = new PreparedCommand(_connection, _transaction, """
                INSERT INTO departments (id, corp_id, external_id, parent_id, name, sort_order, leader_member_id, is_deleted,
                    identities, attributes, last_event_at, created_at, updated_at)
                VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, 0, $p7, $p8, $p9, $p10, $p10)
                """, 11);
            using var update = new PreparedCommand(_connection, _transaction, """
                UPDATE departments SET parent_id = $p1, name = $p2, sort_order = $p3, leader_member_id = $p4, is_deleted = 0,
                    identities = $p5, attributes = $p6, last_event_at = COALESCE($p7, last_event_at), updated_at = $p8
                WHERE id = $p0
                """, 9);

            // Parents first: a new department's parent row must exist when it is inserted, and a moved department's new
            // parent may be new too.
            foreach (var write in plan.DepartmentWrites.OrderBy(w => w.Depth))
            {
                if (write.LocalId is { } id)
                {
                    _rows += update.Execute(id, ParentId(write), write.Name, write.Order, MemberId(write.LeaderExternalId), write.IdentitiesJson,
                        write.AttributesJson, _eventAt, _now);
                    continue;
                }

                var newId = nextDepartment++;
                _departmentIds[write.ExternalId] = newId;
                _rows += insert.Execute(newId, _corpId, write.ExternalId, ParentId(write), write.Name, write.Order, MemberId(write.LeaderExternalId),
                    write.IdentitiesJson, write.AttributesJson, _eventAt, _now);
            }
        }

        if (plan.DepartmentDeletions.Count == 0)
            return;
        using var delete = new PreparedCommand(_connection, _transaction,
            "UPDATE departments SET is_deleted = 1, last_event_at = COALESCE($p1, last_event_at), updated_at = $p2 WHERE id = $p0", 3);
        foreach (var id in plan.DepartmentDeletions)
            _rows += delete.Execute(id, _eventAt, _now);
    }

    private long? ParentId(DepartmentWrite write) => write.ParentExternalId is { } parent ? _departmentIds[parent] : null;

    private void ApplyIdentities(SyncPlan plan)
    {
        if (plan.IdentityRemovals.Count > 0)
        {
            using var remove = new PreparedCommand(_connection, _transaction, "DELETE FROM identities WHERE member_id = $p0 AND kind = $p1", 2);
            foreach (var removal in plan.IdentityRemovals)
                _rows += remove.Execute(removal.MemberId, removal.Kind);
        }

        if (plan.IdentityWrites.Count == 0)
            return;
        using var set = new PreparedCommand(_connection, _transaction, """
            INSERT INTO identities (member_id, corp_id, kind, value) VALUES ($p0, $p1, $p2, $p3)
            ON CONFLICT (member_id, kind) DO UPDATE SET value = excluded.value
            """, 4);
        foreach (var write in plan.IdentityWrites)
            _rows += set.Execute(_memberIds[write.MemberExternalId], _corpId, write.Kind, write.Value);
    }

    private void ApplyMemberships(SyncPlan plan)
    {
        if (plan.MembershipRemovals.Count > 0)
        {
            using var remove = new PreparedCommand(_connection, _transaction, "DELETE FROM memberships WHERE member_id = $p0 AND department_id = $p1", 2);
            foreach (var removal in plan.MembershipRemovals)
                _rows += remove.Execute(removal.MemberId, removal.DepartmentId);
        }

        if (plan.MembershipWrites.Count == 0)
            return;
        using var set = new PreparedCommand(_connection, _transaction, """
            INSERT INTO memberships (member_id, department_id, sort_order, is_primary) VALUES ($p0, $p1, $p2, $p3)
            ON CONFLICT (member_id, department_id) DO UPDATE SET sort_order = excluded.sort_order, is_primary = excluded.is_primary
            """, 4);
        foreach (var write in plan.MembershipWrites)
            _rows += set.Execute(_memberIds[write.MemberExternalId], _departmentIds[write.DepartmentExternalId], write.Order, write.IsPrimary ? 1 : 0);
    }

    private void ApplyGroups(SyncPlan plan)
    {
        if (plan.GroupWrites.Count + plan.GroupDeletions.Count + plan.GroupMemberChanges.Count == 0)
            return;

        var groupIds = _local.Groups.Values.ToDictionary(g => g.ExternalId, g => g.Id, StringComparer.Ordinal);
        using (var deleteMembers = new PreparedCommand(_connection, _transaction, "DELETE FROM group_members WHERE group_id = $p0", 1))
        using (var delete = new PreparedCommand(_connection, _transaction, "DELETE FROM groups WHERE id = $p0", 1))
        {
            foreach (var id in plan.GroupDeletions)
            {
                _rows += deleteMembers.Execute(id);
                _rows += delete.Execute(id);
            }
        }

        var nextGroup = NextId("groups");
        using (var insert = new PreparedCommand(_connection, _transaction,
            "INSERT INTO groups (id, corp_id, external_id, name, description, is_dynamic) VALUES ($p0, $p1, $p2, $p3, $p4, $p5)", 6))
        using (var update = new PreparedCommand(_connection, _transaction, "UPDATE groups SET name = $p1, description = $p2, is_dynamic = $p3 WHERE id = $p0", 4))
        {
            foreach (var write in plan.GroupWrites)
            {
                if (write.LocalId is { } id)
                {
                    _rows += update.Execute(id, write.Name, write.Description, write.IsDynamic ? 1 : 0);
                    continue;
                }

                groupIds[write.ExternalId] = nextGroup;
                _rows += insert.Execute(nextGroup++, _corpId, write.ExternalId, write.Name, write.Description, write.IsDynamic ? 1 : 0);
            }
        }

        using var add = new PreparedCommand(_connection, _transaction, "INSERT OR IGNORE INTO group_members (group_id, member_id) VALUES ($p0, $p1)", 2);
        using var remove = new PreparedCommand(_connection, _transaction, "DELETE FROM group_members WHERE group_id = $p0 AND member_id = $p1", 2);
        foreach (var change in plan.GroupMemberChanges)
        {
            var groupId = groupIds[change.GroupExternalId];
            var memberId = _memberIds[change.MemberExternalId];
            _rows += change.Add ? add.Execute(groupId, memberId) : remove.Execute(groupId, memberId);
        }
    }

    private long? MemberId(string? externalId) => externalId is not null && _memberIds.TryGetValue(externalId, out var id) ? id : null;

    private long NextId(string table)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = $"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    private static object? Flag(bool? value) => value is { } flag ? (flag ? 1 : 0) : null;
}
