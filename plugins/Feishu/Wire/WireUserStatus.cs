using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>A user's account state flags.</summary>
internal sealed class WireUserStatus
{
    [JsonPropertyName("is_frozen")]
    public bool? IsFrozen { get; set; }

    [JsonPropertyName("is_resigned")]
    public bool? IsResigned { get; set; }

    [JsonPropertyName("is_activated")]
    public bool? IsActivated { get; set; }

    [JsonPropertyName("is_exited")]
    public bool? IsExited { get; set; }

    [JsonPropertyName("is_unjoin")]
    public bool? IsUnjoin { get; set; }
}
