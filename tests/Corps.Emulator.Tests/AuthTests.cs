using Corps.Emulator.Options;
using Corps.Emulator.Tests.Fakes;
using Corps.Emulator.Tests.Support;

namespace Corps.Emulator.Tests;

public sealed class AuthTests
{
    private const string Users = "/open-apis/contact/v3/users/find_by_department?department_id=0";

    [Fact]
    public async Task TenantToken_RightSecret_IssuesTopLevelToken()
    {
        await using var server = await Emulators.StartAsync();
        using var client = new FeishuHttp(server);
        var app = EmulatorOptions.DefaultApp;
        var r = await client.TokenResponseAsync(app.AppId, app.AppSecret);
        Assert.Equal(200, r.Status);
        Assert.Equal(0, r.Code);
        Assert.StartsWith("t-", r.Json.GetProperty("tenant_access_token").GetString());
        Assert.Equal(7200, r.Json.GetProperty("expire").GetInt32());
        Assert.False(r.Json.TryGetProperty("data", out _));
        Assert.NotNull(r.Header("X-Tt-Logid"));
    }

    [Fact]
    public async Task AppToken_RightSecret_IssuesAppAndTenantToken()
    {
        await using var server = await Emulators.StartAsync();
        using var client = new FeishuHttp(server);
        var app = EmulatorOptions.DefaultApp;
        var r = await client.TokenResponseAsync(app.AppId, app.AppSecret, app: true);
        Assert.StartsWith("a-", r.Json.GetProperty("app_access_token").GetString());
        Assert.StartsWith("t-", r.Json.GetProperty("tenant_access_token").GetString());
    }

    [Theory]
    [InlineData("cli_a1b2c3d4e5f60718", "wrong", 10014)]
    [InlineData("cli_0000000000000000", "whatever", 10014)]
    [InlineData("", "", 10003)]
    public async Task TenantToken_BadCredentials_RealCodes(string appId, string secret, int code)
    {
        await using var server = await Emulators.StartAsync();
        using var client = new FeishuHttp(server);
        var r = await client.TokenResponseAsync(appId, secret);
        Assert.Equal(code, r.Code);
        Assert.Equal(400, r.Status);
    }

    [Fact]
    public async Task TenantToken_WithMoreThanAQuarterLeft_SameToken_ThenNewOneAndOldStillValid()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        await using var server = await Emulators.StartAsync(new EmulatorOptions { Generate = Emulators.SmallOrg, TimeProvider = time });
        using var client = new FeishuHttp(server);
        var first = await client.TenantTokenAsync();
        time.Advance(TimeSpan.FromMinutes(80));
        Assert.Equal(first, await client.TenantTokenAsync());
        time.Advance(TimeSpan.FromMinutes(11));
        var second = await client.TenantTokenAsync();
        Assert.NotEqual(first, second);
        Assert.Equal(0, (await client.GetAsync(Users, first)).Code);
        time.Advance(TimeSpan.FromMinutes(30));
        var expired = await client.GetAsync(Users, first);
        Assert.Equal(99991663, expired.Code);
        Assert.Equal(0, (await client.GetAsync(Users, second)).Code);
    }

    [Fact]
    public async Task ContactRead_NoAuthorization_99991661()
    {
        await using var server = await Emulators.StartAsync();
        using var client = new FeishuHttp(server);
        var r = await client.GetAsync(Users, null);
        Assert.Equal(99991661, r.Code);
        Assert.Equal(400, r.Status);
        Assert.Equal(r.Header("X-Tt-Logid"), r.Json.GetProperty("error").GetProperty("log_id").GetString());
    }

    [Fact]
    public async Task ContactRead_AuthorizationWithoutBearer_99991661()
    {
        await using var server = await Emulators.StartAsync();
        using var client = new FeishuHttp(server);
        var token = await client.TenantTokenAsync();
        var r = await client.SendAsync(HttpMethod.Get, Users, null, null, rawAuthorization: token);
        Assert.Equal(99991661, r.Code);
    }

    [Fact]
    public async Task ContactRead_UnknownToken_99991663()
    {
        await using var server = await Emulators.StartAsync();
        using var client = new FeishuHttp(server);
        var r = await client.GetAsync(Users, "t-g1notatoken");
        Assert.Equal(99991663, r.Code);
    }

    [Fact]
    public async Task ContactRead_RevokedThroughControlApi_99991663UntilNewToken()
    {
        await using var server = await Emulators.StartAsync();
        using var client = new FeishuHttp(server);
        var token = await client.TenantTokenAsync();
        var revoke = await client.SendAsync(HttpMethod.Post, $"/_emulator/apps/{EmulatorOptions.DefaultApp.AppId}/revoke", null, null);
        Assert.Equal(1, revoke.Json.GetProperty("revoked").GetInt32());
        Assert.Equal(99991663, (await client.GetAsync(Users, token)).Code);
        var fresh = await client.TenantTokenAsync();
        Assert.NotEqual(token, fresh);
        Assert.Equal(0, (await client.GetAsync(Users, fresh)).Code);
    }

    [Fact]
    public async Task ContactRead_ShortLifetime_ExpiresOnTheClock()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        await using var server = await Emulators.StartAsync(new EmulatorOptions { Generate = Emulators.SmallOrg, TimeProvider = time, TokenLifetime = TimeSpan.FromSeconds(60) });
        using var client = new FeishuHttp(server);
        var r = await client.TokenResponseAsync(EmulatorOptions.DefaultApp.AppId, EmulatorOptions.DefaultApp.AppSecret);
        Assert.Equal(60, r.Json.GetProperty("expire").GetInt32());
        var token = r.Json.GetProperty("tenant_access_token").GetString()!;
        time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(99991663, (await client.GetAsync(Users, token)).Code);
    }
}
