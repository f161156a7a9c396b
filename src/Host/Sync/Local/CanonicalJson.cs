using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Corps.Host.Sync.Local;

/// <summary>String maps as JSON with sorted keys, so that equal maps compare equal as text.</summary>
internal static class CanonicalJson
{
    public const string Empty = "{}";

    // One writer per thread, reset per map: a sync turns 100,000 maps into JSON.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>The map as <c>{"key":"value",…}</c>, keys in ordinal order, escaped as <see cref="JsonSerializer"/> does.</summary>
    /// <remarks>The text must stay byte for byte what <c>JsonSerializer.Serialize</c> of a sorted dictionary gives: stored
    /// rows were written that way and are compared as text, so any other spelling would rewrite every row.</remarks>
    public static string From(IReadOnlyDictionary<string, string>? map)
    {
        if (map is null || map.Count == 0)
            return Empty;
        var pairs = new KeyValuePair<string, string>[map.Count];
        var count = 0;
        foreach (var pair in map)
            pairs[count++] = pair;
        Array.Sort(pairs, static (a, b) => string.CompareOrdinal(a.Key, b.Key));

        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(512);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        writer.WriteStartObject();
        foreach (var (key, value) in pairs)
            writer.WriteString(key, value);
        writer.WriteEndObject();
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static Dictionary<string, string> Parse(string? json) =>
        string.IsNullOrEmpty(json) || json == Empty
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? new Dictionary<string, string>(StringComparer.Ordinal);
}
