using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Corps.Emulator.Tests.Support;

/// <summary>A thin raw-HTTP client for the emulator (the tests check the wire, so no SDK in between).</summary>
internal sealed class FeishuHttp(EmulatorServer server) : IDisposable
{
    public HttpClient Http { get; } = new() { BaseAddress = server.BaseUrl };

    public async Task<ApiResponse> TokenResponseAsync(string appId, string secret, bool app = false) =>
        await SendAsync(HttpMethod.Post, app ? "/open-apis/auth/v3/app_access_token/internal" : "/open-apis/auth/v3/tenant_access_token/internal",
            null, new { app_id = appId, app_secret = secret });

    public async Task<string> TenantTokenAsync(string? appId = null)
    {
        var app = appId is null ? server.Options.Apps.FirstOrDefault() ?? Corps.Emulator.Options.EmulatorOptions.DefaultApp
            : server.Options.Apps.First(a => a.AppId == appId);
        var r = await TokenResponseAsync(app.AppId, app.AppSecret);
        Assert.Equal(0, r.Code);
        return r.Json.GetProperty("tenant_access_token").GetString()!;
    }

    public Task<ApiResponse> GetAsync(string path, string? token) => SendAsync(HttpMethod.Get, path, token, null);

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, string? token, object? body, string? rawAuthorization = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (rawAuthorization is not null) request.Headers.TryAddWithoutValidation("Authorization", rawAuthorization);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 && text[0] == '{' ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return new ApiResponse((int)response.StatusCode, json, response.Headers, text);
    }

    /// <summary>Follows page_token until has_more is false; returns every item of <paramref name="listKey"/>.</summary>
    public async Task<List<JsonElement>> PageAllAsync(string path, string token, string listKey = "items")
    {
        var items = new List<JsonElement>();
        string? pageToken = null;
        for (var guard = 0; guard < 100_000; guard++)
        {
            var sep = path.Contains('?') ? '&' : '?';
            var r = await GetAsync(pageToken is null ? path : path + sep + "page_token=" + Uri.EscapeDataString(pageToken), token);
            Assert.True(r.Code == 0, r.Text);
            if (r.Data.TryGetProperty(listKey, out var list)) items.AddRange(list.EnumerateArray());
            if (!r.Data.GetProperty("has_more").GetBoolean())
            {
                Assert.False(r.Data.TryGetProperty("page_token", out _), "page_token must be absent on the last page");
                return items;
            }
            pageToken = r.Data.GetProperty("page_token").GetString();
        }
        throw new InvalidOperationException("Paging never ended.");
    }

    public void Dispose() => Http.Dispose();
}
