using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>A custom attribute's value; which members are set depends on the attribute's type.</summary>
internal sealed class WireCustomAttrValue
{
    [JsonPropertyName("text")]
    public string? Text { get; init; }

    [JsonPropertyName("url")]
    public string? Url { get; init; }

    [JsonPropertyName("option_id")]
    public string? OptionId { get; init; }

    [JsonPropertyName("option_value")]
    public string? OptionValue { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("picture_url")]
    public string? PictureUrl { get; init; }

    [JsonPropertyName("generic_user")]
    public WireGenericUser? GenericUser { get; init; }
}
