using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>A department's localized names.</summary>
internal sealed class WireI18nName
{
    [JsonPropertyName("zh_cn")]
    public string? ZhCn { get; init; }

    [JsonPropertyName("ja_jp")]
    public string? JaJp { get; init; }

    [JsonPropertyName("en_us")]
    public string? EnUs { get; init; }
}
