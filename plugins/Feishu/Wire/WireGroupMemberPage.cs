using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>A page of <c>GET /contact/v3/group/:id/member/simplelist</c> (entries under <c>memberlist</c>).</summary>
internal sealed class WireGroupMemberPage : IWirePage
{
    [JsonPropertyName("has_more")]
    public bool HasMore { get; set; }

    [JsonPropertyName("page_token")]
    public string? PageToken { get; set; }

    [JsonPropertyName("memberlist")]
    public IReadOnlyList<WireGroupMember>? MemberList { get; set; }
}
