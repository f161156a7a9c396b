using Corps.Emulator.Options;
using Corps.Emulator.Tests.Support;

namespace Corps.Emulator.Tests;

public sealed class OAuthTests
{
    private static async Task<string> AuthorizeAsync(FeishuHttp client, string user, string scope = "offline_access contact:user.base:readonly")
    {
        using var handlerless = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = client.Http.BaseAddress };
        var app = EmulatorOptions.DefaultApp;
        var url = $"/open-apis/authen/v1/authorize?client_id={app.AppId}&redirect_uri={Uri.EscapeDataString("http://127.0.0.1:9/cb")}&response_type=code&state=s1&scope={Uri.EscapeDataString(scope)}&emulator_user={user}";
        using var response = await handlerless.GetAsync(url);
        Assert.Equal(302, (int)response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith("http://127.0.0.1:9/cb?code=", location.ToString(), StringComparison.Ordinal);
        Assert.Contains("state=s1", location.Query, StringComparison.Ordinal);
        return System.Web.HttpUtility.ParseQueryString(location.Query)["code"]!;
    }

    [Fact]
    public async Task CodeFlow_TokenUserInfoRefresh_Rotates()
    {
        await using var server = await Emulators.StartAsync();
        using var client = new FeishuHttp(server);
        var person = server.Org.Document.Users.First(u => !u.Status.IsResigned && !u.Status.IsFrozen && u.DepartmentIds.Count > 0);
        var code = await AuthorizeAsync(client, person.OpenId);
        var app = EmulatorOptions.DefaultApp;
        var token = await client.SendAsync(HttpMethod.Post, "/open-apis/authen/v2/oauth/token", null,
            new { grant_type = "authorization_code", client_id = app.AppId, client_secret = app.AppSecret, code, redirect_uri = "http://127.0.0.1:9/cb" });
        Assert.Equal(0, token.Code);
        Assert.Equal("Bearer", token.Json.GetProperty("token_type").GetString());
        var access = token.Json.GetProperty("access_token").GetString()!;
        var refresh = token.Json.GetProperty("refresh_token").GetString()!;
        Assert.StartsWith("u-", access);
        Assert.StartsWith("ur-", refresh);

        var info = await client.GetAsync("/open-apis/authen/v1/user_info", access);
        Assert.Equal(person.OpenId, info.Data.GetProperty("open_id").GetString());
        Assert.Equal(person.Email, info.Data.GetProperty("email").GetString());
        Assert.Equal(server.Org.Tenant.TenantKey, info.Data.GetProperty("tenant_key").GetString());

        var reused = await client.SendAsync(HttpMethod.Post, "/open-apis/authen/v2/oauth/token", null,
            new { grant_type = "authorization_code", client_id = app.AppId, client_secret = app.AppSecret, code });
        Assert.Equal(20003, reused.Code);
        Assert.Equal("invalid_grant", reused.Json.GetProperty("error").GetString());

        var refreshed = await client.SendAsync(HttpMethod.Post, "/open-apis/authen/v2/oauth/token", null,
            new { grant_type = "refresh_token", client_id = app.AppId, client_secret = app.AppSecret, refresh_token = refresh });
        Assert.Equal(0, refreshed.Code);
        Assert.NotEqual(refresh, refreshed.Json.GetProperty("refresh_token").GetString());
        var again = await client.SendAsync(HttpMethod.Post, "/open-apis/authen/v2/oauth/token", null,
            new { grant_type = "refresh_token", client_id = app.AppId, client_secret = app.AppSecret, refresh_token = refresh });
        Assert.Equal(20026, again.Code);
    }

    [Fact]
    public async Task Token_WrongSecret_InvalidClient()
    {
        await using var server = await Emulators.StartAsync();
        using var client = new FeishuHttp(server);
        var r = await client.SendAsync(HttpMethod.Post, "/open-apis/authen/v2/oauth/token", null,
            new { grant_type = "authorization_code", client_id = EmulatorOptions.DefaultApp.AppId, client_secret = "nope", code = "x" });
        Assert.Equal(400, r.Status);
        Assert.Equal(20002, r.Code);
        Assert.Equal("invalid_client", r.Json.GetProperty("error").GetString());
    }

    [Fact]
    public async Task UserInfo_TenantToken_99991668()
    {
        await using var server = await Emulators.StartAsync();
        using var client = new FeishuHttp(server);
        var r = await client.GetAsync("/open-apis/authen/v1/user_info", await client.TenantTokenAsync());
        Assert.Equal(99991668, r.Code);
    }

    [Fact]
    public async Task CodeFlow_ResignedUser_20010()
    {
        await using var server = await Emulators.StartAsync();
        using var client = new FeishuHttp(server);
        var resigned = server.Org.Document.Users.First(u => u.Status.IsResigned);
        var code = await AuthorizeAsync(client, resigned.OpenId);
        var app = EmulatorOptions.DefaultApp;
        var r = await client.SendAsync(HttpMethod.Post, "/open-apis/authen/v2/oauth/token", null,
            new { grant_type = "authorization_code", client_id = app.AppId, client_secret = app.AppSecret, code });
        Assert.Equal(20010, r.Code);
    }
}
