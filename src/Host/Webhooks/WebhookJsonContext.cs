using System.Text.Json.Serialization;

namespace Corps.Host.Webhooks;

/// <summary>Source-generated JSON for the endpoint's replies.</summary>
[JsonSerializable(typeof(WebhookMessage))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
