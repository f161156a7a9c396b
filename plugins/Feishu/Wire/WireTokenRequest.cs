using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>The body of <c>POST /auth/v3/tenant_access_token/internal</c>.</summary>
internal sealed class WireTokenRequest
{
    [JsonPropertyName("app_id")]
    public required string AppId { get; set; }

    [JsonPropertyName("app_secret")]
    public required string AppSecret { get; set; }
}
