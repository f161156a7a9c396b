using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>One rejected request field.</summary>
public sealed class FeishuFieldViolation
{
    /// <summary>The field.</summary>
    [JsonPropertyName("field")]
    public string? Field { get; init; }

    /// <summary>Why it was rejected.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }
}
