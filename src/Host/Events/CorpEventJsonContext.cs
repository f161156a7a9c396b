using System.Text.Json;
using System.Text.Json.Serialization;
using Corps.Abstractions;

namespace Corps.Host.Events;

/// <summary>Source-generated JSON for inbox payloads: every acknowledgement writes one and every apply reads one.</summary>
[JsonSerializable(typeof(CorpEvent))]
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class CorpEventJsonContext : JsonSerializerContext;
