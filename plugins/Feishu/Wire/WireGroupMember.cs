using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>One entry of a group's member list.</summary>
internal sealed class WireGroupMember
{
    [JsonPropertyName("member_id")]
    public string? MemberId { get; set; }

    [JsonPropertyName("member_type")]
    public string? MemberType { get; set; }

    [JsonPropertyName("member_id_type")]
    public string? MemberIdType { get; set; }
}
