using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>The answer of the token endpoint: auth v3 puts its fields at the top level, with no <c>data</c>.</summary>
internal sealed class WireTokenResponse : IFeishuResponse
{
    [JsonPropertyName("code")]
    public int Code { get; init; }

    [JsonPropertyName("msg")]
    public string? Msg { get; init; }

    [JsonPropertyName("error")]
    public FeishuErrorDetail? Error { get; init; }

    [JsonPropertyName("tenant_access_token")]
    public string? TenantAccessToken { get; init; }

    /// <summary>Seconds the token lives.</summary>
    [JsonPropertyName("expire")]
    public int? Expire { get; init; }
}
