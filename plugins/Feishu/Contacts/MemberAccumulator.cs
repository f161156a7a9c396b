using Corps.Abstractions;
using Corps.Feishu.Wire;

namespace Corps.Feishu.Contacts;

/// <summary>
/// Collects users as the fetch meets them (a person in three departments is met three times) and merges them into
/// one member each, with every membership seen. Thread-safe: departments are read concurrently.
/// </summary>
/// <remarks>Each user is mapped when it is met and its wire object dropped at once: a large tenant's snapshot would
/// otherwise hold every page's JSON objects until the fetch ends. The last copy met of a user wins, as upstream may
/// have changed it between two pages.</remarks>
internal sealed class MemberAccumulator
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly StringPool _pool;

    public MemberAccumulator(StringPool? pool = null) => _pool = pool ?? new StringPool();

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

        // Mapped outside the lock: departments are read concurrently and the mapping is most of the work.
        var member = WireMapper.ToMember(user, tenantKey: null, memberships: null, _pool);
        var own = WireMapper.OwnMemberships(user, _pool);
        var found = departmentId is null ? null : WireMapper.ForDepartment(user, _pool.Intern(departmentId)!);
        lock (_lock)
        {
            if (!_entries.TryGetValue(member.ExternalId, out var entry))
            {
                _entries[member.ExternalId] = entry = new Entry(member, own);
            }
            else
            {
                entry.Member = member;
                entry.Own = own;
            }

            if (found is not null)
                entry.Found(found);
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
                foreach (var own in entry.Own ?? [])
                    memberships.TryAdd(own.DepartmentExternalId, own);
                foreach (var found in entry.FoundIn)
                    memberships.TryAdd(found.DepartmentExternalId, found);
                var kept = memberships.Values
                    .Where(m => m.DepartmentExternalId == CorpSnapshot.RootExternalId || departments.Contains(m.DepartmentExternalId))
                    .ToList();
                IReadOnlyList<UpstreamMembership>? target = kept;
                if (kept.Count == 0)
                {
                    // Someone who left upstream but still sits in a user group: where they worked is unknown, not the
                    // root, so the pool keeps the memberships it last knew (as for anyone else who left).
                    target = entry.Member.Status == MemberStatus.Resigned ? null : [new UpstreamMembership(CorpSnapshot.RootExternalId, 0, true)];
                }

                members.Add(entry.Member with
                {
                    Memberships = target,
                    Identities = WireMapper.WithTenantKey(entry.Member.Identities, tenantKey, _pool),
                });
            }

            _entries.Clear();
            return members;
        }
    }

    private sealed class Entry(UpstreamMember member, List<UpstreamMembership>? own)
    {
        public UpstreamMember Member { get; set; } = member;

        public List<UpstreamMembership>? Own { get; set; } = own;

        /// <summary>The departments whose listing held the user, in the order first met (most hold one).</summary>
        public List<UpstreamMembership> FoundIn { get; } = new(1);

        /// <summary>Records a listing; a department listed twice keeps its place and its latest order.</summary>
        public void Found(UpstreamMembership membership)
        {
            var index = FoundIn.FindIndex(m => m.DepartmentExternalId == membership.DepartmentExternalId);
            if (index >= 0)
                FoundIn[index] = membership;
            else
                FoundIn.Add(membership);
        }
    }
}
