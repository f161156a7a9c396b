using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>A contact v3 department, as reads and events carry it; every field but the open id may be absent.</summary>
internal sealed class WireDepartment
{
    [JsonPropertyName("open_department_id")]
    public string? OpenDepartmentId { get; init; }

    [JsonPropertyName("department_id")]
    public string? DepartmentId { get; init; }

    [JsonPropertyName("parent_department_id")]
    public string? ParentDepartmentId { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("i18n_name")]
    public WireI18nName? I18nName { get; init; }

    [JsonPropertyName("leader_user_id")]
    public string? LeaderUserId { get; init; }

    [JsonPropertyName("chat_id")]
    public string? ChatId { get; init; }

    /// <summary>A string in reads, a number in events: the converter takes both.</summary>
    [JsonPropertyName("order")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? Order { get; init; }

    [JsonPropertyName("unit_ids")]
    public IReadOnlyList<string>? UnitIds { get; init; }

    [JsonPropertyName("member_count")]
    public int? MemberCount { get; init; }

    [JsonPropertyName("status")]
    public WireDepartmentStatus? Status { get; init; }

    [JsonPropertyName("leaders")]
    public IReadOnlyList<WireDepartmentLeader>? Leaders { get; init; }
}
