using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>A user's place in one department: sort orders and the primary flag.</summary>
internal sealed class WireUserOrder
{
    [JsonPropertyName("department_id")]
    public string? DepartmentId { get; set; }

    [JsonPropertyName("user_order")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? UserOrder { get; set; }

    [JsonPropertyName("department_order")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? DepartmentOrder { get; set; }

    [JsonPropertyName("is_primary_dept")]
    public bool? IsPrimaryDept { get; set; }
}
