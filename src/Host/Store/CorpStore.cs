using Corps.Abstractions;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Corps.Host.Store;

/// <summary>The SQLite <see cref="ICorpStore"/> of one corp.</summary>
/// <remarks>Every write is one <c>BEGIN IMMEDIATE</c> transaction that also appends its change log rows.</remarks>
internal sealed class CorpStore(SqliteConnectionFactory connections, CorpElement element, TimeProvider time) : ICorpStore
{
    /// <inheritdoc/>
    public async Task<LocalCorpData> GetLocalCorpDataAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: true);
        var corpId = CorpRows.Find(connection, transaction, element.FullName);
        var state = LocalStateLoader.LoadFull(connection, transaction, corpId);
        var roles = connection.Query<(long MemberId, string RoleId)>("""
            SELECT member_id, role_id FROM role_members WHERE corp_id = @corpId ORDER BY member_id, role_id
            """, new { corpId }, transaction).ToLookup(r => r.MemberId, r => r.RoleId);
        var roleCounts = connection.Query<(string Id, long Count)>("""
            SELECT r.id, COUNT(rm.member_id) FROM roles r
            LEFT JOIN role_members rm ON rm.corp_id = r.corp_id AND rm.role_id = r.id
            WHERE r.corp_id = @corpId GROUP BY r.id ORDER BY r.id
            """, new { corpId }, transaction);
        return new LocalCorpData
        {
            CorpFullName = element.FullName,
            Departments = [.. state.Departments.Values
                .OrderBy(d => d.ExternalId == CorpSnapshot.RootExternalId ? 0 : 1).ThenBy(d => d.Id)
                .Select(LocalModelMapper.ToModel)],
            Members = [.. state.Members.Values.OrderBy(m => m.Id).Select(m => LocalModelMapper.ToModel(m, [.. roles[m.Id]]))],
            Groups = [.. state.Groups.Values.OrderBy(g => g.Id).Select(LocalModelMapper.ToModel)],
            Roles = [.. roleCounts.Select(r => new LocalRole(r.Id, (int)r.Count))],
        };
    }

    /// <inheritdoc/>
    public async Task<LocalDepartment?> GetRootDepartmentAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<LocalDepartment>(new CommandDefinition("""
            SELECT d.id AS Id, d.external_id AS ExternalId, d.parent_id AS ParentId, d.name AS Name, d.sort_order AS "Order",
                d.leader_member_id AS LeaderMemberId, d.is_deleted AS IsDeleted
            FROM departments d JOIN corps c ON c.id = d.corp_id
            WHERE c.full_name = @FullName AND d.external_id = @Root
            """, new { element.FullName, Root = CorpSnapshot.RootExternalId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<RoleMember>> SetMemberRolesAsync(long memberId, IReadOnlyCollection<string> roleIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roleIds);
        var wanted = roleIds.Select(r => r?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Any(r => r.Length == 0))
            throw new CorpException(CorpErrorKind.Configuration, "A role id is empty.", "Name roles by a short key such as 'editor'.");

        return await WriteAsync((connection, transaction, corpId, now) =>
        {
            var externalIds = RequireMembers(connection, transaction, corpId, [memberId]);
            var current = connection.Query<string>("SELECT role_id FROM role_members WHERE member_id = @memberId", new { memberId }, transaction).ToHashSet(StringComparer.Ordinal);
            var added = wanted.Where(r => !current.Contains(r)).ToList();
            var removed = current.Where(r => !wanted.Contains(r)).ToList();
            foreach (var role in added)
            {
                connection.Execute("INSERT OR IGNORE INTO roles (corp_id, id, created_at) VALUES (@corpId, @role, @now)", new { corpId, role, now }, transaction);
                connection.Execute("INSERT INTO role_members (corp_id, role_id, member_id, assigned_at) VALUES (@corpId, @role, @memberId, @now)",
                    new { corpId, role, memberId, now }, transaction);
            }

            foreach (var role in removed)
                connection.Execute("DELETE FROM role_members WHERE member_id = @memberId AND role_id = @role", new { memberId, role }, transaction);
            if (added.Count + removed.Count > 0)
                Log(connection, transaction, corpId, now, "Member", externalIds[memberId], "SetRoles", new { roles = wanted, added, removed });
            return connection.Query<(string RoleId, long MemberId, string AssignedAt)>(
                    "SELECT role_id, member_id, assigned_at FROM role_members WHERE member_id = @memberId ORDER BY role_id", new { memberId }, transaction)
                .Select(r => new RoleMember(r.RoleId, r.MemberId, StoreTime.Parse(r.AssignedAt)))
                .ToList();
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task<int> OfflineMembersAsync(IReadOnlyCollection<long> memberIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memberIds);
        return WriteAsync((connection, transaction, corpId, now) =>
        {
            var externalIds = RequireMembers(connection, transaction, corpId, memberIds);

            // Only the member row: the person and its memberships of other corps keep signing in.
            var changed = connection.Query<long>($"""
                UPDATE members SET status = {(int)MemberStatus.Resigned}, updated_at = @now
                WHERE corp_id = @corpId AND id IN @ids AND status <> {(int)MemberStatus.Resigned}
                RETURNING id
                """, new { corpId, ids = memberIds.Distinct().ToArray(), now }, transaction).ToList();
            foreach (var id in changed)
                Log(connection, transaction, corpId, now, "Member", externalIds[id], "Offline", new { by = "local" });
            return changed.Count;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<string?> GetSignatureAsync(long memberId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var corpId = CorpRows.Find(connection, null, element.FullName);
        RequireMembers(connection, null, corpId, [memberId]);
        return connection.ExecuteScalar<string?>("SELECT url FROM signatures WHERE member_id = @memberId", new { memberId });
    }

    /// <inheritdoc/>
    public Task SaveSignatureAsync(long memberId, string? signatureUrl, CancellationToken cancellationToken) =>
        WriteAsync((connection, transaction, corpId, now) =>
        {
            var externalIds = RequireMembers(connection, transaction, corpId, [memberId]);
            var rows = string.IsNullOrWhiteSpace(signatureUrl)
                ? connection.Execute("DELETE FROM signatures WHERE member_id = @memberId", new { memberId }, transaction)
                : connection.Execute("""
                    INSERT INTO signatures (member_id, url, updated_at) VALUES (@memberId, @signatureUrl, @now)
                    ON CONFLICT (member_id) DO UPDATE SET url = excluded.url, updated_at = excluded.updated_at
                    WHERE signatures.url IS NOT excluded.url
                    """, new { memberId, signatureUrl, now }, transaction);
            if (rows > 0)
                Log(connection, transaction, corpId, now, "Member", externalIds[memberId], "SetSignature", new { cleared = string.IsNullOrWhiteSpace(signatureUrl) });
            return rows;
        }, cancellationToken);

    /// <inheritdoc/>
    public Task SetAdminsAsync(IReadOnlyCollection<long> memberIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memberIds);
        return WriteAsync((connection, transaction, corpId, now) =>
        {
            var externalIds = RequireMembers(connection, transaction, corpId, memberIds);
            var current = connection.Query<long>("SELECT member_id FROM admins WHERE corp_id = @corpId", new { corpId }, transaction).ToHashSet();
            var wanted = memberIds.ToHashSet();
            var removed = current.Where(id => !wanted.Contains(id)).ToList();
            var allExternalIds = removed.Count == 0 ? externalIds : RequireMembers(connection, transaction, corpId, [.. wanted, .. removed]);
            foreach (var id in removed)
            {
                connection.Execute("DELETE FROM admins WHERE corp_id = @corpId AND member_id = @id", new { corpId, id }, transaction);
                Log(connection, transaction, corpId, now, "Member", allExternalIds[id], "AdminRemoved", null);
            }

            foreach (var id in wanted.Where(id => !current.Contains(id)))
            {
                connection.Execute("INSERT INTO admins (corp_id, member_id, assigned_at) VALUES (@corpId, @id, @now)", new { corpId, id, now }, transaction);
                Log(connection, transaction, corpId, now, "Member", externalIds[id], "AdminAdded", null);
            }

            return 0;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<LocalMember>> GetAdminsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: true);
        if (CorpRows.Find(connection, transaction, element.FullName) is not { } corpId)
            return [];

        // Only the admins' rows, not the whole corp: a large corp has few admins.
        var admins = connection.Query<string>("""
            SELECT m.external_id FROM admins a JOIN members m ON m.id = a.member_id WHERE a.corp_id = @corpId
            """, new { corpId }, transaction).ToList();
        var state = LocalStateLoader.LoadPartial(connection, transaction, corpId, admins, []);
        var roles = connection.Query<(long MemberId, string RoleId)>("""
            SELECT rm.member_id, rm.role_id FROM role_members rm JOIN admins a ON a.member_id = rm.member_id AND a.corp_id = rm.corp_id
            WHERE a.corp_id = @corpId ORDER BY rm.role_id
            """, new { corpId }, transaction).ToLookup(r => r.MemberId, r => r.RoleId);
        return [.. state.Members.Values.OrderBy(m => m.Id).Select(m => LocalModelMapper.ToModel(m, [.. roles[m.Id]]))];
    }

    /// <inheritdoc/>
    public async Task<SyncReport?> GetLastRunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var runs = await SyncRunRepository.ListAsync(connection, element.FullName, 1, cancellationToken).ConfigureAwait(false);
        return runs.Count == 0 ? null : runs[0];
    }

    private async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, long, string, T> write, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: false);
        var now = time.GetUtcNow();
        var corpId = CorpRows.Ensure(connection, transaction, element, now);
        var result = write(connection, transaction, corpId, StoreTime.Format(now));
        transaction.Commit();
        return result;
    }

    /// <summary>Member id → external id, after checking every id is a member of this corp.</summary>
    private Dictionary<long, string> RequireMembers(SqliteConnection connection, SqliteTransaction? transaction, long? corpId, IReadOnlyCollection<long> memberIds)
    {
        var found = connection.Query<(long Id, string ExternalId)>(
            "SELECT id, external_id FROM members WHERE corp_id = @corpId AND id IN @ids", new { corpId, ids = memberIds.Distinct().ToArray() }, transaction)
            .ToDictionary(r => r.Id, r => r.ExternalId);
        foreach (var id in memberIds)
        {
            if (!found.ContainsKey(id))
            {
                throw new CorpException(CorpErrorKind.Configuration, $"Member {id} is not a member of {element.FullName}.",
                    $"List the corp's members with 'corps members {element.Name}' and use one of their ids.");
            }
        }

        return found;
    }

    private static void Log(SqliteConnection connection, SqliteTransaction transaction, long corpId, string now, string kind, string externalId, string action, object? detail)
    {
        new ChangeLogWriter(connection, transaction, corpId, runId: null, eventId: null, StoreTime.Parse(now)).Write(kind, externalId, action, detail);
    }
}
