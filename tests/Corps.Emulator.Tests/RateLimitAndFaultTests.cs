using Corps.Emulator.Options;
using Corps.Emulator.Tests.Fakes;
using Corps.Emulator.Tests.Support;

namespace Corps.Emulator.Tests;

public sealed class RateLimitAndFaultTests
{
    private const string Users = "/open-apis/contact/v3/users/find_by_department?department_id=0";

    [Fact]
    public async Task RateLimit_OverPerSecond_429WithHeaders_ThenNextSecondAllowed()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56).AddMilliseconds(250));
        await using var server = await Emulators.StartAsync(new EmulatorOptions
        {
            Generate = Emulators.SmallOrg, TimeProvider = time, RateLimit = RateLimitOptions.Parse("3/s,100/min"),
        });
        using var client = new FeishuHttp(server);
        var token = await client.TenantTokenAsync();
        for (var i = 0; i < 3; i++) Assert.Equal(0, (await client.GetAsync(Users, token)).Code);
        var limited = await client.GetAsync(Users, token);
        Assert.Equal(429, limited.Status);
        Assert.Equal(99991400, limited.Code);
        Assert.Equal("request trigger frequency limit", limited.Json.GetProperty("msg").GetString());
        Assert.Equal("3", limited.Header("x-ogw-ratelimit-limit"));
        Assert.Equal("1", limited.Header("x-ogw-ratelimit-reset"));
        Assert.Equal(0, (await client.GetAsync("/open-apis/contact/v3/departments/0/children", token)).Code);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, (await client.GetAsync(Users, token)).Code);
        var stats = await client.GetAsync("/_emulator/stats", null);
        var counters = stats.Json.GetProperty("endpoints").GetProperty("GET /open-apis/contact/v3/users/find_by_department");
        Assert.Equal(5, counters.GetProperty("calls").GetInt32());
        Assert.Equal(1, counters.GetProperty("throttled").GetInt32());
    }

    [Fact]
    public async Task RateLimit_PerMinuteWindow_ResetIsSecondsToTheMinute()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56).AddSeconds(20));
        await using var server = await Emulators.StartAsync(new EmulatorOptions
        {
            Generate = Emulators.SmallOrg, TimeProvider = time, RateLimit = RateLimitOptions.Parse("2/min"),
        });
        using var client = new FeishuHttp(server);
        var token = await client.TenantTokenAsync();
        await client.GetAsync(Users, token);
        await client.GetAsync(Users, token);
        var limited = await client.GetAsync(Users, token);
        Assert.Equal("2", limited.Header("x-ogw-ratelimit-limit"));
        Assert.Equal("40", limited.Header("x-ogw-ratelimit-reset"));
    }

    [Fact]
    public void RateLimitOptions_Parse_Modes()
    {
        Assert.Equal(RateLimitMode.Off, RateLimitOptions.Parse("off").Mode);
        var realistic = RateLimitOptions.Parse("realistic");
        Assert.Equal((50, 1000), (realistic.PerSecond, realistic.PerMinute));
        Assert.Equal((5, 0), (RateLimitOptions.Parse("5/s").PerSecond, RateLimitOptions.Parse("5/s").PerMinute));
        Assert.Throws<FormatException>(() => RateLimitOptions.Parse("lots"));
    }

    [Fact]
    public async Task Faults_ServerErrors_RoughlyTheRateAndSameEverySeed()
    {
        var statuses = new List<List<int>>();
        for (var run = 0; run < 2; run++)
        {
            await using var server = await Emulators.StartAsync(new EmulatorOptions { Generate = Emulators.SmallOrg });
            using var client = new FeishuHttp(server);
            var token = await client.TenantTokenAsync();
            server.Faults = FaultOptions.Parse("seed=9,5xx=20%");
            var list = new List<int>();
            for (var i = 0; i < 300; i++) list.Add((await client.GetAsync(Users, token)).Status);
            statuses.Add(list);
        }
        Assert.Equal(statuses[0], statuses[1]);
        var errors = statuses[0].Count(s => s >= 500);
        Assert.InRange(errors, 35, 85);
        Assert.Contains(500, statuses[0]);
        Assert.Contains(502, statuses[0]);
        Assert.Contains(503, statuses[0]);
    }

    [Fact]
    public async Task Faults_DropMalformedStorm_EachObserved()
    {
        await using var server = await Emulators.StartAsync(new EmulatorOptions { Generate = Emulators.SmallOrg });
        using var client = new FeishuHttp(server);
        var token = await client.TenantTokenAsync();
        server.Faults = FaultOptions.Parse("seed=3,drop=10%,malformed=10%,storm=10%");
        int drops = 0, malformed = 0, storms = 0;
        for (var i = 0; i < 200; i++)
        {
            try
            {
                using var response = await client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, Users) { Headers = { { "Authorization", "Bearer " + token } } });
                var text = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode == 429) storms++;
                else
                {
                    try
                    {
                        System.Text.Json.JsonDocument.Parse(text).Dispose();
                    }
                    catch (System.Text.Json.JsonException)
                    {
                        malformed++;
                    }
                }
            }
            catch (HttpRequestException)
            {
                drops++;
            }
        }
        Assert.InRange(drops, 8, 40);
        Assert.InRange(malformed, 6, 40);
        Assert.InRange(storms, 6, 40);
    }

    [Fact]
    public async Task Faults_RevokeAfterN_TokenDiesOnce()
    {
        await using var server = await Emulators.StartAsync(new EmulatorOptions { Generate = Emulators.SmallOrg, Faults = FaultOptions.Parse("revoke-after=5") });
        using var client = new FeishuHttp(server);
        var token = await client.TenantTokenAsync();
        var codes = new List<int>();
        for (var i = 0; i < 6; i++) codes.Add((await client.GetAsync(Users, token)).Code);
        Assert.Equal([0, 0, 0, 99991663, 99991663, 99991663], codes);
        var fresh = await client.TenantTokenAsync();
        Assert.Equal(0, (await client.GetAsync(Users, fresh)).Code);
    }

    [Fact]
    public async Task Faults_PageTokenRejected_OnlyWhenATokenIsSent()
    {
        await using var server = await Emulators.StartAsync(new EmulatorOptions { Generate = Emulators.SmallOrg, Faults = FaultOptions.Parse("page-token=100%") });
        using var client = new FeishuHttp(server);
        var token = await client.TenantTokenAsync();
        var first = await client.GetAsync("/open-apis/contact/v3/departments/0/children?fetch_child=true", token);
        Assert.Equal(0, first.Code);
        var next = await client.GetAsync("/open-apis/contact/v3/departments/0/children?fetch_child=true&page_token=" + Uri.EscapeDataString(first.Data.GetProperty("page_token").GetString()!), token);
        Assert.Equal(40012, next.Code);
    }

    [Fact]
    public void FaultOptions_Parse_AllKeys()
    {
        var f = FaultOptions.Parse("seed=7,5xx=10%,slow=5%:200ms,drop=1%,malformed=2%,storm=3%,page-token=4%,revoke-after=500");
        Assert.Equal(7, f.Seed);
        Assert.Equal(0.10, f.ServerErrorRate, 6);
        Assert.Equal(TimeSpan.FromMilliseconds(200), f.SlowDelay);
        Assert.Equal(0.05, f.SlowRate, 6);
        Assert.Equal(500, f.RevokeTokensAfter);
        Assert.Throws<FormatException>(() => FaultOptions.Parse("explode=1%"));
    }

    [Fact]
    public async Task ControlApi_StatsReset_CountsStartOver()
    {
        await using var server = await Emulators.StartAsync();
        using var client = new FeishuHttp(server);
        var token = await client.TenantTokenAsync();
        await client.GetAsync(Users, token);
        await client.GetAsync(Users, null);
        Assert.Equal(2, server.Statistics.Calls("GET /open-apis/contact/v3/users/find_by_department"));
        Assert.Equal(1, server.Statistics.Endpoints["GET /open-apis/contact/v3/users/find_by_department"].Errors);
        await client.SendAsync(HttpMethod.Post, "/_emulator/stats/reset", null, null);
        Assert.Equal(0, server.Statistics.TotalCalls);
    }

    [Fact]
    public async Task Faults_Slow_AnsweredAndCountedAsFaulted()
    {
        await using var server = await Emulators.StartAsync(new EmulatorOptions { Generate = Emulators.SmallOrg });
        using var client = new FeishuHttp(server);
        var token = await client.TenantTokenAsync();
        server.Faults = FaultOptions.Parse("seed=2,slow=100%:1ms");
        for (var i = 0; i < 5; i++) Assert.Equal(0, (await client.GetAsync(Users, token)).Code);
        Assert.Equal(5, server.Statistics.Endpoints["GET /open-apis/contact/v3/users/find_by_department"].Faulted);
    }
}
