using Corps.Abstractions;
using Corps.Feishu.Wire;

namespace Corps.Feishu.Contacts;

/// <summary>
/// Collects users as the fetch meets them (a person in three departments is met three times) and merges them into
/// one member each, with every membership seen. Thread-safe: departments are read concurrently.
/// </summary>
internal sealed class MemberAccumulator
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_lock)
                return _entries.Count;
        }
    }

    public bool Contains(string openId)
    {
        lock (_lock)
            return _entries.ContainsKey(openId);
    }

    /// <summary>Adds a user met in <paramref name="departmentId"/> (null: met outside any department listing).</summary>
    public void Add(WireUser user, string? departmentId)
    {
        if (string.IsNullOrEmpty(user.OpenId))
            throw new UpstreamException("The contact API returned a user without open_id.", "Report this with the API's log id; the sync cannot key such a user.");
        lock (_lock)
        {
            if (!_entries.TryGetValue(user.OpenId, out var entry))
                _entries[user.OpenId] = entry = new Entry(user);
            else
                entry.User = user;
            if (departmentId is not null)
                entry.FoundIn[departmentId] = WireMapper.ForDepartment(user, departmentId);
        }
    }

    /// <summary>Builds the members. Memberships naming a department outside <paramref name="departments"/> are dropped;
    /// a member left with none hangs under the root (a user scoped on its own, whose departments the app cannot see),
    /// unless they left upstream: then their memberships are unknown (null).</summary>
    public List<UpstreamMember> Build(IReadOnlySet<string> departments, string? tenantKey)
    {
        lock (_lock)
        {
            var members = new List<UpstreamMember>(_entries.Count);
            foreach (var entry in _entries.Values)
            {
                var memberships = new Dictionary<string, UpstreamMembership>(StringComparer.Ordinal);
                foreach (var own in WireMapper.OwnMemberships(entry.User) ?? [])
                    memberships.TryAdd(own.DepartmentExternalId, own);
                foreach (var (id, found) in entry.FoundIn)
                    memberships.TryAdd(id, found);
                var kept = memberships.Values
                    .Where(m => m.DepartmentExternalId == CorpSnapshot.RootExternalId || departments.Contains(m.DepartmentExternalId))
                    .ToList();
                var member = WireMapper.ToMember(entry.User, tenantKey, kept);
                if (kept.Count == 0)
                {
                    // Someone who left upstream but still sits in a user group: where they worked is unknown, not the
                    // root, so the pool keeps the memberships it last knew (as for anyone else who left).
                    member = member.Status == MemberStatus.Resigned
                        ? member with { Memberships = null }
                        : member with { Memberships = [new UpstreamMembership(CorpSnapshot.RootExternalId, 0, true)] };
                }

                members.Add(member);
            }

            return members;
        }
    }

    private sealed class Entry(WireUser user)
    {
        public WireUser User { get; set; } = user;

        public Dictionary<string, UpstreamMembership> FoundIn { get; } = new(StringComparer.Ordinal);
    }
}
