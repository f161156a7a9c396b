using System.Text.Json;
using System.Text.Json.Serialization;

namespace Corps.Host.Store;

/// <summary>How the store writes JSON columns (counts, guard decisions, details): camelCase, enums as names.</summary>
internal static class StoreJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
