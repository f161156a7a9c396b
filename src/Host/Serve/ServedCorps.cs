using Corps.Abstractions;

namespace Corps.Host.Serve;

/// <summary>A fixed list of corps, looked up by element name or full name (both case-sensitive, as on disk).</summary>
public sealed class ServedCorps : IServedCorps
{
    private readonly Dictionary<string, ICorp> _byName = new(StringComparer.Ordinal);

    /// <summary>Serves <paramref name="corps"/>; full names must be unique.</summary>
    public ServedCorps(IEnumerable<ICorp> corps)
    {
        ArgumentNullException.ThrowIfNull(corps);
        All = corps.ToList();
        foreach (var corp in All)
        {
            if (!_byName.TryAdd(corp.FullName, corp))
                throw new ArgumentException($"Two corps share the full name '{corp.FullName}'.", nameof(corps));
            _byName.TryAdd(corp.CorpData.Name, corp);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<ICorp> All { get; }

    /// <inheritdoc/>
    public ICorp? Find(string name) => _byName.GetValueOrDefault(name);
}
