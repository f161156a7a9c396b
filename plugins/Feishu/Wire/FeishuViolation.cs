using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>One permission violation: <c>{"type":"action_scope_required","subject":"contact:user.id:readonly"}</c>.</summary>
public sealed class FeishuViolation
{
    /// <summary>The kind of violation.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>The scope (permission) that is required.</summary>
    [JsonPropertyName("subject")]
    public string? Subject { get; init; }
}
