using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>A custom attribute's value; which members are set depends on the attribute's type.</summary>
internal sealed class WireCustomAttrValue
{
    [JsonPropertyName("text")]
    public string? Text { get; set; }

    [JsonPropertyName("url")]
    public string? Url { get; set; }

    [JsonPropertyName("option_id")]
    public string? OptionId { get; set; }

    [JsonPropertyName("option_value")]
    public string? OptionValue { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("picture_url")]
    public string? PictureUrl { get; set; }

    [JsonPropertyName("generic_user")]
    public WireGenericUser? GenericUser { get; set; }
}
