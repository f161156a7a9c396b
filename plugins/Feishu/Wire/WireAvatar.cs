using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>A user's avatar URLs, by size.</summary>
internal sealed class WireAvatar
{
    [JsonPropertyName("avatar_72")]
    public string? Avatar72 { get; set; }

    [JsonPropertyName("avatar_240")]
    public string? Avatar240 { get; set; }

    [JsonPropertyName("avatar_640")]
    public string? Avatar640 { get; set; }

    [JsonPropertyName("avatar_origin")]
    public string? AvatarOrigin { get; set; }
}
