using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>The tenant (the whole organisation).</summary>
internal sealed class WireTenant
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("display_id")]
    public string? DisplayId { get; set; }

    [JsonPropertyName("tenant_key")]
    public string? TenantKey { get; set; }

    [JsonPropertyName("domain")]
    public string? Domain { get; set; }
}
