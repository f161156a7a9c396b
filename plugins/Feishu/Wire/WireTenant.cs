using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>The tenant (the whole organisation).</summary>
internal sealed class WireTenant
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("display_id")]
    public string? DisplayId { get; init; }

    [JsonPropertyName("tenant_key")]
    public string? TenantKey { get; init; }

    [JsonPropertyName("domain")]
    public string? Domain { get; init; }
}
