using System.Text.Json;
using System.Text.Json.Serialization;

namespace Corps.Emulator.Org;

/// <summary>Source-generated JSON for the organisation file (snake_case, like the wire).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(OrgDocument))]
internal sealed partial class OrgJsonContext : JsonSerializerContext;
