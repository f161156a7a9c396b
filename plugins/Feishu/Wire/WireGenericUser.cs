using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>A user reference inside a custom attribute.</summary>
internal sealed class WireGenericUser
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }
}
