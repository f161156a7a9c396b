using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>A department's state.</summary>
internal sealed class WireDepartmentStatus
{
    [JsonPropertyName("is_deleted")]
    public bool? IsDeleted { get; set; }
}
