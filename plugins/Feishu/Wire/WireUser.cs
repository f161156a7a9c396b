using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>
/// A contact v3 user, as reads and events carry it. Every field but the ids is gated by a field permission and is
/// simply absent without it, so everything is nullable: absent means "unknown", never "empty".
/// </summary>
internal sealed class WireUser
{
    [JsonPropertyName("open_id")]
    public string? OpenId { get; init; }

    [JsonPropertyName("union_id")]
    public string? UnionId { get; init; }

    [JsonPropertyName("user_id")]
    public string? UserId { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("en_name")]
    public string? EnName { get; init; }

    [JsonPropertyName("nickname")]
    public string? Nickname { get; init; }

    [JsonPropertyName("email")]
    public string? Email { get; init; }

    [JsonPropertyName("enterprise_email")]
    public string? EnterpriseEmail { get; init; }

    [JsonPropertyName("mobile")]
    public string? Mobile { get; init; }

    [JsonPropertyName("gender")]
    public int? Gender { get; init; }

    [JsonPropertyName("avatar")]
    public WireAvatar? Avatar { get; init; }

    [JsonPropertyName("status")]
    public WireUserStatus? Status { get; init; }

    [JsonPropertyName("department_ids")]
    public IReadOnlyList<string>? DepartmentIds { get; init; }

    [JsonPropertyName("leader_user_id")]
    public string? LeaderUserId { get; init; }

    [JsonPropertyName("city")]
    public string? City { get; init; }

    [JsonPropertyName("country")]
    public string? Country { get; init; }

    [JsonPropertyName("work_station")]
    public string? WorkStation { get; init; }

    [JsonPropertyName("join_time")]
    public long? JoinTime { get; init; }

    [JsonPropertyName("is_tenant_manager")]
    public bool? IsTenantManager { get; init; }

    [JsonPropertyName("employee_no")]
    public string? EmployeeNo { get; init; }

    [JsonPropertyName("employee_type")]
    public int? EmployeeType { get; init; }

    [JsonPropertyName("job_title")]
    public string? JobTitle { get; init; }

    [JsonPropertyName("orders")]
    public IReadOnlyList<WireUserOrder>? Orders { get; init; }

    [JsonPropertyName("custom_attrs")]
    public IReadOnlyList<WireCustomAttr>? CustomAttrs { get; init; }

    [JsonPropertyName("job_level_id")]
    public string? JobLevelId { get; init; }

    [JsonPropertyName("job_family_id")]
    public string? JobFamilyId { get; init; }

    [JsonPropertyName("time_zone")]
    public string? TimeZone { get; init; }
}
