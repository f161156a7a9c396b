using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>The <c>data</c> of <c>GET /contact/v3/departments/:id</c>.</summary>
internal sealed class WireDepartmentData
{
    [JsonPropertyName("department")]
    public WireDepartment? Department { get; set; }
}
