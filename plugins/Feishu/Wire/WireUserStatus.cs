using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>A user's account state flags.</summary>
internal sealed class WireUserStatus
{
    [JsonPropertyName("is_frozen")]
    public bool? IsFrozen { get; init; }

    [JsonPropertyName("is_resigned")]
    public bool? IsResigned { get; init; }

    [JsonPropertyName("is_activated")]
    public bool? IsActivated { get; init; }

    [JsonPropertyName("is_exited")]
    public bool? IsExited { get; init; }

    [JsonPropertyName("is_unjoin")]
    public bool? IsUnjoin { get; init; }
}
