using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>A page of a list whose entries are under <c>items</c>.</summary>
/// <typeparam name="T">The entry type.</typeparam>
public sealed class WireItemsPage<T> : IWirePage
{
    /// <inheritdoc/>
    [JsonPropertyName("has_more")]
    public bool HasMore { get; init; }

    /// <inheritdoc/>
    [JsonPropertyName("page_token")]
    public string? PageToken { get; init; }

    /// <summary>The entries (absent on an empty page).</summary>
    [JsonPropertyName("items")]
    public IReadOnlyList<T>? Items { get; init; }
}
