using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>A department's localized names.</summary>
internal sealed class WireI18nName
{
    [JsonPropertyName("zh_cn")]
    public string? ZhCn { get; set; }

    [JsonPropertyName("ja_jp")]
    public string? JaJp { get; set; }

    [JsonPropertyName("en_us")]
    public string? EnUs { get; set; }
}
