namespace Corps.Feishu.Contacts;

/// <summary>Collects the entries of one <see cref="CompactMap"/>; a later value for a key replaces the earlier one.</summary>
internal sealed class CompactMapBuilder
{
    private readonly List<string> _keys;
    private readonly List<string> _values;

    public CompactMapBuilder(int capacity = 16)
    {
        _keys = new List<string>(capacity);
        _values = new List<string>(capacity);
    }

    /// <summary>Sets <paramref name="key"/> unless <paramref name="value"/> is null (unknown upstream).</summary>
    public CompactMapBuilder AddIf(string key, string? value)
    {
        if (value is null)
            return this;
        var index = _keys.IndexOf(key);
        if (index >= 0)
        {
            _values[index] = value;
        }
        else
        {
            _keys.Add(key);
            _values.Add(value);
        }

        return this;
    }

    /// <summary>The map, its keys array shared through <paramref name="pool"/> (or its own without one).</summary>
    public CompactMap Build(StringPool? pool) =>
        _keys.Count == 0 ? CompactMap.Empty : new CompactMap(pool?.Keys(_keys) ?? [.. _keys], [.. _values]);
}
