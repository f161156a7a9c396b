using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Corps.Feishu.Contacts;

/// <summary>
/// A small read-only string map stored as two arrays; the keys array is shared by every map of the same key set (see
/// <see cref="StringPool.Keys"/>), so a member's attributes cost one array of values instead of a hash table.
/// </summary>
/// <remarks>A snapshot holds one identity map and one attribute map per member (100,000 of each for a large tenant);
/// lookups are linear, which is as fast as hashing for the dozen entries these maps hold.</remarks>
internal sealed class CompactMap : IReadOnlyDictionary<string, string>
{
    private readonly string[] _keys;
    private readonly string[] _values;

    public CompactMap(string[] keys, string[] values)
    {
        if (keys.Length != values.Length)
            throw new ArgumentException("Keys and values differ in length.", nameof(values));
        _keys = keys;
        _values = values;
    }

    public static CompactMap Empty { get; } = new([], []);

    public int Count => _keys.Length;

    public IEnumerable<string> Keys => _keys;

    public IEnumerable<string> Values => _values;

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The key '{key}' is not in the map.");

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Length; i++)
            yield return new KeyValuePair<string, string>(_keys[i], _values[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (var i = 0; i < _keys.Length; i++)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal))
                return i;
        }

        return -1;
    }
}
