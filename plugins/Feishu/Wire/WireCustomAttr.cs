using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>One custom attribute value of a user.</summary>
internal sealed class WireCustomAttr
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("value")]
    public WireCustomAttrValue? Value { get; set; }
}
