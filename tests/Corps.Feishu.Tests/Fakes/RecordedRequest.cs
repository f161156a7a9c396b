namespace Corps.Feishu.Tests.Fakes;

/// <summary>One request the fake handler saw.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? BearerToken, string? Body)
{
    public bool IsToken => Uri.AbsolutePath.EndsWith("/tenant_access_token/internal", StringComparison.Ordinal);

    public string Path => Uri.AbsolutePath;

    public string? Query(string key) =>
        Uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => Uri.UnescapeDataString(p[0]) == key)
            .Select(p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""))
            .FirstOrDefault();
}
