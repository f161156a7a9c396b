using System.Text.Json;

namespace Corps.Host.Sync.Local;

/// <summary>String maps as JSON with sorted keys, so that equal maps compare equal as text.</summary>
internal static class CanonicalJson
{
    public const string Empty = "{}";

    public static string From(IReadOnlyDictionary<string, string>? map)
    {
        if (map is null || map.Count == 0)
            return Empty;
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in map)
            sorted[key] = value;
        return JsonSerializer.Serialize(sorted);
    }

    public static Dictionary<string, string> Parse(string? json) =>
        string.IsNullOrEmpty(json) || json == Empty
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? new Dictionary<string, string>(StringComparer.Ordinal);
}
