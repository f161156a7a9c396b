using System.Collections.Concurrent;

namespace Corps.Feishu.Contacts;

/// <summary>
/// De-duplicates the strings a snapshot repeats for every member — department ids, attribute keys, cities, countries,
/// job titles, custom attribute values — so that 100,000 members share one copy of each instead of one per member
/// (every JSON page deserializes its own). Thread-safe; one pool lives as long as one fetch.
/// </summary>
/// <remarks>Only values with few distinct instances are pooled (the caller chooses): names, emails and ids are
/// unique per person and would only grow the pool.</remarks>
internal sealed class StringPool
{
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _customKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<KeySet, string[]> _keySets = new();

    /// <summary>The pooled copy of <paramref name="value"/> (null stays null).</summary>
    public string? Intern(string? value) =>
        value is null ? null : value.Length == 0 ? string.Empty : _strings.GetOrAdd(value, value);

    /// <summary>The attribute key of a custom attribute, <c>custom.&lt;id&gt;</c>, built once per id.</summary>
    public string CustomKey(string id) => _customKeys.GetOrAdd(id, static id => "custom." + id);

    /// <summary>One shared array per distinct, ordered set of keys.</summary>
    public string[] Keys(List<string> keys)
    {
        var probe = new KeySet([.. keys]);
        return _keySets.GetOrAdd(probe, probe.Keys);
    }

    private readonly struct KeySet(string[] keys) : IEquatable<KeySet>
    {
        public string[] Keys { get; } = keys;

        public bool Equals(KeySet other) => Keys.AsSpan().SequenceEqual(other.Keys, StringComparer.Ordinal);

        public override bool Equals(object? obj) => obj is KeySet other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var key in Keys)
                hash.Add(key, StringComparer.Ordinal);
            return hash.ToHashCode();
        }
    }
}
