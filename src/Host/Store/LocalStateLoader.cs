using Corps.Abstractions;
using Corps.Host.Sync.Local;
using Microsoft.Data.Sqlite;

namespace Corps.Host.Store;

/// <summary>Reads a corp's local state with a handful of set-based queries (never one query per row).</summary>
internal static class LocalStateLoader
{
    private const string MemberColumns = """
        m.id, m.person_id, m.external_id, m.name, m.english_name, m.email, m.mobile, m.avatar_url, m.job_title,
        m.employee_no, m.employee_type, m.status, m.leader_member_id, m.is_tenant_manager, m.attributes, m.last_event_at
        """;

    /// <summary>Everything the planner compares for a full sync.</summary>
    public static LocalState LoadFull(SqliteConnection connection, SqliteTransaction transaction, long? corpId)
    {
        var state = LocalState.Empty();
        if (corpId is not { } id)
            return state;

        LoadDepartments(connection, transaction, id, state, "corp_id = $corp", []);
        var members = LoadMembers(connection, transaction, id, "m.corp_id = $corp", []);
        LoadIdentities(connection, transaction, "SELECT member_id, kind, value FROM identities WHERE corp_id = $corp", id, members);
        LoadMemberships(connection, transaction,
            "SELECT ms.member_id, ms.department_id, ms.sort_order, ms.is_primary FROM memberships ms JOIN members m ON m.id = ms.member_id WHERE m.corp_id = $corp",
            id, members);
        foreach (var member in members.Values)
            state.Add(member);
        LoadGroups(connection, transaction, id, state);
        return state;
    }

