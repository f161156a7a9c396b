using System.Text.Json.Serialization;

namespace Corps.Emulator.Org;

/// <summary>A department leader (Feishu spells these keys in camelCase).</summary>
public sealed class OrgDepartmentLeader
{
    /// <summary>1 main leader, 2 deputy.</summary>
    [JsonPropertyName("leaderType")]
    public int LeaderType { get; set; } = 1;

    /// <summary>The leader's open_id.</summary>
    [JsonPropertyName("leaderID")]
    public string LeaderId { get; set; } = "";
}
