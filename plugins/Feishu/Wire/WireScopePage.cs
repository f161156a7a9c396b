using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>A page of <c>GET /contact/v3/scopes</c>: the app's contact scope.</summary>
internal sealed class WireScopePage : IWirePage
{
    [JsonPropertyName("has_more")]
    public bool HasMore { get; set; }

    [JsonPropertyName("page_token")]
    public string? PageToken { get; set; }

    [JsonPropertyName("department_ids")]
    public IReadOnlyList<string>? DepartmentIds { get; set; }

    [JsonPropertyName("user_ids")]
    public IReadOnlyList<string>? UserIds { get; set; }

    [JsonPropertyName("group_ids")]
    public IReadOnlyList<string>? GroupIds { get; set; }
}
