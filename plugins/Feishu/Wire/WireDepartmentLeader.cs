using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>One leader of a department (1 main, 2 deputy). The wire uses camelCase here, unlike elsewhere.</summary>
internal sealed class WireDepartmentLeader
{
    [JsonPropertyName("leaderType")]
    public int? LeaderType { get; set; }

    [JsonPropertyName("leaderID")]
    public string? LeaderId { get; set; }
}
