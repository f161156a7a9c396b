namespace Corps.Host.Store;

/// <summary>
/// One instance per distinct value for the columns that repeat across a corp's rows (identity kinds, the tenant key,
/// job titles, employee types): a 100k-person load otherwise keeps a copy per row.
/// </summary>
/// <remarks>Bounded, so a column that turns out not to repeat costs a lookup and no more memory. Not thread-safe: one
/// per load.</remarks>
internal sealed class SharedStrings
{
    private const int MaxDistinct = 4096;
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <summary>The shared instance equal to <paramref name="value"/> (null stays null).</summary>
    public string? Share(string? value)
    {
        if (value is null)
            return null;
        if (_values.TryGetValue(value, out var shared))
            return shared;
        if (_values.Count < MaxDistinct)
            _values.Add(value, value);
        return value;
    }
}
