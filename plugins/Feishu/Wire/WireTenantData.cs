using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>The <c>data</c> of <c>GET /tenant/v2/tenant/query</c>.</summary>
internal sealed class WireTenantData
{
    [JsonPropertyName("tenant")]
    public WireTenant? Tenant { get; set; }
}
