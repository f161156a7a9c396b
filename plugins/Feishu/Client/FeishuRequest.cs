namespace Corps.Feishu.Client;

/// <summary>One Open API call: what <see cref="FeishuClient.SendAsync{T}"/> sends.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path from the host, e.g. <c>/open-apis/contact/v3/users/find_by_department</c>.</param>
public sealed record FeishuRequest(HttpMethod Method, string Path)
{
    /// <summary>Query parameters; a key may repeat (array parameters are repeated keys on this API).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];

    /// <summary>The API's name for pacing, e.g. <c>GET /contact/v3/departments/:id/children</c>; by default the method
    /// and the path (give it whenever the path holds an id, or every id gets its own budget).</summary>
    public string? Api { get; init; }

    /// <summary>A JSON body, if any (already serialized).</summary>
    public ReadOnlyMemory<byte>? JsonBody { get; init; }

    /// <summary>False for the token call itself: no <c>Authorization</c> header.</summary>
    public bool Authenticated { get; init; } = true;

    /// <summary>The pacing key.</summary>
    internal string ApiKey => Api ?? $"{Method.Method} {Path}";

    /// <summary>Returns a copy with one more query parameter.</summary>
    public FeishuRequest With(string key, string value) => this with { Query = [.. Query, new(key, value)] };
}
