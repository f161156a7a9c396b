using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>The <c>error</c> object some failed calls add: the log id and what was violated.</summary>
public sealed class FeishuErrorDetail
{
    /// <summary>The upstream log id, to quote to Feishu/Lark support.</summary>
    [JsonPropertyName("log_id")]
    public string? LogId { get; init; }

    /// <summary>The permissions (scopes) the app lacks, for 99991672 / 99991679.</summary>
    [JsonPropertyName("permission_violations")]
    public IReadOnlyList<FeishuViolation>? PermissionViolations { get; init; }

    /// <summary>The request fields that were rejected.</summary>
    [JsonPropertyName("field_violations")]
    public IReadOnlyList<FeishuFieldViolation>? FieldViolations { get; init; }
}
