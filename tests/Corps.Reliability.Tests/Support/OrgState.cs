using Corps.Emulator;
using Corps.Emulator.Org;

namespace Corps.Reliability.Tests.Support;

/// <summary>
/// What matters of one corp, keyed by upstream ids only (no local ids, no timestamps): departments with parent and name,
/// members with name and status, memberships, identities. Read from the emulator's org (what a complete sync must
/// produce) or from a store file (what it did produce), so the two compare exactly.
/// </summary>
internal sealed record OrgState(
    IReadOnlyList<string> Departments,
    IReadOnlyList<string> Members,
    IReadOnlyList<string> Memberships,
    IReadOnlyList<string> Identities)
{
    public static OrgState Empty { get; } = new([], [], [], []);

    /// <summary>What a complete sync must leave: the organisation a full-scope app with every permission sees
    /// (departments not deleted, people in a department), plus the people the store knew before (<paramref name="previous"/>)
    /// who have left since: offlined in place, keeping their last-known name, memberships and identities.</summary>
    public static OrgState FromEmulator(EmulatorServer emulator, OrgState? previous = null)
    {
        using var read = emulator.Org.EnterRead();
        var document = emulator.Org.Document;
        var departments = document.Departments.Where(d => !d.Status.IsDeleted)
            .Select(d => $"{d.OpenDepartmentId}|{d.ParentDepartmentId}|{d.Name}").ToList();
        // People who left but are still named in a user group come back through users/batch (resigned, no departments):
        // offlined, keeping the memberships the store last knew. Everyone else without a department is invisible.
        var grouped = emulator.Org.Groups.SelectMany(g => g.Members).Where(m => m.MemberType == "user").Select(m => m.MemberId).ToHashSet(StringComparer.Ordinal);
        var listed = document.Users.Where(u => u.DepartmentIds.Count > 0 || grouped.Contains(u.OpenId)).ToList();
        var listedIds = listed.Select(u => u.OpenId).ToHashSet(StringComparer.Ordinal);
        var members = listed.Select(u => $"{u.OpenId}|{u.Name}|{Status(u.Status)}").ToList();
        static string Owner(string row) => row[..row.IndexOf('|', StringComparison.Ordinal)];
        var memberships = listed.SelectMany(u => u.DepartmentIds.Count > 0
            ? u.DepartmentIds.Select(d => $"{u.OpenId}|{d}")
            : Status(u.Status) == "Resigned"
                ? (previous?.Memberships ?? []).Where(m => Owner(m) == u.OpenId)
                : [$"{u.OpenId}|0"]).ToList();
        var identities = listed.SelectMany(u => new[]
        {
            $"{u.OpenId}|open_id|{u.OpenId}",
            $"{u.OpenId}|union_id|{u.UnionId}",
            $"{u.OpenId}|user_id|{u.UserId}",
            $"{u.OpenId}|tenant_key|{document.Tenant.TenantKey}",
        }).ToList();
        if (previous is not null)
        {
            members.AddRange(previous.Members.Where(m => !listedIds.Contains(Owner(m))).Select(m => m[..m.LastIndexOf('|')] + "|Resigned"));
            memberships.AddRange(previous.Memberships.Where(m => !listedIds.Contains(Owner(m))));
            identities.AddRange(previous.Identities.Where(i => !listedIds.Contains(Owner(i))));
        }

        return Sorted(departments, members, memberships, identities);
    }

    /// <summary>The corp's state in a store file (deleted departments left out; offlined members kept as Resigned).</summary>
    public static OrgState FromStore(string path, string corpFullName = "corps.Acme")
    {
        if (!File.Exists(path))
            return Empty;
        using var connection = StoreDump.Open(path);
        // A process killed while it created the store leaves a file without tables: an empty store, as the next run sees it.
        if (StoreDump.Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'corps'").Count == 0)
            return Empty;
        var corp = StoreDump.Query(connection, $"SELECT id FROM corps WHERE full_name = '{corpFullName}'");
        if (corp.Count == 0)
            return Empty;
        var id = corp[0];
        var departments = StoreDump.Query(connection, $"""
            SELECT d.external_id, COALESCE(p.external_id, '0'), d.name FROM departments d LEFT JOIN departments p ON p.id = d.parent_id
            WHERE d.corp_id = {id} AND d.is_deleted = 0 AND d.external_id <> '0'
            """);
        var members = StoreDump.Query(connection, $"SELECT external_id, name, status FROM members WHERE corp_id = {id}")
            .Select(row => row.Split('|') is var parts ? $"{parts[0]}|{parts[1]}|{(Corps.Abstractions.MemberStatus)int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture)}" : row)
            .ToList();
        var memberships = StoreDump.Query(connection, $"""
            SELECT m.external_id, d.external_id FROM memberships ms JOIN members m ON m.id = ms.member_id JOIN departments d ON d.id = ms.department_id
            WHERE m.corp_id = {id}
            """);
        var identities = StoreDump.Query(connection, $"""
            SELECT m.external_id, i.kind, i.value FROM identities i JOIN members m ON m.id = i.member_id WHERE i.corp_id = {id}
            """);
        return Sorted(departments, members, memberships, identities);
    }

    /// <summary>Null when equal; else what differs (first few), for an assertion message.</summary>
    public string? DifferenceFrom(OrgState other)
    {
        var problems = new List<string>();
        Compare("departments", Departments, other.Departments, problems);
        Compare("members", Members, other.Members, problems);
        Compare("memberships", Memberships, other.Memberships, problems);
        Compare("identities", Identities, other.Identities, problems);
        return problems.Count == 0 ? null : string.Join('\n', problems);
    }

    /// <summary>Duplicates inside one list (a row stored twice).</summary>
    public IEnumerable<string> Duplicates() =>
        new[] { Departments, Members, Memberships, Identities }.SelectMany(list => list.GroupBy(x => x, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key));

    /// <summary>The same state without resigned people (and their memberships and identities).</summary>
    public OrgState WithoutResigned()
    {
        var resigned = Members.Where(m => m.EndsWith("|Resigned", StringComparison.Ordinal)).Select(m => m[..m.IndexOf('|', StringComparison.Ordinal)])
            .ToHashSet(StringComparer.Ordinal);
        bool Keep(string row) => !resigned.Contains(row[..row.IndexOf('|', StringComparison.Ordinal)]);
        return new OrgState(Departments, [.. Members.Where(Keep)], [.. Memberships.Where(Keep)], [.. Identities.Where(Keep)]);
    }

    public int ActiveMembers => Members.Count(m => m.EndsWith("|Active", StringComparison.Ordinal));

    private static void Compare(string what, IReadOnlyList<string> mine, IReadOnlyList<string> theirs, List<string> problems)
    {
        var onlyMine = mine.Except(theirs, StringComparer.Ordinal).ToList();
        var onlyTheirs = theirs.Except(mine, StringComparer.Ordinal).ToList();
        if (mine.Count != theirs.Count || onlyMine.Count > 0 || onlyTheirs.Count > 0)
            problems.Add($"{what}: {mine.Count} vs {theirs.Count}; only here ({onlyMine.Count}): [{string.Join("; ", onlyMine.Take(3))}]; only there ({onlyTheirs.Count}): [{string.Join("; ", onlyTheirs.Take(3))}]");
    }

    private static OrgState Sorted(List<string> departments, List<string> members, List<string> memberships, List<string> identities)
    {
        departments.Sort(StringComparer.Ordinal);
        members.Sort(StringComparer.Ordinal);
        memberships.Sort(StringComparer.Ordinal);
        identities.Sort(StringComparer.Ordinal);
        return new OrgState(departments, members, memberships, identities);
    }

    private static string Status(OrgUserStatus status) => status switch
    {
        { IsResigned: true } or { IsExited: true } => "Resigned",
        { IsFrozen: true } => "Frozen",
        { IsActivated: false } or { IsUnjoin: true } => "NotActivated",
        _ => "Active",
    };
}
