using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>
/// A contact v3 user, as reads and events carry it. Every field but the ids is gated by a field permission and is
/// simply absent without it, so everything is nullable: absent means "unknown", never "empty".
/// </summary>
internal sealed class WireUser
{
    [JsonPropertyName("open_id")]
    public string? OpenId { get; set; }

    [JsonPropertyName("union_id")]
    public string? UnionId { get; set; }

    [JsonPropertyName("user_id")]
    public string? UserId { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("en_name")]
    public string? EnName { get; set; }

    [JsonPropertyName("nickname")]
    public string? Nickname { get; set; }

    [JsonPropertyName("email")]
    public string? Email { get; set; }

    [JsonPropertyName("enterprise_email")]
    public string? EnterpriseEmail { get; set; }

    [JsonPropertyName("mobile")]
    public string? Mobile { get; set; }

    [JsonPropertyName("gender")]
    public int? Gender { get; set; }

    [JsonPropertyName("avatar")]
    public WireAvatar? Avatar { get; set; }

    [JsonPropertyName("status")]
    public WireUserStatus? Status { get; set; }

    [JsonPropertyName("department_ids")]
    public IReadOnlyList<string>? DepartmentIds { get; set; }

    [JsonPropertyName("leader_user_id")]
    public string? LeaderUserId { get; set; }

    [JsonPropertyName("city")]
    public string? City { get; set; }

    [JsonPropertyName("country")]
    public string? Country { get; set; }

    [JsonPropertyName("work_station")]
    public string? WorkStation { get; set; }

    [JsonPropertyName("join_time")]
    public long? JoinTime { get; set; }

    [JsonPropertyName("is_tenant_manager")]
    public bool? IsTenantManager { get; set; }

    [JsonPropertyName("employee_no")]
    public string? EmployeeNo { get; set; }

    [JsonPropertyName("employee_type")]
    public int? EmployeeType { get; set; }

    [JsonPropertyName("job_title")]
    public string? JobTitle { get; set; }

    [JsonPropertyName("orders")]
    public IReadOnlyList<WireUserOrder>? Orders { get; set; }

    [JsonPropertyName("custom_attrs")]
    public IReadOnlyList<WireCustomAttr>? CustomAttrs { get; set; }

    [JsonPropertyName("job_level_id")]
    public string? JobLevelId { get; set; }

    [JsonPropertyName("job_family_id")]
    public string? JobFamilyId { get; set; }

    [JsonPropertyName("time_zone")]
    public string? TimeZone { get; set; }
}
