using System.Text.Json.Serialization;

namespace Corps.Feishu.Wire;

/// <summary>The Open API's response envelope: <c>{"code":0,"msg":"…","data":{…}}</c>; success iff <see cref="Code"/> is 0.</summary>
/// <typeparam name="T">The shape of <c>data</c>.</typeparam>
public sealed class FeishuEnvelope<T> : IFeishuResponse
{
    /// <inheritdoc/>
    [JsonPropertyName("code")]
    public int Code { get; init; }

    /// <inheritdoc/>
    [JsonPropertyName("msg")]
    public string? Msg { get; init; }

    /// <summary>The payload; null on errors and for calls that return none.</summary>
    [JsonPropertyName("data")]
    public T? Data { get; init; }

    /// <inheritdoc/>
    [JsonPropertyName("error")]
    public FeishuErrorDetail? Error { get; init; }
}
