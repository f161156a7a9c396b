using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>A contact v3 department, as reads and events carry it; every field but the open id may be absent.</summary>
internal sealed class WireDepartment
{
    [JsonPropertyName("open_department_id")]
    public string? OpenDepartmentId { get; set; }

    [JsonPropertyName("department_id")]
    public string? DepartmentId { get; set; }

    [JsonPropertyName("parent_department_id")]
    public string? ParentDepartmentId { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("i18n_name")]
    public WireI18nName? I18nName { get; set; }

    [JsonPropertyName("leader_user_id")]
    public string? LeaderUserId { get; set; }

    [JsonPropertyName("chat_id")]
    public string? ChatId { get; set; }

    /// <summary>A string in reads, a number in events: the converter takes both.</summary>
    [JsonPropertyName("order")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? Order { get; set; }

    [JsonPropertyName("unit_ids")]
    public IReadOnlyList<string>? UnitIds { get; set; }

    [JsonPropertyName("member_count")]
    public int? MemberCount { get; set; }

    [JsonPropertyName("status")]
    public WireDepartmentStatus? Status { get; set; }

    [JsonPropertyName("leaders")]
    public IReadOnlyList<WireDepartmentLeader>? Leaders { get; set; }
}
