using Corps.Abstractions;

namespace Corps.Host.Tests.Fakes;

/// <summary>Data builders for snapshots, members and departments.</summary>
public static class Snapshots
{
    public static UpstreamDepartment Dept(string id, string? parent = null, string? name = null, long order = 0, string? leader = null) =>
        new() { ExternalId = id, ParentExternalId = parent, Name = name ?? "Dept " + id, Order = order, LeaderExternalId = leader };

    public static UpstreamMember Member(string id, params string[] departments) => new()
    {
        ExternalId = id,
        Name = "Member " + id,
        Email = id + "@example.com",
        Mobile = null,
        JobTitle = "Engineer",
        Memberships = [.. departments.Select((d, i) => new UpstreamMembership(d, i, i == 0))],
        Identities = new Dictionary<string, string> { ["open_id"] = id, ["union_id"] = "on_" + id, ["user_id"] = "u_" + id, ["tenant_key"] = "t1" },
    };

    public static CorpSnapshot Of(IEnumerable<UpstreamDepartment> departments, IEnumerable<UpstreamMember> members, IEnumerable<UpstreamGroup>? groups = null,
        string rootName = "Acme Tenant") => new()
        {
            RootName = rootName,
            Departments = [.. departments],
            Members = [.. members],
            Groups = [.. groups ?? []],
            FetchedAt = DateTimeOffset.UnixEpoch,
            ApiCalls = 3,
        };

    /// <summary>A small org: A and B under the root, A1 under A; m1 in A, m2 in A1, m3 in B and the root, m4 at the root.</summary>
    public static CorpSnapshot Small() => Of(
        [Dept("A"), Dept("B"), Dept("A1", "A")],
        [Member("m1", "A"), Member("m2", "A1") with { LeaderExternalId = "m1" }, Member("m3", "B", "0"), Member("m4", "0")],
        [new UpstreamGroup { ExternalId = "g1", Name = "Group 1", MemberExternalIds = ["m1", "m2"] }]);

    /// <summary>A generated org of <paramref name="members"/> members in <paramref name="departments"/> departments.</summary>
    public static CorpSnapshot Generated(int departments, int members)
    {
        var depts = Enumerable.Range(1, departments)
            .Select(i => Dept("d" + i, i <= 10 ? null : "d" + (i / 10), order: i))
            .ToList();
        var people = Enumerable.Range(1, members)
            .Select(i => Member("u" + i, "d" + (1 + (i % departments))) with { LeaderExternalId = i > 1 ? "u" + (i / 2) : null })
            .ToList();
        return Of(depts, people);
    }
}
