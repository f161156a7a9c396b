using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>The answer of the token endpoint: auth v3 puts its fields at the top level, with no <c>data</c>.</summary>
internal sealed class WireTokenResponse : IFeishuResponse
{
    [JsonPropertyName("code")]
    public int Code { get; set; }

    [JsonPropertyName("msg")]
    public string? Msg { get; set; }

    [JsonPropertyName("error")]
    public FeishuErrorDetail? Error { get; set; }

    [JsonPropertyName("tenant_access_token")]
    public string? TenantAccessToken { get; set; }

    /// <summary>Seconds the token lives.</summary>
    [JsonPropertyName("expire")]
    public int? Expire { get; set; }
}
