using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>A user group as <c>group/simplelist</c> returns it.</summary>
internal sealed class WireGroup
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("member_user_count")]
    public int? MemberUserCount { get; init; }

    [JsonPropertyName("type")]
    public int? Type { get; init; }
}