    /// <summary>
    /// What an event needs: the members named by <paramref name="memberExternalIds"/> (or, with
    /// <paramref name="departmentId"/>, the members of that department), the external ids of the other members the plan
    /// may name as leaders (<paramref name="otherExternalIds"/>) or that stored rows point at, and the departments: every
    /// one, or with <paramref name="departmentExternalIds"/> (a member's event) only those, the root and the ones the
    /// loaded members belong to — all a member's plan looks up, whatever the size of the tree.
    /// </summary>
    public static LocalState LoadPartial(SqliteConnection connection, SqliteTransaction transaction, long corpId,
        IReadOnlyCollection<string> memberExternalIds, IReadOnlyCollection<string> otherExternalIds, long? departmentId = null,
        IReadOnlyDictionary<string, string>? identities = null, IReadOnlyCollection<string>? departmentExternalIds = null)
    {
        var state = LocalState.Empty();
        if (departmentExternalIds is null)
            LoadDepartments(connection, transaction, corpId, state, "corp_id = $corp", []);

        var parameters = new List<SqliteParameter>();
        var filter = departmentId is { } department
            ? "m.corp_id = $corp AND m.id IN (SELECT member_id FROM memberships WHERE department_id = $department)"
            : $"m.corp_id = $corp AND m.external_id IN ({InList("$e", memberExternalIds, parameters)})";
        if (departmentId is { } departmentParameter)
            parameters.Add(new SqliteParameter("$department", departmentParameter));
        var members = LoadMembers(connection, transaction, corpId, filter, parameters);
        var ids = string.Join(",", members.Keys);
        LoadIdentities(connection, transaction, $"SELECT member_id, kind, value FROM identities WHERE member_id IN ({ids})", corpId, members);
        LoadMemberships(connection, transaction,
            $"SELECT member_id, department_id, sort_order, is_primary FROM memberships WHERE member_id IN ({ids})", corpId, members);
        foreach (var member in members.Values)
            state.Add(member);
        if (departmentExternalIds is not null)
        {
            // By key, two lookups that each use an index (one OR of both would scan the corp's departments).
            var named = new List<SqliteParameter>();
            LoadDepartments(connection, transaction, corpId, state,
                $"corp_id = $corp AND external_id IN ({InList("$d", [CorpSnapshot.RootExternalId, .. departmentExternalIds], named)})", named);
            var held = string.Join(",", members.Values.SelectMany(m => m.Memberships).Select(m => m.DepartmentId).Distinct());
            LoadDepartments(connection, transaction, corpId, state, $"id IN ({held}) AND +corp_id = $corp", []);
        }

        // Who holds the identity values the event sets: a value that moved from another member is freed before it is set.
        foreach (var (kind, value) in identities ?? new Dictionary<string, string>())
        {
            // A value a loaded member already holds is theirs alone (the index is unique): no need to ask.
            if (IdentityKinds.Shared.Contains(kind) || state.IdentityOwners.ContainsKey((kind, value)))
                continue;
            // The shared-kind term repeats the unique index's own condition, so SQLite can use it (without it: a table scan).
            using var owner = Command(connection, transaction,
                $"SELECT member_id FROM identities WHERE corp_id = $corp AND kind = $kind AND value = $value AND {IdentityKinds.NotSharedSql}", corpId);
            owner.Parameters.AddWithValue("$kind", kind);
            owner.Parameters.AddWithValue("$value", value);
            if (owner.ExecuteScalar() is long ownerId)
                state.IdentityOwners[(kind, value)] = ownerId;
        }

        // Leaders the stored rows point at, and the ones the event names, resolved to external ids. Two lookups rather than
        // one OR, and '+corp_id' keeps the first on the primary key: either alternative scans every member of the corp.
        var others = new List<SqliteParameter>();
        var leaderIds = string.Join(",", state.Members.Values.Select(m => m.LeaderMemberId)
            .Concat(state.Departments.Values.Select(d => d.LeaderMemberId)).OfType<long>().Distinct());
        using var command = Command(connection, transaction, $"""
            SELECT id, external_id FROM members WHERE id IN ({leaderIds}) AND +corp_id = $corp
            UNION
            SELECT id, external_id FROM members WHERE corp_id = $corp AND external_id IN ({InList("$o", otherExternalIds, others)})
            """, corpId);
        command.Parameters.AddRange(others);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!members.ContainsKey(reader.GetInt64(0)))
                state.OtherMemberExternalIds[reader.GetInt64(0)] = reader.GetString(1);
        }

        return state;
    }

    private static void LoadDepartments(SqliteConnection connection, SqliteTransaction transaction, long corpId, LocalState state, string filter,
        List<SqliteParameter> parameters)
    {
        using var command = Command(connection, transaction, $"""
            SELECT id, external_id, parent_id, name, sort_order, leader_member_id, is_deleted, identities, attributes, last_event_at
            FROM departments WHERE {filter}
            """, corpId);
        command.Parameters.AddRange(parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            state.Add(new LocalDepartmentRow
            {
                Id = reader.GetInt64(0),
                ExternalId = reader.GetString(1),
                ParentId = reader.IsDBNull(2) ? null : reader.GetInt64(2),
                Name = reader.GetString(3),
                Order = reader.GetInt64(4),
                LeaderMemberId = reader.IsDBNull(5) ? null : reader.GetInt64(5),
                IsDeleted = reader.GetInt64(6) != 0,
                IdentitiesJson = reader.GetString(7),
                AttributesJson = reader.GetString(8),
                LastEventAt = reader.IsDBNull(9) ? null : StoreTime.Parse(reader.GetString(9)),
            });
        }
    }

    private static Dictionary<long, LocalMemberRow> LoadMembers(SqliteConnection connection, SqliteTransaction transaction, long corpId,
        string filter, List<SqliteParameter> parameters)
    {
        var members = new Dictionary<long, LocalMemberRow>();
        var shared = new SharedStrings();
        using var command = Command(connection, transaction, $"SELECT {MemberColumns} FROM members m WHERE {filter}", corpId);
        command.Parameters.AddRange(parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var member = new LocalMemberRow
            {
                Id = reader.GetInt64(0),
                PersonId = reader.GetInt64(1),
                ExternalId = reader.GetString(2),
                Name = Text(reader, 3),
                EnglishName = Text(reader, 4),
                Email = Text(reader, 5),
                Mobile = Text(reader, 6),
                AvatarUrl = Text(reader, 7),
                JobTitle = shared.Share(Text(reader, 8)),
                EmployeeNo = Text(reader, 9),
                EmployeeType = shared.Share(Text(reader, 10)),
                Status = (MemberStatus)reader.GetInt32(11),
                LeaderMemberId = reader.IsDBNull(12) ? null : reader.GetInt64(12),
                IsTenantManager = reader.IsDBNull(13) ? null : reader.GetInt64(13) != 0,
                AttributesJson = reader.GetString(14),
                LastEventAt = reader.IsDBNull(15) ? null : StoreTime.Parse(reader.GetString(15)),
            };
            members[member.Id] = member;
        }

        return members;
    }

    private static void LoadIdentities(SqliteConnection connection, SqliteTransaction transaction, string sql, long corpId,
        Dictionary<long, LocalMemberRow> members)
    {
        // Every member has the same few kinds, and the tenant key is one value for the whole corp.
        var shared = new SharedStrings();
        using var command = Command(connection, transaction, sql, corpId);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!members.TryGetValue(reader.GetInt64(0), out var member))
                continue;
            var kind = shared.Share(reader.GetString(1))!;
            var value = reader.GetString(2);
            member.Identities[kind] = IdentityKinds.Shared.Contains(kind) ? shared.Share(value)! : value;
        }
    }

    private static void LoadMemberships(SqliteConnection connection, SqliteTransaction transaction, string sql, long corpId,
        Dictionary<long, LocalMemberRow> members)
    {
        using var command = Command(connection, transaction, sql, corpId);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (members.TryGetValue(reader.GetInt64(0), out var member))
                member.Memberships.Add(new LocalMembershipRow(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3) != 0));
        }
    }

    private static void LoadGroups(SqliteConnection connection, SqliteTransaction transaction, long corpId, LocalState state)
    {
        var groups = new Dictionary<long, LocalGroupRow>();
        using (var command = Command(connection, transaction, "SELECT id, external_id, name, description, is_dynamic FROM groups WHERE corp_id = $corp", corpId))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var group = new LocalGroupRow { Id = reader.GetInt64(0), ExternalId = reader.GetString(1), Name = reader.GetString(2), Description = Text(reader, 3), IsDynamic = reader.GetInt64(4) != 0 };
                groups[group.Id] = group;
                state.Add(group);
            }
        }

        using var members = Command(connection, transaction,
            "SELECT gm.group_id, gm.member_id FROM group_members gm JOIN groups g ON g.id = gm.group_id WHERE g.corp_id = $corp", corpId);
        using var memberReader = members.ExecuteReader();
        while (memberReader.Read())
        {
            if (groups.TryGetValue(memberReader.GetInt64(0), out var group))
                group.MemberIds.Add(memberReader.GetInt64(1));
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, long corpId)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$corp", corpId);
        return command;
    }

    /// <summary>A parameter list for <c>IN (…)</c>; <c>NULL</c> for an empty one, which matches nothing.</summary>
    private static string InList(string prefix, IReadOnlyCollection<string> values, List<SqliteParameter> parameters)
    {
        if (values.Count == 0)
            return "NULL";
        var names = new List<string>(values.Count);
        foreach (var value in values)
        {
            var name = prefix + names.Count;
            names.Add(name);
            parameters.Add(new SqliteParameter(name, value));
        }

        return string.Join(",", names);
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
