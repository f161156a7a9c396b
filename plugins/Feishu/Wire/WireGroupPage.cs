using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>A page of <c>GET /contact/v3/group/simplelist</c> (entries under <c>grouplist</c>).</summary>
internal sealed class WireGroupPage : IWirePage
{
    [JsonPropertyName("has_more")]
    public bool HasMore { get; set; }

    [JsonPropertyName("page_token")]
    public string? PageToken { get; set; }

    [JsonPropertyName("grouplist")]
    public IReadOnlyList<WireGroup>? GroupList { get; set; }
}
