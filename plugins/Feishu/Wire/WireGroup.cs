using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>A user group as <c>group/simplelist</c> returns it.</summary>
internal sealed class WireGroup
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("member_user_count")]
    public int? MemberUserCount { get; set; }

    /// <summary>Departments among the members; always 0 for dynamic groups (the docs).</summary>
    [JsonPropertyName("member_department_count")]
    public int? MemberDepartmentCount { get; set; }

    [JsonPropertyName("type")]
    public int? Type { get; set; }
}
