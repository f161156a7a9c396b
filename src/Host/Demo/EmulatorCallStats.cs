using System.Net.Http.Json;
using System.Text.Json;

namespace Corps.Host.Demo;

/// <summary>Reads and resets the emulator's per-endpoint call counts through its control API (<c>/_emulator/stats</c>).</summary>
internal sealed class EmulatorCallStats(Uri baseUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseUrl };

    /// <summary>Forgets the counts so far.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsync(new Uri("/_emulator/stats/reset", UriKind.Relative), null, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Calls per endpoint since the last reset, and how many of them were throttled.</summary>
    public async Task<ApiCallCount> ReadAsync(CancellationToken cancellationToken)
    {
        var stats = await _http.GetFromJsonAsync<JsonElement>(new Uri("/_emulator/stats", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        var calls = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long throttled = 0;
        foreach (var endpoint in stats.GetProperty("endpoints").EnumerateObject())
        {
            calls[endpoint.Name] = endpoint.Value.GetProperty("calls").GetInt64();
            throttled += endpoint.Value.GetProperty("throttled").GetInt64();
        }

        return new ApiCallCount(stats.GetProperty("total_calls").GetInt64(), throttled, calls);
    }

    public void Dispose() => _http.Dispose();
}
